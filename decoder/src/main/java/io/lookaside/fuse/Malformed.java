package io.lookaside.fuse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Bytes that do not form the message their header announces. {@code header} is the
 * {@link InHeader}, {@link OutHeader} or {@link NotifyHeader} when it could be read (null when
 * the message is shorter than a header); {@code reason} says what is wrong and {@code offset}
 * where, counted from the start of the message.
 */
public record Malformed(@JsonUnwrapped @JsonInclude(JsonInclude.Include.NON_NULL) FuseHeader header, String reason,
        int offset) implements FuseMessage {

    /**
     * The opcode (or notification) the header names, like Wireshark's malformed packets and the
     * 9P decoder, so type filters still find it; {@code Malformed} when not even the header was
     * readable. The {@code reason} key tells it apart.
     */
    @Override
    public String typeName() {
        if (header instanceof InHeader h) {
            return h.opcode().name();
        }
        if (header instanceof OutHeader h) {
            return h.opcode().name();
        }
        if (header instanceof NotifyHeader h) {
            return FuseNotifyCode.of(h.error()).wireName();
        }
        return "Malformed";
    }
}
