package io.lookaside.ninep;

import java.util.List;

/**
 * One qid per name walked. Fewer qids than the Twalk's names means the walk stopped at the
 * name after the last qid and newfid was not created; an error on the first name comes as
 * Rerror/Rlerror instead (walk(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] nwqid[2] nwqid*(qid[13])
 * </pre>
 *
 * <p>nwqid is not a component: it is the size of qids.
 */
public record Rwalk(int tag, List<Qid> qids) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int NWQID = 7;
    public static final int QIDS = 9;

    public Rwalk {
        qids = List.copyOf(qids);
    }

    static Rwalk read(Cursor c) {
        return new Rwalk(c.tag(), c.qids(NWQID, "nwqid"));
    }
}
