package io.lookaside.ninep;

/**
 * Asks for the target of the symbolic link fid (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4]
 * </pre>
 */
public record Treadlink(int tag, long fid) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;

    static Treadlink read(Cursor c) {
        return new Treadlink(c.tag(), c.u32(FID));
    }
}
