package io.lookaside.ninep;

/**
 * The qid of the root of the attached tree (attach(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] qid[13]
 * </pre>
 */
public record Rattach(int tag, Qid qid) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int QID = 7;

    static Rattach read(Cursor c) {
        return new Rattach(c.tag(), c.qid(QID));
    }
}
