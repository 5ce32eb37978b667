package io.lookaside.ninep;

/**
 * A POSIX record lock request on fid, fcntl(2) F_SETLK, or F_SETLKW with flags BLOCK 1 (RECLAIM 2)
 * (9P2000.L). The spec's type field, RDLCK 0, WRLCK 1 or UNLCK 2, is named lock_type here: in a
 * JSONL line the common key "type", the message type name, would hide it.
 *
 * <pre>
 * size[4] type[1] tag[2] fid[4] type[1] flags[4] start[8] length[8] proc_id[4] client_id[s]
 * </pre>
 */
public record Tlock(int tag, long fid, int lock_type, long flags, long start, long length,
        long proc_id, String client_id) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int FID = 7;
    public static final int LOCK_TYPE = 11;
    public static final int FLAGS = 12;
    public static final int START = 16;
    public static final int LENGTH = 24;
    public static final int PROC_ID = 32;
    public static final int CLIENT_ID = 36;

    static Tlock read(Cursor c) {
        return new Tlock(c.tag(), c.u32(FID), c.u8(LOCK_TYPE), c.u32(FLAGS), c.u64(START),
                c.u64(LENGTH), c.u32(PROC_ID), c.str(CLIENT_ID));
    }
}
