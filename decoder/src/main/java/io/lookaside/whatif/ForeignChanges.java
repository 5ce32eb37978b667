package io.lookaside.whatif;

import java.util.HashMap;
import java.util.Map;

/**
 * What other connections to the same server changed, and when (what-if.md, Staleness): a
 * cached answer that another connection's change would have made wrong is a stale hit.
 * Keys are server-wide (a qid.path, or a directory qid.path and a name); per key it keeps the
 * latest change and the latest change by any other connection than that one, which is enough
 * to answer "changed by someone other than c since t?".
 */
final class ForeignChanges {
    private record Key(String server, Object what) {
    }

    private static final class Last {
        int conn = -1;
        long time;
        long timeByOthers = Long.MIN_VALUE;
    }

    private final Map<Key, Last> last = new HashMap<>();

    /** A server-wide directory entry: the directory's qid.path and a name. */
    record Entry(long dirQid, String name) {
    }

    /** A server-wide file: its qid.path. */
    record File(long qid) {
    }

    void changed(String server, Object what, int conn, long time) {
        Last l = last.computeIfAbsent(new Key(server, what), k -> new Last());
        if (l.conn >= 0 && l.conn != conn) {
            l.timeByOthers = l.time;
        }
        l.conn = conn;
        l.time = time;
    }

    /** True when a connection other than {@code conn} changed {@code what} after {@code since}. */
    boolean changedByOthers(String server, Object what, int conn, long since) {
        Last l = last.get(new Key(server, what));
        if (l == null) {
            return false;
        }
        long t = l.conn != conn ? l.time : l.timeByOthers;
        return t > since;
    }
}
