package io.lookaside.ninep;

/**
 * The qid of the opened file and iounit, the largest read or write that is atomic (0: msize - 24)
 * (open(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] qid[13] iounit[4]
 * </pre>
 */
public record Ropen(int tag, Qid qid, long iounit) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int QID = 7;
    public static final int IOUNIT = 20;

    static Ropen read(Cursor c) {
        return new Ropen(c.tag(), c.qid(QID), c.u32(IOUNIT));
    }
}
