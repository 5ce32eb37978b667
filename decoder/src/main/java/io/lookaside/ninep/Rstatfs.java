package io.lookaside.ninep;

/**
 * statfs(2) of the file system (9P2000.L). The spec's type field (the file system's magic number)
 * is named fstype here: in a JSONL line the common key "type", the message type name, would hide
 * it.
 *
 * <pre>
 * size[4] type[1] tag[2] type[4] bsize[4] blocks[8] bfree[8] bavail[8] files[8] ffree[8] fsid[8]
 *     namelen[4]
 * </pre>
 */
public record Rstatfs(int tag, long fstype, long bsize, long blocks, long bfree, long bavail,
        long files, long ffree, long fsid, long namelen) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FSTYPE = 7;
    public static final int BSIZE = 11;
    public static final int BLOCKS = 15;
    public static final int BFREE = 23;
    public static final int BAVAIL = 31;
    public static final int FILES = 39;
    public static final int FFREE = 47;
    public static final int FSID = 55;
    public static final int NAMELEN = 63;

    static Rstatfs read(Cursor c) {
        return new Rstatfs(c.tag(), c.u32(FSTYPE), c.u32(BSIZE), c.u64(BLOCKS), c.u64(BFREE),
                c.u64(BAVAIL), c.u64(FILES), c.u64(FFREE), c.u64(FSID), c.u32(NAMELEN));
    }
}
