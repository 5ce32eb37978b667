package io.lookaside.ninep;

/**
 * The qid of the authentication file (attach(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] aqid[13]
 * </pre>
 */
public record Rauth(int tag, Qid aqid) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int AQID = 7;

    static Rauth read(Cursor c) {
        return new Rauth(c.tag(), c.qid(AQID));
    }
}
