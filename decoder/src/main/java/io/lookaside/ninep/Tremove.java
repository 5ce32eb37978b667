package io.lookaside.ninep;

/**
 * Removes the file of fid and clunks fid, which is gone even if the remove fails (remove(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4]
 * </pre>
 */
public record Tremove(int tag, long fid) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;

    static Tremove read(Cursor c) {
        return new Tremove(c.tag(), c.u32(FID));
    }
}
