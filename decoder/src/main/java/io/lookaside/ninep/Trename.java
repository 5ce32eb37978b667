package io.lookaside.ninep;

/**
 * Moves the file of fid to name in directory dfid (9P2000.L; Linux falls back to it when the server
 * answers Trenameat with EOPNOTSUPP).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] dfid[4] name[s]
 * </pre>
 */
public record Trename(int tag, long fid, long dfid, String name) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int DFID = 11;
    public static final int NAME = 15;

    static Trename read(Cursor c) {
        return new Trename(c.tag(), c.u32(FID), c.u32(DFID), c.str(NAME));
    }
}
