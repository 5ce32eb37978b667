package io.lookaside.ninep;

/**
 * Changes the fields of the file of fid that stat sets; ~0 and empty strings mean "don't
 * change" (stat(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] n[2] stat[n]
 * </pre>
 *
 * <p>n, the stat's length including its own size[2], must agree with that size: it is
 * checked, not kept.
 */
public record Twstat(int tag, long fid, Stat stat) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int N = 11;
    public static final int STAT = 13;

    static Twstat read(Cursor c) {
        return new Twstat(c.tag(), c.u32(FID), Stat.readCounted(c, N));
    }
}
