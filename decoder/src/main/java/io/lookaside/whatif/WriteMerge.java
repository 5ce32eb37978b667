package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.lookaside.whatif.FuseIoWalk.Run;

/**
 * Write merging (FUSE_WRITEBACK_CACHE, with BIG_WRITES): the kernel gathers buffered writes in
 * the page cache and sends them as WRITEs of up to max_write bytes (and max_pages pages), instead
 * of one WRITE per write(2) (fs/fuse/file.c fuse_perform_write() vs fuse_writepages()).
 */
final class WriteMerge extends FuseModel {
    private static final FuseOps OPS = FuseOps.of(FuseOpcode.WRITE, FuseOpcode.FSYNC, FuseOpcode.FLUSH,
            FuseOpcode.RELEASE, FuseOpcode.SETATTR, FuseOpcode.FALLOCATE, FuseOpcode.OPEN, FuseOpcode.CREATE);

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
        FuseIoWalk io = new FuseIoWalk(s);
        Map<FuseTrace.Node, Map<Long, Run>> runs = new HashMap<>();
        io.walk(OPS, (i, r) -> {
            int conn = s.conn(i);
            var node = new FuseTrace.Node(conn, r.header().nodeid());
            Map<Long, Run> open = runs.computeIfAbsent(node, k -> new HashMap<>());
            long limit = io.limit(conn);
            if (r instanceof FuseRequest.Write w) {
                Run run = open.get(w.fh());
                boolean cached = (w.write_flags() & FuseTrace.WRITE_CACHE) != 0;
                boolean odirect = io.direct(conn, node.nodeid(), w.fh(), w.flags());
                if (cached || odirect || w.size() >= limit) {
                    Run.end(open.remove(w.fh()), limit, marks);
                } else if (run != null && run.continues(w.offset()) && Windows.within(run.start, s.tsNanos(i), window)) {
                    run.add(i, w.offset(), w.size());
                } else {
                    Run.end(open.remove(w.fh()), limit, marks);
                    Run fresh = new Run(s.tsNanos(i));
                    fresh.add(i, w.offset(), w.size());
                    open.put(w.fh(), fresh);
                }
            } else if (r instanceof FuseRequest.Fsync f) {
                Run.end(open.remove(f.fh()), limit, marks);
            } else if (r instanceof FuseRequest.Flush f) {
                Run.end(open.remove(f.fh()), limit, marks);
            } else if (r instanceof FuseRequest.Release rel) {
                Run.end(open.remove(rel.fh()), limit, marks);
            } else if (r instanceof FuseRequest.Fallocate
                    || r instanceof FuseRequest.Setattr sa && (sa.valid() & FuseTrace.FATTR_SIZE) != 0) {
                open.values().forEach(run -> Run.end(run, limit, marks));
                open.clear();
            }
        });
        runs.forEach((node, open) -> open.values().forEach(run -> Run.end(run, io.limit(node.conn()), marks)));
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
