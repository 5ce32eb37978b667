package io.lookaside.ninep;

/**
 * Sets the attributes of fid that valid selects (P9_ATTR_*: MODE 1, UID 2, GID 4, SIZE 8, ATIME
 * 0x10, MTIME 0x20, CTIME 0x40, ATIME_SET 0x80, MTIME_SET 0x100) (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] valid[4] mode[4] uid[4] gid[4] size[8] atime_sec[8] atime_nsec[8]
 *     mtime_sec[8] mtime_nsec[8]
 * </pre>
 */
public record Tsetattr(int tag, long fid, long valid, long mode, long uid, long gid, long size,
        long atime_sec, long atime_nsec, long mtime_sec, long mtime_nsec) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int VALID = 11;
    public static final int MODE = 15;
    public static final int UID = 19;
    public static final int GID = 23;
    public static final int SIZE = 27;
    public static final int ATIME_SEC = 35;
    public static final int ATIME_NSEC = 43;
    public static final int MTIME_SEC = 51;
    public static final int MTIME_NSEC = 59;

    static Tsetattr read(Cursor c) {
        return new Tsetattr(c.tag(), c.u32(FID), c.u32(VALID), c.u32(MODE), c.u32(UID), c.u32(GID),
                c.u64(SIZE), c.u64(ATIME_SEC), c.u64(ATIME_NSEC), c.u64(MTIME_SEC),
                c.u64(MTIME_NSEC));
    }
}
