package io.lookaside.ninep;

/**
 * Asks for the stat record of the file of fid (stat(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4]
 * </pre>
 */
public record Tstat(int tag, long fid) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;

    static Tstat read(Cursor c) {
        return new Tstat(c.tag(), c.u32(FID));
    }
}
