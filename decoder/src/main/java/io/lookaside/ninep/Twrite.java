package io.lookaside.ninep;

/**
 * Writes count bytes at offset to fid (read(5)); an xattr fid of Txattrcreate receives the
 * attribute value this way.
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] offset[8] count[4] data[count]
 * </pre>
 *
 * <p>The data is not copied: dataOffset is where it starts, counted from the message's first
 * byte. count is exact even above 64 KiB.
 */
public record Twrite(int tag, long fid, long offset, long count, int dataOffset)
        implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int OFFSET = 11;
    public static final int COUNT = 19;
    public static final int DATA = 23;

    static Twrite read(Cursor c) {
        return new Twrite(c.tag(), c.u32(FID), c.u64(OFFSET), c.data(COUNT), DATA);
    }
}
