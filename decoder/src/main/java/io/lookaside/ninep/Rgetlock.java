package io.lookaside.ninep;

/**
 * The conflicting lock, or lock_type UNLCK 2 when there is none (9P2000.L). The spec's type field
 * is named lock_type, as in Tlock.
 *
 * <pre>
 * size[4] type[1] tag[2] type[1] start[8] length[8] proc_id[4] client_id[s]
 * </pre>
 */
public record Rgetlock(int tag, int lock_type, long start, long length, long proc_id,
        String client_id) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int LOCK_TYPE = 7;
    public static final int START = 8;
    public static final int LENGTH = 16;
    public static final int PROC_ID = 24;
    public static final int CLIENT_ID = 28;

    static Rgetlock read(Cursor c) {
        return new Rgetlock(c.tag(), c.u8(LOCK_TYPE), c.u64(START), c.u64(LENGTH), c.u32(PROC_ID),
                c.str(CLIENT_ID));
    }
}
