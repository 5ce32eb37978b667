package io.lookaside.ninep;

/**
 * Opens fid for I/O with a 9P2000 mode: OREAD 0, OWRITE 1, ORDWR 2, OEXEC 3, or'ed with OTRUNC
 * 0x10, ORCLOSE 0x40 (open(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] mode[1]
 * </pre>
 */
public record Topen(int tag, long fid, int mode) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int MODE = 11;

    static Topen read(Cursor c) {
        return new Topen(c.tag(), c.u32(FID), c.u8(MODE));
    }
}
