package io.lookaside.ninep;

/**
 * Asks the server to abandon the request with tag oldtag; the client reuses oldtag only after
 * Rflush (flush(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] oldtag[2]
 * </pre>
 */
public record Tflush(int tag, int oldtag) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int OLDTAG = 7;

    static Tflush read(Cursor c) {
        return new Tflush(c.tag(), c.u16(OLDTAG));
    }
}
