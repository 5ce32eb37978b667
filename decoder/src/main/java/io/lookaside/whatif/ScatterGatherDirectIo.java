package io.lookaside.whatif;

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

    /** Requests in flight together at contiguous offsets. */
    private static final class Group {
        final List<Integer> requests = new ArrayList<>();
        long next;
        long bytes;
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
        Map<Integer, Long> limits = new HashMap<>();
        Map<FuseTrace.Handle, Boolean> direct = new HashMap<>();
        Map<GroupKey, Group> groups = new HashMap<>();
        Map<GroupKey, Integer> last = new HashMap<>();
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
                continue;
            }
            long limit = limits.computeIfAbsent(conn, c -> FuseTrace.Init.of(s, c).requestLimit());
            var key = new GroupKey(conn, r.header().nodeid(), fh, r.header().pid(), r instanceof FuseRequest.Write);
            boolean isDirect = flags != null && (flags & FuseTrace.O_DIRECT) != 0
                    || direct.getOrDefault(new FuseTrace.Handle(conn, r.header().nodeid(), fh), false);
            Group g = groups.get(key);
            Integer previous = last.get(key);
            boolean together = previous != null && (s.peer(previous) < 0 || s.peer(previous) > i);
            if (!isDirect || size > limit / SMALL_FRACTION) {
                end(groups.remove(key), limit, marks);
                last.remove(key);
                continue;
            }
            if (g == null || offset != g.next || !together) {
                end(groups.remove(key), limit, marks);
                g = new Group();
                groups.put(key, g);
            }
            g.requests.add(i);
            g.next = offset + size;
            g.bytes += size;
            last.put(key, i);
        }
        groups.forEach((key, g) -> end(g, limits.getOrDefault(key.conn(), (long) FuseTrace.PAGE), marks));
    }

    private static void end(Group g, long limit, Marks marks) {
        if (g == null) {
            return;
        }
        long keep = Math.max(1, (g.bytes + limit - 1) / limit);
        for (int k = (int) keep; k < g.requests.size(); k++) {
            marks.eliminate(g.requests.get(k));
        }
    }
}
