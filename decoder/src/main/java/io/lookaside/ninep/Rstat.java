package io.lookaside.ninep;

/**
 * The stat record of a file (stat(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] n[2] stat[n]
 * </pre>
 *
 * <p>n, the stat's length including its own size[2], must agree with that size: it is
 * checked, not kept.
 */
public record Rstat(int tag, Stat stat) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int N = 7;
    public static final int STAT = 9;

    static Rstat read(Cursor c) {
        return new Rstat(c.tag(), Stat.readCounted(c, N));
    }
}
