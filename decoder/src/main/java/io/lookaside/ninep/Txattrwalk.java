package io.lookaside.ninep;

/**
 * Opens the extended attribute name of fid as newfid, or the list of attribute names when name is
 * empty; the value is then read with Tread on newfid (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] newfid[4] name[s]
 * </pre>
 */
public record Txattrwalk(int tag, long fid, long newfid, String name) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int NEWFID = 11;
    public static final int NAME = 15;

    static Txattrwalk read(Cursor c) {
        return new Txattrwalk(c.tag(), c.u32(FID), c.u32(NEWFID), c.str(NAME));
    }
}
