package io.lookaside.ninep;

/**
 * A message whose type number none of the dialects defines; its body is left undecoded.
 * length is the whole message's length, header included. The JSON key "type" holds
 * {@link #typeName()} ("type123"), which carries the number.
 */
public record Unknown(int type, int tag, long length) implements NinePMessage {
    @Override
    public String typeName() {
        return NinePTypes.name(type);
    }
}
