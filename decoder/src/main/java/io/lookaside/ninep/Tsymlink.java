package io.lookaside.ninep;

/**
 * Creates in directory fid the symbolic link name pointing at symtgt, owned by group gid
 * (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] name[s] symtgt[s] gid[4]
 * </pre>
 */
public record Tsymlink(int tag, long fid, String name, String symtgt, long gid)
        implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int NAME = 11;

    static Tsymlink read(Cursor c) {
        return new Tsymlink(c.tag(), c.u32(FID), c.str(NAME), c.str(), c.u32());
    }
}
