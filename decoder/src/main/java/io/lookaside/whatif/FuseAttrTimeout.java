package io.lookaside.whatif;

import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.wire.Errno;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attribute timeout ({@code attr_timeout}, attr_valid): the kernel answers stat(2) from the
 * attributes it holds until they expire or something invalidates them (fs/fuse/dir.c
 * fuse_update_get_attr()). A GETATTR or STATX that returns exactly the attributes already held
 * is the round trip a longer timeout saves.
 */
final class FuseAttrTimeout extends FuseModel {
    private static final FuseOps OPS = FuseOps.NAMESPACE.with(FuseOpcode.GETATTR, FuseOpcode.STATX,
            FuseOpcode.SETATTR, FuseOpcode.WRITE, FuseOpcode.FALLOCATE, FuseOpcode.COPY_FILE_RANGE,
            FuseOpcode.COPY_FILE_RANGE_64, FuseOpcode.READ, FuseOpcode.READDIR, FuseOpcode.READDIRPLUS,
            FuseOpcode.READLINK, FuseOpcode.SETXATTR, FuseOpcode.REMOVEXATTR, FuseOpcode.OPEN, FuseOpcode.TMPFILE);

    /** Attributes: until when the simulation trusts them, until when the kernel really did. */
    /**
     * Whether atime counts, as in the kernel (reads invalidate it, and a different atime is a
     * different answer); false only to tell, in the remarks, what atime costs.
     */
    private final boolean atime;

    FuseAttrTimeout() {
        this(true);
    }

    private FuseAttrTimeout(boolean atime) {
        this.atime = atime;
    }

    private record Cached(FuseTrace.Attrs attrs, long expires, long kernelExpires, int generation) {
    }

    @Override
    public String id() {
        return "fuse-attr-timeout";
    }

    @Override
    public String title() {
        return "FUSE attribute timeout (attr_timeout)";
    }

    @Override
    public String assumptions() {
        return "The attributes of a node (from GETATTR, SETATTR, STATX, an entry reply or a READDIRPLUS entry) are "
                + "trusted for the window; a GETATTR or STATX of that node within it that returns identical attributes "
                + "(ino, size, blocks, times, mode, nlink, uid, gid) is answered by the kernel and saves one round "
                + "trip. They are dropped where the kernel drops them: SETATTR, WRITE, FALLOCATE, COPY_FILE_RANGE, "
                + "SETXATTR, REMOVEXATTR and truncating OPENs of the node; READ, READDIR(PLUS) and READLINK, which "
                + "move its atime; creations, removals and renames in a directory (the directory, and the inode "
                + "whose link count or ctime changes); NOTIFY_INVAL_INODE, NOTIFY_INVAL_ENTRY (the parent), "
                + "NOTIFY_DELETE; and when the kernel forgets the node. A GETATTR the kernel sent although its own "
                + "copy (the attr_valid the daemon answered) was still valid had a reason the capture does not show, "
                + "which a longer timeout would not remove: it is not counted, except at the 'answered' window, whose "
                + "result is exactly those requests (the kernel defaults baseline). A hit whose real "
                + "reply differs (or says ENOENT or ESTALE) is a stale hit: the file changed behind this client's "
                + "back. Changes that no message reveals cannot be seen from one daemon's traffic.";
    }

    @Override
    void run(Session s, long window, Marks marks) {
        FuseNodes nodes = new FuseNodes();
        Dentries dentries = new Dentries();
        Map<FuseTrace.Node, Cached> attrs = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (!FuseTrace.isFuse(s, i)) {
                continue;
            }
            int conn = s.conn(i);
            Direction d = s.direction(i);
            if (d == Direction.NOTIFY) {
                var n = FuseTrace.notify(s, i);
                nodes.observe(conn, n);
                AttrChanges.forEachNode(conn, n, dentries, node -> attrs.remove(new FuseTrace.Node(conn, node)));
                if (n != null) {
                    dentries.notify(conn, n);
                }
                continue;
            }
            if (!OPS.has(s.typeCode(i))) {
                continue;
            }
            if (d == Direction.REQUEST) {
                FuseRequest r = FuseTrace.request(s, i);
                nodes.observe(conn, r);
                invalidate(attrs, conn, r, dentries);
                if (r instanceof FuseRequest.Getattr || r instanceof FuseRequest.Statx) {
                    var key = new FuseTrace.Node(conn, r.header().nodeid());
                    Cached c = attrs.get(key);
                    if (c != null && c.generation() == nodes.generation(conn, key.nodeid())
                            && FuseTrace.hit(s.tsNanos(i), c.expires(), c.kernelExpires(), window)) {
                        marks.judge(i, verdict(c, FuseTrace.replyTo(s, i), atime));
                    }
                }
                continue;
            }
            int req = s.peer(i);
            FuseRequest r = FuseTrace.request(s, req);
            FuseReply a = FuseTrace.reply(s, i);
            // a request the simulated cache answered never reached the daemon: its reply refreshes only the kernel's copy
            boolean simulated = marks.isHit(req);
            invalidate(attrs, conn, r, dentries);
            dentries.reply(conn, r, a);
            long at = s.tsNanos(i);
            if (r != null && a instanceof FuseReply.Attr ar) {
                put(attrs, nodes, new FuseTrace.Node(conn, r.header().nodeid()), FuseTrace.Attrs.of(ar.attr()), at,
                        window, FuseTrace.nanos(ar.attr_valid(), ar.attr_valid_nsec()), simulated);
            } else if (r != null && a instanceof FuseReply.Statx sx) {
                put(attrs, nodes, new FuseTrace.Node(conn, r.header().nodeid()), FuseTrace.Attrs.of(sx.stat()), at,
                        window, FuseTrace.nanos(sx.attr_valid(), sx.attr_valid_nsec()), simulated);
            }
            EntryReplies.forEach(conn, r, a, (name, e) -> put(attrs, nodes, new FuseTrace.Node(conn, e.nodeid()),
                    FuseTrace.Attrs.of(e.attr()), at, window, FuseTrace.nanos(e.attr_valid(), e.attr_valid_nsec()),
                    false));
        }
    }

    /**
     * Drops the attributes {@code r} makes stale. A read moves only the atime: when this model
     * ignores atime, the simulated copy survives it, the kernel's own does not.
     */
    private void invalidate(Map<FuseTrace.Node, Cached> attrs, int conn, FuseRequest r, Dentries dentries) {
        boolean kernelOnly = !atime && AttrChanges.movesOnlyAtime(r);
        AttrChanges.forEachNode(conn, r, dentries, node -> {
            var key = new FuseTrace.Node(conn, node);
            Cached c = attrs.get(key);
            if (c != null && kernelOnly) {
                attrs.put(key, new Cached(c.attrs(), c.expires(), FuseTrace.NEVER, c.generation()));
            } else {
                attrs.remove(key);
            }
        });
    }

    private static void put(Map<FuseTrace.Node, Cached> attrs, FuseNodes nodes, FuseTrace.Node key,
            FuseTrace.Attrs value, long at, long window, long answered, boolean simulated) {
        long kernel = FuseTrace.expiry(at, Windows.AS_ANSWERED, answered);
        Cached old = attrs.get(key);
        if (simulated && old != null) {
            attrs.put(key, new Cached(old.attrs(), old.expires(), kernel, old.generation()));
        } else {
            attrs.put(key, new Cached(value, FuseTrace.expiry(at, window, answered), kernel,
                    nodes.generation(key.conn(), key.nodeid())));
        }
    }

    @Override
    List<String> notes(Session s) {
        List<String> out = new ArrayList<>(FuseTrace.kernelIgnoredItsCache(this, s, "GETATTR/STATX requests"));
        long counted = requests(s, simulate(s, null, Windows.INFINITE).eliminated());
        long withoutAtime = requests(s, new FuseAttrTimeout(false).simulate(s, null, Windows.INFINITE).eliminated());
        if (withoutAtime > counted) {
            out.add((withoutAtime - counted) + " more GETATTR/STATX requests returned the attributes already held "
                    + "except for atime: the kernel asks again after every READ, READDIR or READLINK of a node "
                    + "(fuse_invalidate_atime()), and reads move the atime on the backing store. A longer attr "
                    + "timeout saves them only where a stale atime is acceptable; not counted.");
        }
        return out;
    }

    private static long requests(Session s, java.util.BitSet set) {
        long n = 0;
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            if (s.direction(i) == Direction.REQUEST) {
                n++;
            }
        }
        return n;
    }

    private static Marks.Verdict verdict(Cached c, FuseReply real, boolean atime) {
        FuseTrace.Attrs now = real instanceof FuseReply.Attr a ? FuseTrace.Attrs.of(a.attr())
                : real instanceof FuseReply.Statx x ? FuseTrace.Attrs.of(x.stat()) : null;
        if (now != null) {
            boolean same = atime ? now.equals(c.attrs()) : now.withoutAtime().equals(c.attrs().withoutAtime());
            return same ? Marks.Verdict.SAME : Marks.Verdict.DIFFERENT;
        }
        if (real instanceof FuseReply.Error e && (e.header().error() == -FuseTrace.ENOENT
                || e.header().error() == -Errno.ESTALE.code())) {
            return Marks.Verdict.DIFFERENT;
        }
        return Marks.Verdict.UNKNOWN;
    }
}
