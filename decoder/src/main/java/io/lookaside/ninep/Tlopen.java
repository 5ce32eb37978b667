package io.lookaside.ninep;

/**
 * Opens fid with Linux open(2) flags (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] flags[4]
 * </pre>
 */
public record Tlopen(int tag, long fid, long flags) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int FLAGS = 11;

    static Tlopen read(Cursor c) {
        return new Tlopen(c.tag(), c.u32(FID), c.u32(FLAGS));
    }
}
