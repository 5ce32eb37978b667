package io.lookaside.ninep;

/**
 * Creates name in directory fid with Linux open(2) flags, st_mode bits mode and group gid, and
 * opens it: fid becomes the new, opened file (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] name[s] flags[4] mode[4] gid[4]
 * </pre>
 */
public record Tlcreate(int tag, long fid, String name, long flags, long mode, long gid)
        implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int NAME = 11;

    static Tlcreate read(Cursor c) {
        return new Tlcreate(c.tag(), c.u32(FID), c.str(NAME), c.u32(), c.u32(), c.u32());
    }
}
