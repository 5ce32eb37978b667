package io.lookaside.ninep;

import java.util.List;

/**
 * Walks fid through the names wnames and, if every step succeeds, calls the result newfid;
 * nwname 0 clones fid, and newfid == fid moves it (walk(5)). At most MAXWELEM names.
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] newfid[4] nwname[2] nwname*(wname[s])
 * </pre>
 *
 * <p>nwname is not a component: it is the size of wnames.
 */
public record Twalk(int tag, long fid, long newfid, List<String> wnames) implements NinePMessage {
    /** The most names one Twalk may carry, and the most qids in Rwalk (walk(5)). */
    public static final int MAXWELEM = 16;

    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int NEWFID = 11;
    public static final int NWNAME = 15;
    public static final int WNAMES = 17;

    public Twalk {
        wnames = List.copyOf(wnames);
    }

    static Twalk read(Cursor c) {
        return new Twalk(c.tag(), c.u32(FID), c.u32(NEWFID), c.strings(NWNAME, "nwname"));
    }
}
