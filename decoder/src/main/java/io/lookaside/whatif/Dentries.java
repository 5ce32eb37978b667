package io.lookaside.whatif;

import io.lookaside.fuse.FuseNotify;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * Which node a name stands for, as far as the replies tell (entry replies and READDIRPLUS put,
 * UNLINK, RMDIR and the removal notifications drop, RENAME moves; committed on the reply, as the
 * kernel does). The models use it to find the node a name-only request touches (the inode an
 * UNLINK or RENAME changes).
 */
final class Dentries {
    /** RENAME_EXCHANGE (linux/fs.h): both names exist and swap. */
    private static final long RENAME_EXCHANGE = 2;

    private final Map<FuseTrace.Name, Long> nodes = new HashMap<>();

    /** The node last known under {@code name}, or 0 when none is known. */
    long node(FuseTrace.Name name) {
        return nodes.getOrDefault(name, 0L);
    }

    /** Commits a successful reply {@code reply} to {@code request}. */
    void reply(int conn, FuseRequest request, FuseReply reply) {
        if (request == null || reply == null) {
            return;
        }
        if (request instanceof FuseRequest.Lookup l && FuseTrace.negative(reply)) {
            nodes.remove(new FuseTrace.Name(conn, l.header().nodeid(), l.name()));
            return;
        }
        if (reply instanceof FuseReply.Error) {
            return;
        }
        if (request instanceof FuseRequest.Unlink || request instanceof FuseRequest.Rmdir) {
            DentryChanges.forEachName(conn, request, nodes::remove);
        } else if (request instanceof FuseRequest.Rename r) {
            move(new FuseTrace.Name(conn, r.header().nodeid(), r.name()), new FuseTrace.Name(conn, r.newdir(),
                    r.newname()), false);
        } else if (request instanceof FuseRequest.Rename2 r) {
            move(new FuseTrace.Name(conn, r.header().nodeid(), r.name()), new FuseTrace.Name(conn, r.newdir(),
                    r.newname()), (r.flags() & RENAME_EXCHANGE) != 0);
        }
        EntryReplies.forEach(conn, request, reply, (name, e) -> nodes.put(name, e.nodeid()));
    }

    /** NOTIFY_INVAL_ENTRY and NOTIFY_DELETE drop the name. */
    void notify(int conn, FuseNotify n) {
        if (n instanceof FuseNotify.Delete || n instanceof FuseNotify.InvalEntry) {
            DentryChanges.forEachName(conn, n, nodes::remove);
        }
    }

    private void move(FuseTrace.Name from, FuseTrace.Name to, boolean exchange) {
        Long moved = nodes.remove(from);
        Long other = exchange ? nodes.remove(to) : null;
        if (moved != null) {
            nodes.put(to, moved);
        } else {
            nodes.remove(to);
        }
        if (other != null) {
            nodes.put(from, other);
        }
    }
}
