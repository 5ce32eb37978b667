package io.lookaside.ninep;

/**
 * Creates name in directory fid with permissions perm (DM bits) and opens it with mode; fid becomes
 * the new file (open(5)). 9P2000.u adds extension: the target of a symlink,
 * "b maj min" / "c maj min" for a device, or a hard link's target fid in decimal.
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] name[s] perm[4] mode[1]
 * 9P2000.u and 9P2000.L add: extension[s]
 * </pre>
 *
 * <p>{@code extension} is null in plain 9P2000.
 */
public record Tcreate(int tag, long fid, String name, long perm, int mode, String extension)
        implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int NAME = 11;

    static Tcreate read(Cursor c) {
        return new Tcreate(c.tag(), c.u32(FID), c.str(NAME), c.u32(), c.u8(),
                c.unix() ? c.str() : null);
    }
}
