package io.lookaside.ninep;

/**
 * Binds fid to the root of the tree aname for user uname, who authenticated through afid, or afid =
 * NOFID without authentication (attach(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] afid[4] uname[s] aname[s]
 * 9P2000.u and 9P2000.L add: n_uname[4]
 * </pre>
 *
 * <p>{@code n_uname} is null in plain 9P2000.
 */
public record Tattach(int tag, long fid, long afid, String uname, String aname, Long n_uname)
        implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int AFID = 11;
    public static final int UNAME = 15;

    static Tattach read(Cursor c) {
        return new Tattach(c.tag(), c.u32(FID), c.u32(AFID), c.str(UNAME), c.str(),
                c.unix() ? c.u32() : null);
    }
}
