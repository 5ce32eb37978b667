package io.lookaside.ninep;

/**
 * Creates the device, FIFO or socket name in directory dfid with st_mode bits mode and device
 * numbers major and minor (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] dfid[4] name[s] mode[4] major[4] minor[4] gid[4]
 * </pre>
 */
public record Tmknod(int tag, long dfid, String name, long mode, long major, long minor, long gid)
        implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int DFID = 7;
    public static final int NAME = 11;

    static Tmknod read(Cursor c) {
        return new Tmknod(c.tag(), c.u32(DFID), c.str(NAME), c.u32(), c.u32(), c.u32(), c.u32());
    }
}
