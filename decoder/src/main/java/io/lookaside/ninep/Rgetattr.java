package io.lookaside.ninep;

/**
 * The attributes of a file; valid says which ones the server filled in (P9_GETATTR_* bits)
 * (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] valid[8] qid[13] mode[4] uid[4] gid[4] nlink[8] rdev[8] size[8] blksize[8]
 *     blocks[8] atime_sec[8] atime_nsec[8] mtime_sec[8] mtime_nsec[8] ctime_sec[8] ctime_nsec[8]
 *     btime_sec[8] btime_nsec[8] gen[8] data_version[8]
 * </pre>
 */
public record Rgetattr(int tag, long valid, Qid qid, long mode, long uid, long gid, long nlink,
        long rdev, long size, long blksize, long blocks, long atime_sec, long atime_nsec,
        long mtime_sec, long mtime_nsec, long ctime_sec, long ctime_nsec, long btime_sec,
        long btime_nsec, long gen, long data_version) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int VALID = 7;
    public static final int QID = 15;
    public static final int MODE = 28;
    public static final int UID = 32;
    public static final int GID = 36;
    public static final int NLINK = 40;
    public static final int RDEV = 48;
    public static final int SIZE = 56;
    public static final int BLKSIZE = 64;
    public static final int BLOCKS = 72;
    public static final int ATIME_SEC = 80;
    public static final int ATIME_NSEC = 88;
    public static final int MTIME_SEC = 96;
    public static final int MTIME_NSEC = 104;
    public static final int CTIME_SEC = 112;
    public static final int CTIME_NSEC = 120;
    public static final int BTIME_SEC = 128;
    public static final int BTIME_NSEC = 136;
    public static final int GEN = 144;
    public static final int DATA_VERSION = 152;

    static Rgetattr read(Cursor c) {
        return new Rgetattr(c.tag(), c.u64(VALID), c.qid(QID), c.u32(MODE), c.u32(UID), c.u32(GID),
                c.u64(NLINK), c.u64(RDEV), c.u64(SIZE), c.u64(BLKSIZE), c.u64(BLOCKS),
                c.u64(ATIME_SEC), c.u64(ATIME_NSEC), c.u64(MTIME_SEC), c.u64(MTIME_NSEC),
                c.u64(CTIME_SEC), c.u64(CTIME_NSEC), c.u64(BTIME_SEC), c.u64(BTIME_NSEC),
                c.u64(GEN), c.u64(DATA_VERSION));
    }
}
