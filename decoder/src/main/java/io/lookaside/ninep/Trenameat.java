package io.lookaside.ninep;

/**
 * Renames oldname in directory olddirfid to newname in directory newdirfid (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] olddirfid[4] oldname[s] newdirfid[4] newname[s]
 * </pre>
 */
public record Trenameat(int tag, long olddirfid, String oldname, long newdirfid, String newname)
        implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int OLDDIRFID = 7;
    public static final int OLDNAME = 11;

    static Trenameat read(Cursor c) {
        return new Trenameat(c.tag(), c.u32(OLDDIRFID), c.str(OLDNAME), c.u32(), c.str());
    }
}
