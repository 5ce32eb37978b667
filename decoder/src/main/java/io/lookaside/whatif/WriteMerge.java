package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
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
 * Write merging (FUSE_WRITEBACK_CACHE, with BIG_WRITES): the kernel gathers buffered writes in
 * the page cache and sends them as WRITEs of up to max_write bytes (and max_pages pages), instead
 * of one WRITE per write(2) (fs/fuse/file.c fuse_perform_write() vs fuse_writepages()).
 */
final class WriteMerge extends FuseModel {
    private static final FuseOps OPS = FuseOps.of(FuseOpcode.WRITE, FuseOpcode.FSYNC, FuseOpcode.FLUSH,
            FuseOpcode.RELEASE, FuseOpcode.SETATTR, FuseOpcode.FALLOCATE, FuseOpcode.OPEN, FuseOpcode.CREATE);

    /** A run of contiguous WRITEs on one handle. */
    private static final class Run {
        final List<Integer> writes = new ArrayList<>();
        final long start;
        long next;
        long bytes;

        Run(long start) {
            this.start = start;
        }
    }

    @Override
    public String id() {
        return "write-merge";
    }

    @Override
    public String title() {
        return "Write merging (writeback cache)";
    }

    @Override
    public String assumptions() {
        return "A run is a sequence of WRITEs on one handle (node and fh), each starting where the previous one ended, "
                + "each smaller than the largest request the kernel may send (max_write from the INIT reply, and "
                + "max_pages × 4 KiB, 32 pages unless MAX_PAGES was agreed), begun at most the window before its last "
                + "write (how long the page cache may hold dirty data). FSYNC, FLUSH (close), RELEASE, a truncating "
                + "SETATTR or FALLOCATE of the node, a write elsewhere in the file or a large write end it. A run of n "
                + "WRITEs of S bytes in all becomes ⌈S / limit⌉ WRITEs: the others leave the wire (the run's first "
                + "ones stand for the merged requests, and whoever waited for them, the writer or the fsync/close, "
                + "still waits). The merged size assumes BIG_WRITES: without it the kernel sends at most one page per "
                + "WRITE. WRITEs the page cache already sent (FUSE_WRITE_CACHE) and O_DIRECT or FOPEN_DIRECT_IO "
                + "writes are left alone.";
    }

    @Override
    void run(Session s, long window, Marks marks) {
        Map<Integer, Long> limits = new HashMap<>();
        Map<FuseTrace.Handle, Boolean> direct = new HashMap<>();
        Map<FuseTrace.Node, Map<Long, Run>> runs = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (!FuseTrace.isFuse(s, i) || !OPS.has(s.typeCode(i))) {
                continue;
            }
            int conn = s.conn(i);
            if (s.direction(i) == Direction.REPLY) {
                FuseRequest r = FuseTrace.request(s, s.peer(i));
                FuseReply a = FuseTrace.reply(s, i);
                if (r instanceof FuseRequest.Open o && a instanceof FuseReply.Open out) {
                    direct.put(new FuseTrace.Handle(conn, o.header().nodeid(), out.fh()),
                            (o.flags() & FuseTrace.O_DIRECT) != 0 || (out.open_flags() & FuseTrace.FOPEN_DIRECT_IO) != 0);
                } else if (r instanceof FuseRequest.Create c && a instanceof FuseReply.Create out) {
                    direct.put(new FuseTrace.Handle(conn, out.entry_out().nodeid(), out.fh()),
                            (c.flags() & FuseTrace.O_DIRECT) != 0 || (out.open_flags() & FuseTrace.FOPEN_DIRECT_IO) != 0);
                }
                continue;
            }
            FuseRequest r = FuseTrace.request(s, i);
            if (r == null) {
                continue;
            }
            var node = new FuseTrace.Node(conn, r.header().nodeid());
            Map<Long, Run> open = runs.computeIfAbsent(node, k -> new HashMap<>());
            long limit = limits.computeIfAbsent(conn, c -> FuseTrace.Init.of(s, c).requestLimit());
            if (r instanceof FuseRequest.Write w) {
                Run run = open.get(w.fh());
                boolean cached = (w.write_flags() & FuseTrace.WRITE_CACHE) != 0;
                boolean odirect = w.flags() != null && (w.flags() & FuseTrace.O_DIRECT) != 0
                        || direct.getOrDefault(new FuseTrace.Handle(conn, node.nodeid(), w.fh()), false);
                if (cached || odirect || w.size() >= limit) {
                    end(open.remove(w.fh()), limit, marks);
                } else if (run != null && w.offset() == run.next && Windows.within(run.start, s.tsNanos(i), window)) {
                    add(run, i, w);
                } else {
                    end(open.remove(w.fh()), limit, marks);
                    Run fresh = new Run(s.tsNanos(i));
                    add(fresh, i, w);
                    open.put(w.fh(), fresh);
                }
            } else if (r instanceof FuseRequest.Fsync f) {
                end(open.remove(f.fh()), limit, marks);
            } else if (r instanceof FuseRequest.Flush f) {
                end(open.remove(f.fh()), limit, marks);
            } else if (r instanceof FuseRequest.Release rel) {
                end(open.remove(rel.fh()), limit, marks);
            } else if (r instanceof FuseRequest.Fallocate
                    || r instanceof FuseRequest.Setattr sa && (sa.valid() & FuseTrace.FATTR_SIZE) != 0) {
                open.values().forEach(run -> end(run, limit, marks));
                open.clear();
            }
        }
        runs.forEach((node, open) -> {
            long limit = limits.getOrDefault(node.conn(), (long) FuseTrace.PAGE);
            open.values().forEach(run -> end(run, limit, marks));
        });
    }

    private static void add(Run run, int i, FuseRequest.Write w) {
        run.writes.add(i);
        run.next = w.offset() + w.size();
        run.bytes += w.size();
    }

    /** The run's first ⌈bytes / limit⌉ WRITEs stay; the rest are merged into them. */
    private static void end(Run run, long limit, Marks marks) {
        if (run == null) {
            return;
        }
        long keep = (run.bytes + limit - 1) / limit;
        for (int k = (int) Math.max(1, keep); k < run.writes.size(); k++) {
            marks.eliminate(run.writes.get(k));
        }
    }

    @Override
    List<String> notes(Session s) {
        List<String> out = new ArrayList<>();
        for (var c : s.connections()) {
            if (c.protocol() != Protocol.FUSE) {
                continue;
            }
            FuseTrace.Init init = FuseTrace.Init.of(s, c.index());
            StringBuilder b = new StringBuilder("Connection " + c.id() + ": merged WRITEs up to "
                    + init.requestLimit() + " bytes");
            if (!init.seen()) {
                b.append(" (no INIT in the capture: the kernel's minimum)");
            }
            if (init.seen() && !init.agreed("BIG_WRITES")) {
                b.append("; the daemon did not agree BIG_WRITES, so the kernel sent at most one page per WRITE, "
                        + "and the merged size needs BIG_WRITES too");
            }
            if (init.agreed("WRITEBACK_CACHE")) {
                b.append("; WRITEBACK_CACHE is already agreed: WRITEs flagged FUSE_WRITE_CACHE were merged by the "
                        + "kernel and are not counted");
            }
            out.add(b.append('.').toString());
        }
        return out;
    }
}
