package io.lookaside.ninep;

/**
 * count bytes were written (read(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] count[4]
 * </pre>
 */
public record Rwrite(int tag, long count) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int COUNT = 7;

    static Rwrite read(Cursor c) {
        return new Rwrite(c.tag(), c.u32(COUNT));
    }
}
