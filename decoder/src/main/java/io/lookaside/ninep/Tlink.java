package io.lookaside.ninep;

/**
 * Creates in directory dfid the hard link name to the file of fid (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] dfid[4] fid[4] name[s]
 * </pre>
 */
public record Tlink(int tag, long dfid, long fid, String name) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int DFID = 7;
    public static final int FID = 11;
    public static final int NAME = 15;

    static Tlink read(Cursor c) {
        return new Tlink(c.tag(), c.u32(DFID), c.u32(FID), c.str(NAME));
    }
}
