package io.lookaside.whatif;

import io.lookaside.fuse.FuseNotify;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FOPEN_KEEP_CACHE: without it the kernel drops a file's page cache on every open
 * (fs/fuse/file.c fuse_finish_open(): invalidate_inode_pages2()), so a file read again through
 * a new open is read from the daemon again. With it the pages stay until the file changes.
 */
final class KeepCache extends FuseModel {
    private static final FuseOps OPS = FuseOps.NAMESPACE.with(FuseOpcode.OPEN, FuseOpcode.RELEASE, FuseOpcode.READ,
            FuseOpcode.WRITE, FuseOpcode.FALLOCATE, FuseOpcode.COPY_FILE_RANGE, FuseOpcode.COPY_FILE_RANGE_64,
            FuseOpcode.SETATTR, FuseOpcode.GETATTR, FuseOpcode.STATX, FuseOpcode.READDIRPLUS);
    /** FATTR_MTIME | FATTR_MTIME_NOW | FATTR_SIZE: a SETATTR that changes the data or says it changed. */
    private static final long DATA_CHANGE = 0x20 | 0x100 | FuseTrace.FATTR_SIZE;

    /** What the kernel would hold for one node: ranges read through handles since closed, the EOF seen, the last size and mtime. */
    private static final class NodeCache {
        final Ranges shared = new Ranges();
        long eof = -1;
        int version;
        FuseTrace.Attrs last;

        void invalidate() {
            shared.clear();
            eof = -1;
            version++;
        }
    }

    /** One open handle: the ranges read through it (in the node's current version), and how it was opened. */
    private static final class Open {
        final Ranges own = new Ranges();
        int version;
        final boolean direct;
        final boolean keepCache;

        Open(int version, boolean direct, boolean keepCache) {
            this.version = version;
            this.direct = direct;
            this.keepCache = keepCache;
        }
    }

    @Override
    public String id() {
        return "keep-cache";
    }

    @Override
    public String title() {
        return "Page cache kept across opens (FOPEN_KEEP_CACHE)";
    }

    @Override
    public boolean windowed() {
        return false;
    }

    @Override
    public String assumptions() {
        return "A READ through a handle opened without KEEP_CACHE is answered from the page cache when every byte it "
                + "asks for (up to the end of file, once a short read has shown where that is) was read through a "
                + "handle of the same node that has since been closed, and nothing changed the file since: one "
                + "round trip per READ. The file counts as changed on WRITE, FALLOCATE, COPY_FILE_RANGE into it, a "
                + "SETATTR of size or mtime, a truncating OPEN, NOTIFY_INVAL_INODE or NOTIFY_STORE, when any reply "
                + "shows another size or mtime (AUTO_INVAL_DATA behaviour), and when the kernel forgets the node. "
                + "Handles opened with O_DIRECT or FOPEN_DIRECT_IO have no page cache; reads through handles that "
                + "already had KEEP_CACHE, or were opened before the capture, are not counted. The page cache is "
                + "assumed large enough (no eviction). A hit whose real reply returned another number of bytes is a "
                + "stale hit: the file changed behind this client's back. The window plays no part.";
    }

    @Override
    void run(Session s, long window, Marks marks) {
        Map<FuseTrace.Node, NodeCache> cache = new HashMap<>();
        Map<FuseTrace.Handle, ArrayDeque<Open>> handles = new HashMap<>();
        Map<Integer, Integer> readVersion = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (!FuseTrace.isFuse(s, i)) {
                continue;
            }
            int conn = s.conn(i);
            Direction d = s.direction(i);
            if (d == Direction.NOTIFY) {
                var n = FuseTrace.notify(s, i);
                forgets(cache, conn, n);
                if (n instanceof FuseNotify.InvalInode inval) {
                    node(cache, conn, inval.ino()).invalidate();
                } else if (n instanceof FuseNotify.Store store) {
                    node(cache, conn, store.nodeid()).invalidate();
                }
                continue;
            }
            if (!OPS.has(s.typeCode(i))) {
                continue;
            }
            FuseRequest r = FuseTrace.request(s, d == Direction.REQUEST ? i : s.peer(i));
            if (r == null) {
                continue;
            }
            if (d == Direction.REQUEST) {
                forgets(cache, conn, r);
                changes(cache, conn, r);
                if (r instanceof FuseRequest.Release rel) {
                    release(cache, handles, conn, rel);
                } else if (r instanceof FuseRequest.Read read) {
                    read(s, i, marks, cache, handles, readVersion, conn, read);
                }
                continue;
            }
            if (marks.isHit(s.peer(i))) {
                continue;
            }
            FuseReply a = FuseTrace.reply(s, i);
            changes(cache, conn, r);
            observeAttrs(cache, conn, r, a);
            if (r instanceof FuseRequest.Open o && a instanceof FuseReply.Open out) {
                NodeCache nc = node(cache, conn, o.header().nodeid());
                handles.computeIfAbsent(new FuseTrace.Handle(conn, o.header().nodeid(), out.fh()),
                        k -> new ArrayDeque<>()).push(new Open(nc.version, direct(o.flags(), out.open_flags()),
                        (out.open_flags() & FuseTrace.FOPEN_KEEP_CACHE) != 0));
            } else if (r instanceof FuseRequest.Create c && a instanceof FuseReply.Create out) {
                NodeCache nc = node(cache, conn, out.entry_out().nodeid());
                handles.computeIfAbsent(new FuseTrace.Handle(conn, out.entry_out().nodeid(), out.fh()),
                        k -> new ArrayDeque<>()).push(new Open(nc.version, direct(c.flags(), out.open_flags()),
                        (out.open_flags() & FuseTrace.FOPEN_KEEP_CACHE) != 0));
            } else if (r instanceof FuseRequest.Read read) {
                filled(s, i, cache, handles, readVersion, conn, read);
            }
        }
    }

    private static void read(Session s, int i, Marks marks, Map<FuseTrace.Node, NodeCache> cache,
            Map<FuseTrace.Handle, ArrayDeque<Open>> handles, Map<Integer, Integer> readVersion, int conn,
            FuseRequest.Read read) {
        Open h = top(handles, conn, read.header().nodeid(), read.fh());
        if (h == null || h.direct || read.flags() != null && (read.flags() & FuseTrace.O_DIRECT) != 0) {
            return;
        }
        NodeCache nc = node(cache, conn, read.header().nodeid());
        long end = read.offset() + read.size();
        if (nc.eof >= 0) {
            end = Math.min(end, nc.eof);
        }
        boolean known = end > read.offset() || nc.eof >= 0;
        if (!h.keepCache && known && nc.shared.covers(read.offset(), end)) {
            long real = FuseTrace.dataBytes(s, s.peer(i));
            marks.judge(i, real < 0 ? Marks.Verdict.UNKNOWN
                    : real == Math.max(0, end - read.offset()) ? Marks.Verdict.SAME : Marks.Verdict.DIFFERENT);
        } else {
            readVersion.put(i, nc.version);
        }
    }

    /** A READ reply: its bytes are now in the page cache of this handle's open. */
    private static void filled(Session s, int rep, Map<FuseTrace.Node, NodeCache> cache,
            Map<FuseTrace.Handle, ArrayDeque<Open>> handles, Map<Integer, Integer> readVersion, int conn,
            FuseRequest.Read read) {
        Integer version = readVersion.remove(s.peer(rep));
        NodeCache nc = node(cache, conn, read.header().nodeid());
        Open h = top(handles, conn, read.header().nodeid(), read.fh());
        long got = FuseTrace.dataBytes(s, rep);
        if (version == null || version != nc.version || h == null || got < 0) {
            return;
        }
        if (h.version != nc.version) {
            h.own.clear();
            h.version = nc.version;
        }
        h.own.add(read.offset(), read.offset() + got);
        if (got < read.size()) {
            nc.eof = read.offset() + got;
        }
    }

    private static void release(Map<FuseTrace.Node, NodeCache> cache, Map<FuseTrace.Handle, ArrayDeque<Open>> handles,
            int conn, FuseRequest.Release rel) {
        ArrayDeque<Open> open = handles.get(new FuseTrace.Handle(conn, rel.header().nodeid(), rel.fh()));
        if (open == null || open.isEmpty()) {
            return;
        }
        Open h = open.pop();
        NodeCache nc = node(cache, conn, rel.header().nodeid());
        if (!h.direct && h.version == nc.version) {
            nc.shared.addAll(h.own);
        }
    }

    /** Requests that change the file's data, or say it changed. */
    private static void changes(Map<FuseTrace.Node, NodeCache> cache, int conn, FuseRequest r) {
        long node = r.header().nodeid();
        if (r instanceof FuseRequest.Write || r instanceof FuseRequest.Fallocate
                || r instanceof FuseRequest.Setattr sa && (sa.valid() & DATA_CHANGE) != 0
                || r instanceof FuseRequest.Open o && (o.flags() & FuseTrace.O_TRUNC) != 0) {
            node(cache, conn, node).invalidate();
        } else if (r instanceof FuseRequest.CopyFileRange c) {
            node(cache, conn, c.nodeid_out()).invalidate();
        } else if (r instanceof FuseRequest.CopyFileRange64 c) {
            node(cache, conn, c.nodeid_out()).invalidate();
        }
    }

    /** A forgotten node leaves the kernel with its pages (FORGET, BATCH_FORGET, NOTIFY_PRUNE). */
    private static void forgets(Map<FuseTrace.Node, NodeCache> cache, int conn, Object m) {
        if (m instanceof FuseRequest.Forget f) {
            node(cache, conn, f.header().nodeid()).invalidate();
        } else if (m instanceof FuseRequest.BatchForget b) {
            b.forgets().forEach(one -> node(cache, conn, one.nodeid()).invalidate());
        } else if (m instanceof FuseNotify.Prune p) {
            p.nodeids().forEach(n -> node(cache, conn, n).invalidate());
        }
    }

    /** Replies that carry attributes: another size or mtime than last seen means the data changed. */
    private static void observeAttrs(Map<FuseTrace.Node, NodeCache> cache, int conn, FuseRequest r, FuseReply a) {
        if (a instanceof FuseReply.Attr attr) {
            observe(node(cache, conn, r.header().nodeid()), FuseTrace.Attrs.of(attr.attr()));
        } else if (a instanceof FuseReply.Statx sx) {
            observe(node(cache, conn, r.header().nodeid()), FuseTrace.Attrs.of(sx.stat()));
        }
        EntryReplies.forEach(conn, r, a, (name, e) -> observe(node(cache, conn, e.nodeid()),
                FuseTrace.Attrs.of(e.attr())));
    }

    private static void observe(NodeCache nc, FuseTrace.Attrs now) {
        if (nc.last != null && (nc.last.size() != now.size() || nc.last.mtime() != now.mtime()
                || nc.last.mtimensec() != now.mtimensec())) {
            nc.invalidate();
        }
        nc.last = now;
    }

    private static boolean direct(long openFlags, long fopenFlags) {
        return (openFlags & FuseTrace.O_DIRECT) != 0 || (fopenFlags & FuseTrace.FOPEN_DIRECT_IO) != 0;
    }

    private static NodeCache node(Map<FuseTrace.Node, NodeCache> cache, int conn, long nodeid) {
        return cache.computeIfAbsent(new FuseTrace.Node(conn, nodeid), k -> new NodeCache());
    }

    private static Open top(Map<FuseTrace.Handle, ArrayDeque<Open>> handles, int conn, long nodeid, long fh) {
        ArrayDeque<Open> open = handles.get(new FuseTrace.Handle(conn, nodeid, fh));
        return open == null ? null : open.peek();
    }

    @Override
    List<String> notes(Session s) {
        long opens = 0;
        long keep = 0;
        for (int i = 0; i < s.size(); i++) {
            if (FuseTrace.is(s, i, Direction.REPLY, FuseOpcode.OPEN) && FuseTrace.reply(s, i) instanceof FuseReply.Open o) {
                opens++;
                if ((o.open_flags() & FuseTrace.FOPEN_KEEP_CACHE) != 0) {
                    keep++;
                }
            }
        }
        if (keep == 0) {
            return List.of();
        }
        return List.of("The daemon already set KEEP_CACHE on " + keep + " of " + opens + " OPENs: reads through "
                + "those handles are not counted (the change is in effect there).");
    }
}
