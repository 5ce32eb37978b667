package io.lookaside.ninep;

/**
 * Turns fid into an xattr fid that sets attribute name to the attr_size bytes then written to it,
 * committed when fid is clunked; flags are setxattr(2)'s XATTR_CREATE 1 / XATTR_REPLACE 2
 * (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] name[s] attr_size[8] flags[4]
 * </pre>
 */
public record Txattrcreate(int tag, long fid, String name, long attr_size, long flags)
        implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int NAME = 11;

    static Txattrcreate read(Cursor c) {
        return new Txattrcreate(c.tag(), c.u32(FID), c.str(NAME), c.u64(), c.u32());
    }
}
