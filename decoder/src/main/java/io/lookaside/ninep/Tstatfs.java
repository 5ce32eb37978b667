package io.lookaside.ninep;

/**
 * Asks for the statfs(2) numbers of the file system that holds fid (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4]
 * </pre>
 */
public record Tstatfs(int tag, long fid) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;

    static Tstatfs read(Cursor c) {
        return new Tstatfs(c.tag(), c.u32(FID));
    }
}
