package io.lookaside.whatif;

import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Session;
import java.util.HashMap;
import java.util.Map;
import io.lookaside.whatif.FuseIoWalk.Run;

/**
 * Scatter-gather direct I/O: direct reads and writes bypass the page cache, so each one the
 * program issues becomes its own request; small contiguous ones issued together (AIO, io_uring,
 * a thread pool) could travel as one vectored request of up to the request limit.
 */
final class ScatterGatherDirectIo extends FuseModel {
    private static final FuseOps OPS = FuseOps.of(FuseOpcode.READ, FuseOpcode.WRITE, FuseOpcode.OPEN,
            FuseOpcode.CREATE);
    /** "Much smaller than the limit": at most a quarter of it. */
    static final int SMALL_FRACTION = 4;

    private record GroupKey(int conn, long nodeid, long fh, long pid, boolean write) {
    }

    @Override
    public String id() {
        return "sg-direct-io";
    }

    @Override
    public String title() {
        return "Scatter-gather direct I/O";
    }

    @Override
    public boolean windowed() {
        return false;
    }

    @Override
    public String assumptions() {
        return "Direct READs (or WRITEs) are those of a handle opened with O_DIRECT or answered FOPEN_DIRECT_IO, or that "
                + "carry O_DIRECT. A group is a sequence of them on one handle from one pid, each at most a quarter of "
                + "the request limit (max_write, and max_pages × 4 KiB, 32 pages unless MAX_PAGES was agreed), each "
                + "starting where the previous one ended and sent before the previous one was answered (issued "
                + "together). A group of n requests of S bytes becomes ⌈S / limit⌉ requests; its first ones stand for "
                + "the merged requests. Requests issued one after another are not grouped: merging them would need "
                + "the program to change. The window plays no part.";
    }

    @Override
    void run(Session s, long window, Marks marks) {
        FuseIoWalk io = new FuseIoWalk(s);
        Map<GroupKey, Run> groups = new HashMap<>();
        Map<GroupKey, Integer> last = new HashMap<>();
        io.walk(OPS, (i, r) -> {
            long fh;
            long offset;
            long size;
            Long flags;
            if (r instanceof FuseRequest.Read rd) {
                fh = rd.fh();
                offset = rd.offset();
                size = rd.size();
                flags = rd.flags();
            } else if (r instanceof FuseRequest.Write w) {
                fh = w.fh();
                offset = w.offset();
                size = w.size();
                flags = w.flags();
            } else {
                return;
            }
            int conn = s.conn(i);
            long limit = io.limit(conn);
            var key = new GroupKey(conn, r.header().nodeid(), fh, r.header().pid(), r instanceof FuseRequest.Write);
            boolean isDirect = io.direct(conn, r.header().nodeid(), fh, flags);
            Run g = groups.get(key);
            Integer previous = last.get(key);
            // Issued together: the previous one was not answered before this one was sent.
            boolean together = previous != null && (s.peer(previous) < 0 || s.peer(previous) > i);
            if (!isDirect || size > limit / SMALL_FRACTION) {
                Run.end(groups.remove(key), limit, marks);
                last.remove(key);
                return;
            }
            if (g == null || !g.continues(offset) || !together) {
                Run.end(groups.remove(key), limit, marks);
                g = new Run(s.tsNanos(i));
                groups.put(key, g);
            }
            g.add(i, offset, size);
            last.put(key, i);
        });
        groups.forEach((key, g) -> Run.end(g, io.limit(key.conn()), marks));
    }
}
