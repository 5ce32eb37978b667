package io.lookaside.whatif;

import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The walk the FUSE I/O-merging models share (write merging, scatter-gather direct I/O): the
 * capture's FUSE messages of a model's opcodes in order, the OPEN and CREATE replies noting which
 * handles do direct I/O, each request handed to the model's rule; and the runs of contiguous
 * requests that both merge into requests of the connection's limit.
 */
final class FuseIoWalk {
    /** What a model does with one request of its opcodes. */
    interface Rule {
        void request(int i, FuseRequest r);
    }

    private final Session s;
    private final Map<Integer, Long> limits = new HashMap<>();
    private final Map<FuseTrace.Handle, Boolean> direct = new HashMap<>();

    FuseIoWalk(Session s) {
        this.s = s;
    }

    /** Walks the capture once, in order, handing every decodable request among {@code ops} to {@code rule}. */
    void walk(FuseOps ops, Rule rule) {
        for (int i = 0; i < s.size(); i++) {
            if (!FuseTrace.isFuse(s, i) || !ops.has(s.typeCode(i))) {
                continue;
            }
            if (s.direction(i) == Direction.REPLY) {
                opened(i);
                continue;
            }
            FuseRequest r = FuseTrace.request(s, i);
            if (r != null) {
                rule.request(i, r);
            }
        }
    }

    /** An OPEN or CREATE reply: whether its handle does direct I/O (O_DIRECT asked, or FOPEN_DIRECT_IO answered). */
    private void opened(int i) {
        int conn = s.conn(i);
        FuseRequest r = FuseTrace.request(s, s.peer(i));
        FuseReply a = FuseTrace.reply(s, i);
        if (r instanceof FuseRequest.Open o && a instanceof FuseReply.Open out) {
            direct.put(new FuseTrace.Handle(conn, o.header().nodeid(), out.fh()),
                    (o.flags() & FuseTrace.O_DIRECT) != 0 || (out.open_flags() & FuseTrace.FOPEN_DIRECT_IO) != 0);
        } else if (r instanceof FuseRequest.Create c && a instanceof FuseReply.Create out) {
            direct.put(new FuseTrace.Handle(conn, out.entry_out().nodeid(), out.fh()),
                    (c.flags() & FuseTrace.O_DIRECT) != 0 || (out.open_flags() & FuseTrace.FOPEN_DIRECT_IO) != 0);
        }
    }

    /** The largest request the kernel may send on connection {@code conn} (max_write, max_pages). */
    long limit(int conn) {
        return limits.computeIfAbsent(conn, c -> FuseTrace.Init.of(s, c).requestLimit());
    }

    /** Whether I/O on handle {@code fh} of a node, with these flags (O_DIRECT), bypasses the page cache. */
    boolean direct(int conn, long nodeid, long fh, Long flags) {
        return flags != null && (flags & FuseTrace.O_DIRECT) != 0
                || direct.getOrDefault(new FuseTrace.Handle(conn, nodeid, fh), false);
    }

    /** A run of requests at contiguous offsets on one handle, which one larger request could carry. */
    static final class Run {
        final long start;
        private final List<Integer> requests = new ArrayList<>();
        private long next;
        private long bytes;

        Run(long start) {
            this.start = start;
        }

        /** Whether a request at {@code offset} continues the run. */
        boolean continues(long offset) {
            return offset == next;
        }

        void add(int i, long offset, long size) {
            requests.add(i);
            next = offset + size;
            bytes += size;
        }

        /** The run's first ⌈bytes / limit⌉ requests (at least one) stay; the rest are merged into them. */
        static void end(Run run, long limit, Marks marks) {
            if (run == null) {
                return;
            }
            long keep = Math.max(1, (run.bytes + limit - 1) / limit);
            for (int k = (int) keep; k < run.requests.size(); k++) {
                marks.eliminate(run.requests.get(k));
            }
        }
    }
}
