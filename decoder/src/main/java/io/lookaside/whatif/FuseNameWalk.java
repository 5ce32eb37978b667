package io.lookaside.whatif;

import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.Map;

/**
 * The walk the FUSE name-cache models share (entry timeout, negative entries, READDIRPLUS): the
 * capture's FUSE messages in order; the node generations and epochs ({@link FuseNodes}) follow
 * every notification and request; the names a notification, a request or its reply changes
 * leave the model's cache ({@link DentryChanges}); and the model's rule sees every request and
 * every reply of its opcodes, after those updates.
 */
final class FuseNameWalk {
    private FuseNameWalk() {
    }

    /** What a model does with a request of its opcodes. */
    interface Requests {
        void request(int i, int conn, FuseRequest r);
    }

    /** What a model does with a reply of its opcodes, given its request {@code req} decoded as {@code r}. */
    interface Replies {
        void reply(int i, int conn, int req, FuseRequest r);
    }

    static void walk(Session s, FuseOps ops, FuseNodes nodes, Map<FuseTrace.Name, ?> cache, Requests requests,
                     Replies replies) {
        for (int i = 0; i < s.size(); i++) {
            if (!FuseTrace.isFuse(s, i)) {
                continue;
            }
            int conn = s.conn(i);
            Direction d = s.direction(i);
            if (d == Direction.NOTIFY) {
                var n = FuseTrace.notify(s, i);
                nodes.observe(conn, n);
                DentryChanges.forEachName(conn, n, cache::remove);
                continue;
            }
            if (!ops.has(s.typeCode(i))) {
                continue;
            }
            if (d == Direction.REQUEST) {
                FuseRequest r = FuseTrace.request(s, i);
                nodes.observe(conn, r);
                DentryChanges.forEachName(conn, r, cache::remove);
                requests.request(i, conn, r);
                continue;
            }
            int req = s.peer(i);
            FuseRequest r = FuseTrace.request(s, req);
            DentryChanges.forEachName(conn, r, cache::remove);
            replies.reply(i, conn, req, r);
        }
    }
}
