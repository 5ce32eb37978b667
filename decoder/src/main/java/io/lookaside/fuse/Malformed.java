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

    @Override
    public String typeName() {
        return "Malformed";
    }
}
