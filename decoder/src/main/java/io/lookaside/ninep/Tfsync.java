package io.lookaside.ninep;

/**
 * fsync(2) (datasync 0) or fdatasync(2) (datasync 1) of the open file fid (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] datasync[4]
 * </pre>
 */
public record Tfsync(int tag, long fid, long datasync) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int DATASYNC = 11;

    static Tfsync read(Cursor c) {
        return new Tfsync(c.tag(), c.u32(FID), c.u32(DATASYNC));
    }
}
