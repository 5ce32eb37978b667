package io.lookaside.ninep;

/**
 * A message that breaks its layout: reason says how and offset, counted from the message's
 * first byte, says where. type and tag are -1 when the message is too short to hold them.
 *
 * <p>The type name is the spec name of type ("Twalk"), as Wireshark keeps a malformed
 * packet's type, so filters on type still find it; the reason field tells a Malformed apart.
 * In a JSONL line the common key "type" holds that name and hides the number.
 */
public record Malformed(int type, int tag, String reason, int offset) implements NinePMessage {
    @Override
    public String typeName() {
        return type < 0 ? "Malformed" : NinePTypes.name(type);
    }
}
