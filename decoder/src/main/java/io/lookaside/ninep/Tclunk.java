package io.lookaside.ninep;

/**
 * Forgets fid. The fid is gone afterwards even if the clunk fails (clunk(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4]
 * </pre>
 */
public record Tclunk(int tag, long fid) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;

    static Tclunk read(Cursor c) {
        return new Tclunk(c.tag(), c.u32(FID));
    }
}
