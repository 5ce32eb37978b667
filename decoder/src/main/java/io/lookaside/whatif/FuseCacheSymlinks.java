package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.fuse.FuseNotify;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FUSE_CACHE_SYMLINKS (7.28): the daemon lets the kernel keep symlink targets in the page cache
 * (fs/fuse/dir.c fuse_get_link(): page_get_link() instead of a READLINK each time). A READLINK
 * of a node whose target is already held, answered with the same target, is a saved round trip.
 */
final class FuseCacheSymlinks extends FuseModel {
    private static final FuseOps OPS = FuseOps.of(FuseOpcode.READLINK, FuseOpcode.SETATTR, FuseOpcode.FORGET,
            FuseOpcode.BATCH_FORGET);

    private record Cached(String target, long expires, int generation) {
    }

    @Override
    public String id() {
        return "fuse-cache-symlinks";
    }

    @Override
    public String title() {
        return "FUSE symlink cache (CACHE_SYMLINKS)";
    }

    @Override
    public String assumptions() {
        return "A READLINK's target is kept per node for the window (with CACHE_SYMLINKS the kernel keeps it in the "
                + "page cache until the inode is evicted or invalidated: the infinite window); a READLINK of the same "
                + "node within it that returns the same target is answered by the kernel and saves one round trip. "
                + "The target is dropped on NOTIFY_INVAL_INODE and SETATTR of the node and when the kernel forgets the "
                + "node; a RENAME onto the link puts another node under the name, whose READLINK is a miss anyway. "
                + "On a connection whose INIT already agreed CACHE_SYMLINKS nothing is counted: the change is in "
                + "effect, and repeats there come from evictions the capture does not show. A hit whose real reply "
                + "is another target is a stale hit: the link was replaced behind this client's back. Changes that "
                + "no message reveals cannot be seen from one daemon's traffic.";
    }

    @Override
    void run(Session s, long window, Marks marks) {
        FuseNodes nodes = new FuseNodes();
        Map<FuseTrace.Node, Cached> targets = new HashMap<>();
        Map<Integer, Boolean> agreed = new HashMap<>();
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
                    targets.remove(new FuseTrace.Node(conn, inval.ino()));
                }
                continue;
            }
            if (!OPS.has(s.typeCode(i))
                    || agreed.computeIfAbsent(conn, c -> FuseTrace.Init.of(s, c).agreed("CACHE_SYMLINKS"))) {
                continue;
            }
            if (d == Direction.REQUEST) {
                FuseRequest r = FuseTrace.request(s, i);
                nodes.observe(conn, r);
                if (r instanceof FuseRequest.Setattr) {
                    targets.remove(new FuseTrace.Node(conn, r.header().nodeid()));
                } else if (r instanceof FuseRequest.Readlink) {
                    var key = new FuseTrace.Node(conn, r.header().nodeid());
                    Cached c = targets.get(key);
                    if (c != null && s.tsNanos(i) <= c.expires()
                            && c.generation() == nodes.generation(conn, key.nodeid())) {
                        marks.judge(i, verdict(c, FuseTrace.replyTo(s, i)));
                    }
                }
                continue;
            }
            int req = s.peer(i);
            if (req < 0 || marks.isHit(req) || s.typeCode(i) != FuseOpcode.READLINK.code()) {
                continue;
            }
            FuseRequest r = FuseTrace.request(s, req);
            if (r != null && FuseTrace.reply(s, i) instanceof FuseReply.Readlink link) {
                var key = new FuseTrace.Node(conn, r.header().nodeid());
                long expires = FuseTrace.expiry(s.tsNanos(i), window, 0);
                if (expires == FuseTrace.NEVER) {
                    targets.remove(key);
                } else {
                    targets.put(key, new Cached(link.target(), expires, nodes.generation(conn, key.nodeid())));
                }
            }
        }
    }

    private static Marks.Verdict verdict(Cached c, FuseReply real) {
        if (real instanceof FuseReply.Readlink link) {
            return link.target().equals(c.target()) ? Marks.Verdict.SAME : Marks.Verdict.DIFFERENT;
        }
        return Marks.Verdict.UNKNOWN;
    }

    @Override
    List<String> notes(Session s) {
        List<String> out = new ArrayList<>();
        for (var c : s.connections()) {
            if (c.protocol() != Protocol.FUSE) {
                continue;
            }
            FuseTrace.Init init = FuseTrace.Init.of(s, c.index());
            if (!init.seen()) {
                out.add("Connection " + c.id() + ": no INIT in the capture, so whether CACHE_SYMLINKS was agreed is "
                        + "unknown; the model assumes it was not.");
            } else if (init.agreed("CACHE_SYMLINKS")) {
                out.add("Connection " + c.id() + ": INIT already agreed CACHE_SYMLINKS, so the kernel keeps symlink "
                        + "targets; " + readlinks(s, c.index()) + " READLINKs still reached the daemon (evictions or "
                        + "invalidations), which is odd and not counted as a saving.");
            } else {
                out.add("Connection " + c.id() + ": INIT did not agree CACHE_SYMLINKS: every symlink resolution "
                        + "reached the daemon (" + readlinks(s, c.index()) + " READLINKs).");
            }
        }
        return out;
    }

    private static int readlinks(Session s, int conn) {
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.conn(i) == conn && FuseTrace.is(s, i, Direction.REQUEST, FuseOpcode.READLINK)) {
                n++;
            }
        }
        return n;
    }
}
