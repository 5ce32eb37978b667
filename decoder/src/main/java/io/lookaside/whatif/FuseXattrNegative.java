package io.lookaside.whatif;

import io.lookaside.fuse.FuseNotify;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.HashMap;
import java.util.Map;

/**
 * A negative xattr cache: the kernel keeps no extended attributes for FUSE, so every
 * GETXATTR reaches the daemon, including the security.capability check the kernel makes before
 * each WRITE (security/commoncap.c cap_inode_need_killpriv()) and the ACL lookups of every
 * permission check. Remembering "no such attribute" (ENODATA) per node and name saves the repeats.
 */
final class FuseXattrNegative extends FuseModel {
    private static final FuseOps OPS = FuseOps.of(FuseOpcode.GETXATTR, FuseOpcode.SETXATTR,
            FuseOpcode.REMOVEXATTR, FuseOpcode.FORGET, FuseOpcode.BATCH_FORGET);

    private record Cached(long expires, int generation) {
    }

    @Override
    public String id() {
        return "fuse-xattr-negative";
    }

    @Override
    public String title() {
        return "FUSE negative xattr cache";
    }

    @Override
    public String assumptions() {
        return "A GETXATTR(node, name) answered ENODATA is remembered for the window; a GETXATTR of the same node "
                + "and name within it that is answered ENODATA again is answered by the kernel and saves one round "
                + "trip, whatever buffer size it asked with. The memory is dropped by SETXATTR and REMOVEXATTR of that "
                + "name, by NOTIFY_INVAL_INODE of the node, and when the kernel forgets the node. No kernel has this "
                + "cache today; it is what a daemon-agreed flag could enable. A hit whose real reply carried a value "
                + "is a stale hit: the attribute was set behind this client's back. Changes that no message reveals "
                + "cannot be seen from one daemon's traffic.";
    }

    @Override
    void run(Session s, long window, Marks marks) {
        FuseNodes nodes = new FuseNodes();
        Map<FuseTrace.Name, Cached> missing = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (!FuseTrace.isFuse(s, i)) {
                continue;
            }
            int conn = s.conn(i);
            Direction d = s.direction(i);
            if (d == Direction.NOTIFY) {
                var n = FuseTrace.notify(s, i);
                nodes.observe(conn, n);
                if (n instanceof FuseNotify.InvalInode inval) {
                    nodes.forget(conn, inval.ino());
                }
                continue;
            }
            if (!OPS.has(s.typeCode(i))) {
                continue;
            }
            FuseRequest r = FuseTrace.request(s, d == Direction.REQUEST ? i : s.peer(i));
            FuseTrace.Name key = key(conn, r);
            if (d == Direction.REQUEST) {
                nodes.observe(conn, r);
                if (r instanceof FuseRequest.Setxattr || r instanceof FuseRequest.Removexattr) {
                    missing.remove(key);
                } else if (r instanceof FuseRequest.Getxattr) {
                    Cached c = missing.get(key);
                    if (c != null && s.tsNanos(i) <= c.expires()
                            && c.generation() == nodes.generation(conn, key.parent())) {
                        marks.judge(i, verdict(FuseTrace.replyTo(s, i)));
                    }
                }
                continue;
            }
            if (key == null || marks.isHit(s.peer(i))) {
                continue;
            }
            FuseReply a = FuseTrace.reply(s, i);
            if (r instanceof FuseRequest.Getxattr && a instanceof FuseReply.Error e
                    && e.header().error() == -FuseTrace.ENODATA) {
                long expires = FuseTrace.expiry(s.tsNanos(i), window, 0);
                if (expires != FuseTrace.NEVER) {
                    missing.put(key, new Cached(expires, nodes.generation(conn, key.parent())));
                }
            } else {
                missing.remove(key);
            }
        }
    }

    private static FuseTrace.Name key(int conn, FuseRequest r) {
        if (r instanceof FuseRequest.Getxattr g) {
            return new FuseTrace.Name(conn, g.header().nodeid(), g.name());
        } else if (r instanceof FuseRequest.Setxattr x) {
            return new FuseTrace.Name(conn, x.header().nodeid(), x.name());
        } else if (r instanceof FuseRequest.Removexattr x) {
            return new FuseTrace.Name(conn, x.header().nodeid(), x.name());
        }
        return null;
    }

    private static Marks.Verdict verdict(FuseReply real) {
        if (real instanceof FuseReply.Error e) {
            return e.header().error() == -FuseTrace.ENODATA ? Marks.Verdict.SAME : Marks.Verdict.UNKNOWN;
        }
        return real instanceof FuseReply.Xattr || real instanceof FuseReply.XattrSize ? Marks.Verdict.DIFFERENT
                : Marks.Verdict.UNKNOWN;
    }
}
