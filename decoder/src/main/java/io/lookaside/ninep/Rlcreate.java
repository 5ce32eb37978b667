package io.lookaside.ninep;

/**
 * The qid of the created, opened file and its iounit (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] qid[13] iounit[4]
 * </pre>
 */
public record Rlcreate(int tag, Qid qid, long iounit) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int QID = 7;
    public static final int IOUNIT = 20;

    static Rlcreate read(Cursor c) {
        return new Rlcreate(c.tag(), c.qid(QID), c.u32(IOUNIT));
    }
}
