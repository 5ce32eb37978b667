package io.lookaside.ninep;

/**
 * The target of the symbolic link (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] target[s]
 * </pre>
 */
public record Rreadlink(int tag, String target) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int TARGET = 7;

    static Rreadlink read(Cursor c) {
        return new Rreadlink(c.tag(), c.str(TARGET));
    }
}
