package io.lookaside.ninep;

/**
 * Asks for the attributes of fid that request_mask selects (P9_GETATTR_*: MODE 0x1 ... BASIC 0x7ff,
 * ALL 0x3fff) (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] request_mask[8]
 * </pre>
 */
public record Tgetattr(int tag, long fid, long request_mask) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int REQUEST_MASK = 11;

    static Tgetattr read(Cursor c) {
        return new Tgetattr(c.tag(), c.u32(FID), c.u64(REQUEST_MASK));
    }
}
