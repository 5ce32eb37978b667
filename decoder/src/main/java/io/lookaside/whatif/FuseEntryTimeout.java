package io.lookaside.whatif;

import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry timeout ({@code entry_timeout}, fuse_entry_out.entry_valid): a positive dentry is
 * trusted until it expires, then revalidated with a LOOKUP (fs/fuse/dir.c
 * fuse_dentry_revalidate()). A revalidation that finds the same node again is the round trip a
 * longer timeout saves.
 */
final class FuseEntryTimeout extends FuseModel {
    private static final FuseOps OPS = FuseOps.NAMESPACE.with(FuseOpcode.READDIRPLUS);

    /** A dentry: the node, until when the simulation trusts it, until when the kernel really did. */
    private record Cached(long nodeid, long generation, long expires, long kernelExpires, int parentGeneration,
            int nodeGeneration, int epoch) {
        Cached withKernelExpires(long k) {
            return new Cached(nodeid, generation, expires, k, parentGeneration, nodeGeneration, epoch);
        }
    }

    @Override
    public String id() {
        return "fuse-entry-timeout";
    }

    @Override
    public String title() {
        return "FUSE entry timeout (entry_timeout)";
    }

    @Override
    public String assumptions() {
        return "Every entry the daemon hands the kernel (a positive LOOKUP, CREATE, MKNOD, MKDIR, SYMLINK, LINK, each "
                + "READDIRPLUS entry) is trusted for the window; a LOOKUP of the same parent nodeid and name within "
                + "it that returns the same nodeid and generation is answered by the kernel and saves one round trip. "
                + "The entry is dropped when this client removes, renames or replaces the name (UNLINK, RMDIR, "
                + "RENAME, RENAME2, a creation), on NOTIFY_INVAL_ENTRY and NOTIFY_DELETE, on NOTIFY_INC_EPOCH, and "
                + "when the kernel forgets the node or its parent. A LOOKUP the kernel sent although its own entry "
                + "(the entry_valid the daemon answered) was still valid had a reason the capture does not show (an "
                + "eviction, an invalidation), which a longer timeout would not remove: it is not counted, except at "
                + "the 'answered' window, whose result is exactly those requests (the kernel defaults baseline). A hit whose real reply named another node, or no node, is a stale hit: "
                + "the name changed behind this client's back. Changes that no message reveals cannot be seen from "
                + "one daemon's traffic.";
    }

    @Override
    void run(Session s, long window, Marks marks) {
        FuseNodes nodes = new FuseNodes();
        Map<FuseTrace.Name, Cached> entries = new HashMap<>();
        FuseNameWalk.walk(s, OPS, nodes, entries, (i, conn, r) -> {
            if (r instanceof FuseRequest.Lookup l) {
                var key = new FuseTrace.Name(conn, l.header().nodeid(), l.name());
                Cached c = entries.get(key);
                if (c != null && c.parentGeneration() == nodes.generation(conn, key.parent())
                        && c.nodeGeneration() == nodes.generation(conn, c.nodeid())
                        && c.epoch() == nodes.epoch(conn)
                        && FuseTrace.hit(s.tsNanos(i), c.expires(), c.kernelExpires(), window)) {
                    marks.judge(i, verdict(c, FuseTrace.replyTo(s, i)));
                }
            }
        }, (i, conn, req, r) -> {
            FuseReply a = FuseTrace.reply(s, i);
            // a request the simulated cache answered never reached the daemon: its reply changes only the kernel's entry
            boolean simulated = marks.isHit(req);
            if (r instanceof FuseRequest.Lookup l && a != null && FuseTrace.negative(a)) {
                var key = new FuseTrace.Name(conn, l.header().nodeid(), l.name());
                Cached old = entries.get(key);
                if (simulated && old != null) {
                    entries.put(key, old.withKernelExpires(FuseTrace.NEVER));
                } else {
                    entries.remove(key);
                }
            }
            long at = s.tsNanos(i);
            EntryReplies.forEach(conn, r, a, (key, e) -> {
                long answered = FuseTrace.nanos(e.entry_valid(), e.entry_valid_nsec());
                long kernel = FuseTrace.expiry(at, Windows.AS_ANSWERED, answered);
                Cached old = entries.get(key);
                if (simulated && old != null) {
                    entries.put(key, old.withKernelExpires(kernel));
                } else {
                    entries.put(key, new Cached(e.nodeid(), e.generation(), FuseTrace.expiry(at, window, answered),
                            kernel, nodes.generation(conn, key.parent()), nodes.generation(conn, e.nodeid()),
                            nodes.epoch(conn)));
                }
            });
        });
    }

    @Override
    List<String> notes(Session s) {
        return FuseTrace.kernelIgnoredItsCache(this, s, "revalidating LOOKUPs");
    }

    private static Marks.Verdict verdict(Cached c, FuseReply real) {
        if (real instanceof FuseReply.Entry e && e.entry_out().nodeid() != 0) {
            return e.entry_out().nodeid() == c.nodeid() && e.entry_out().generation() == c.generation()
                    ? Marks.Verdict.SAME : Marks.Verdict.DIFFERENT;
        }
        return real != null && FuseTrace.negative(real) ? Marks.Verdict.DIFFERENT : Marks.Verdict.UNKNOWN;
    }
}
