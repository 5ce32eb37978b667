package io.lookaside.ninep;

/**
 * Asks for an authentication file afid through which uname proves itself before attaching to aname
 * (attach(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] afid[4] uname[s] aname[s]
 * 9P2000.u and 9P2000.L add: n_uname[4]
 * </pre>
 *
 * <p>{@code n_uname} is null in plain 9P2000.
 */
public record Tauth(int tag, long afid, String uname, String aname, Long n_uname)
        implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int AFID = 7;
    public static final int UNAME = 11;

    static Tauth read(Cursor c) {
        return new Tauth(c.tag(), c.u32(AFID), c.str(UNAME), c.str(), c.unix() ? c.u32() : null);
    }
}
