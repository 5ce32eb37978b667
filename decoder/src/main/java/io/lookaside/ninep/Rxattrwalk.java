package io.lookaside.ninep;

/**
 * The size of the attribute value, or of the name list, to be read from newfid (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] size[8]
 * </pre>
 */
public record Rxattrwalk(int tag, long size) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int SIZE = 7;

    static Rxattrwalk read(Cursor c) {
        return new Rxattrwalk(c.tag(), c.u64(SIZE));
    }
}
