package io.lookaside.whatif;

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
 * FLUSH elimination: the kernel sends FLUSH on every close(2) of a handle (fs/fuse/file.c
 * fuse_flush()) so that the daemon can report write errors and drop POSIX locks of the closing
 * owner. A handle through whose file nothing was written and no lock was taken has nothing to
 * flush; the daemon can say so with FOPEN_NOFLUSH on the open (honoured without writeback
 * cache) or by answering FLUSH with ENOSYS once (fc->no_flush).
 */
final class FlushElimination extends FuseModel {
    private static final FuseOps OPS = FuseOps.of(FuseOpcode.OPEN, FuseOpcode.CREATE, FuseOpcode.RELEASE,
            FuseOpcode.FLUSH, FuseOpcode.WRITE, FuseOpcode.COPY_FILE_RANGE, FuseOpcode.COPY_FILE_RANGE_64,
            FuseOpcode.FALLOCATE, FuseOpcode.SETATTR, FuseOpcode.SETLK, FuseOpcode.SETLKW);

    /** How many writes and locks the node had seen when the handle was opened. */
    private record Opened(long writes, long locks) {
    }

    @Override
    public String id() {
        return "flush-elimination";
    }

    @Override
    public String title() {
        return "FLUSH elimination (FOPEN_NOFLUSH)";
    }

    @Override
    public boolean windowed() {
        return false;
    }

    @Override
    public String assumptions() {
        return "A FLUSH of a handle opened in the capture is not needed when, between that open and the FLUSH, no WRITE, "
                + "COPY_FILE_RANGE into, FALLOCATE or truncating SETATTR reached the file (through any handle: "
                + "writeback may use another) and no SETLK/SETLKW was sent for it, and the daemon answered it with "
                + "success or ENOSYS: one round trip per close, which the closing process waited for. Handles are "
                + "matched by node and fh, the latest open first. A FLUSH the daemon failed with another error is "
                + "kept (close(2) reported it). With WRITEBACK_CACHE the kernel ignores FOPEN_NOFLUSH, and only a "
                + "daemon answering ENOSYS removes FLUSH. The window plays no part.";
    }

    @Override
    void run(Session s, long window, Marks marks) {
        Map<FuseTrace.Node, long[]> counts = new HashMap<>();
        Map<FuseTrace.Handle, ArrayDeque<Opened>> handles = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (!FuseTrace.isFuse(s, i) || !OPS.has(s.typeCode(i))) {
                continue;
            }
            int conn = s.conn(i);
            if (s.direction(i) == Direction.REPLY) {
                FuseRequest r = FuseTrace.request(s, s.peer(i));
                FuseReply a = FuseTrace.reply(s, i);
                FuseTrace.Handle h = r instanceof FuseRequest.Open && a instanceof FuseReply.Open o
                        ? new FuseTrace.Handle(conn, r.header().nodeid(), o.fh())
                        : r instanceof FuseRequest.Create && a instanceof FuseReply.Create c
                        ? new FuseTrace.Handle(conn, c.entry_out().nodeid(), c.fh()) : null;
                if (h != null) {
                    long[] n = counts.getOrDefault(new FuseTrace.Node(conn, h.nodeid()), new long[2]);
                    handles.computeIfAbsent(h, k -> new ArrayDeque<>()).push(new Opened(n[0], n[1]));
                }
                continue;
            }
            FuseRequest r = FuseTrace.request(s, i);
            if (r == null) {
                continue;
            }
            long node = r.header().nodeid();
            if (r instanceof FuseRequest.Write || r instanceof FuseRequest.Fallocate
                    || r instanceof FuseRequest.Setattr sa && (sa.valid() & FuseTrace.FATTR_SIZE) != 0) {
                count(counts, conn, node, 0);
            } else if (r instanceof FuseRequest.CopyFileRange c) {
                count(counts, conn, c.nodeid_out(), 0);
            } else if (r instanceof FuseRequest.CopyFileRange64 c) {
                count(counts, conn, c.nodeid_out(), 0);
            } else if (r instanceof FuseRequest.Setlk || r instanceof FuseRequest.Setlkw) {
                count(counts, conn, node, 1);
            } else if (r instanceof FuseRequest.Release rel) {
                ArrayDeque<Opened> open = handles.get(new FuseTrace.Handle(conn, node, rel.fh()));
                if (open != null && !open.isEmpty()) {
                    open.pop();
                }
            } else if (r instanceof FuseRequest.Flush f) {
                ArrayDeque<Opened> open = handles.get(new FuseTrace.Handle(conn, node, f.fh()));
                long[] n = counts.getOrDefault(new FuseTrace.Node(conn, node), new long[2]);
                if (open != null && !open.isEmpty() && open.peek().writes() == n[0] && open.peek().locks() == n[1]
                        && needless(FuseTrace.replyTo(s, i))) {
                    marks.eliminate(i);
                }
            }
        }
    }

    private static void count(Map<FuseTrace.Node, long[]> counts, int conn, long node, int which) {
        counts.computeIfAbsent(new FuseTrace.Node(conn, node), k -> new long[2])[which]++;
    }

    /** Success, or ENOSYS (the kernel hides it and stops flushing): nothing the closer learnt. */
    private static boolean needless(FuseReply real) {
        return real instanceof FuseReply.Empty
                || real instanceof FuseReply.Error e && e.header().error() == -FuseTrace.ENOSYS;
    }

    @Override
    List<String> notes(Session s) {
        long enosys = 0;
        for (int i = 0; i < s.size(); i++) {
            if (FuseTrace.is(s, i, Direction.REPLY, FuseOpcode.FLUSH) && FuseTrace.reply(s, i) instanceof FuseReply.Error e
                    && e.header().error() == -FuseTrace.ENOSYS) {
                enosys++;
            }
        }
        return enosys == 0 ? List.of() : List.of("The daemon already answered FLUSH with ENOSYS " + enosys
                + " time(s): the kernel then stops sending FLUSH on that connection (fc->no_flush), so little is "
                + "left to save.");
    }
}
