package io.lookaside.ninep;

/**
 * fcntl(2) F_GETLK on fid: would this lock conflict with one held (9P2000.L)? The spec's type field
 * is named lock_type, as in Tlock.
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] type[1] start[8] length[8] proc_id[4] client_id[s]
 * </pre>
 */
public record Tgetlock(int tag, long fid, int lock_type, long start, long length, long proc_id,
        String client_id) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int LOCK_TYPE = 11;
    public static final int START = 12;
    public static final int LENGTH = 20;
    public static final int PROC_ID = 28;
    public static final int CLIENT_ID = 32;

    static Tgetlock read(Cursor c) {
        return new Tgetlock(c.tag(), c.u32(FID), c.u8(LOCK_TYPE), c.u64(START), c.u64(LENGTH),
                c.u32(PROC_ID), c.str(CLIENT_ID));
    }
}
