package io.lookaside.ninep;

/**
 * The qid of the new node (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] qid[13]
 * </pre>
 */
public record Rmknod(int tag, Qid qid) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int QID = 7;

    static Rmknod read(Cursor c) {
        return new Rmknod(c.tag(), c.qid(QID));
    }
}
