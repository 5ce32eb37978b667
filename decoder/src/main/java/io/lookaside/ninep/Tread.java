package io.lookaside.ninep;

/**
 * Reads at most count bytes at offset from fid (read(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] offset[8] count[4]
 * </pre>
 */
public record Tread(int tag, long fid, long offset, long count) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int OFFSET = 11;
    public static final int COUNT = 19;

    static Tread read(Cursor c) {
        return new Tread(c.tag(), c.u32(FID), c.u64(OFFSET), c.u32(COUNT));
    }
}
