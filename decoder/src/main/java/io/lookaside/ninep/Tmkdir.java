package io.lookaside.ninep;

/**
 * Creates directory name in dfid with st_mode bits mode and group gid (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] dfid[4] name[s] mode[4] gid[4]
 * </pre>
 */
public record Tmkdir(int tag, long dfid, String name, long mode, long gid) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int DFID = 7;
    public static final int NAME = 11;

    static Tmkdir read(Cursor c) {
        return new Tmkdir(c.tag(), c.u32(DFID), c.str(NAME), c.u32(), c.u32());
    }
}
