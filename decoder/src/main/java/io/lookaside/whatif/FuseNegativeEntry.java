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
 * FUSE negative entries (libfuse {@code negative_timeout}): the daemon answers a missing name
 * with nodeid 0 and entry_valid &gt; 0 instead of -ENOENT, and the kernel keeps a negative
 * dentry (fs/fuse/dir.c fuse_lookup_name(); an -ENOENT error caches nothing). A LOOKUP of the
 * same (parent, name) while that dentry is valid is answered by the kernel.
 */
final class FuseNegativeEntry extends FuseModel {

    /** A negative dentry: until when the simulation keeps it, until when the kernel really did. */
    private record Cached(long expires, long kernelExpires, int parentGeneration, int epoch) {
    }

    @Override
    public String id() {
        return "fuse-negative-entry";
    }

    @Override
    public String title() {
        return "FUSE negative entries (negative_timeout)";
    }

    @Override
    public String assumptions() {
        return "A LOOKUP(parent nodeid, name) answered -ENOENT, or nodeid 0, is kept as a negative dentry for the "
                + "window; a LOOKUP of the same parent and name within it is answered by the kernel and saves one "
                + "round trip. The cache is dropped for that name when this client creates it (CREATE, MKNOD, MKDIR, "
                + "SYMLINK, LINK, RENAME onto it), when a LOOKUP finds it, on NOTIFY_INVAL_ENTRY or NOTIFY_DELETE, "
                + "for every name on NOTIFY_INC_EPOCH, and for the names under a directory the kernel forgets. "
                + "The kernel itself keeps only nodeid-0 answers, for their entry_valid (an -ENOENT error caches "
                + "nothing), so where a daemon answers nodeid 0 with entry_valid > 0 its repeats within that time "
                + "never reach the capture. A repeat the kernel sent although its own negative dentry was still "
                + "valid had a reason the capture does not show, which a longer timeout would not remove: it is not "
                + "counted, except at the 'answered' window, whose result is exactly those requests (the kernel "
                + "defaults baseline). A hit whose real reply found the name is a stale hit (the name appeared "
                + "behind this client's back, e.g. on the backing store or through another mount), not a saving. "
                + "Changes that no message of this capture reveals cannot be seen from one daemon's traffic.";
    }

    @Override
    void run(Session s, long window, Marks marks) {
        FuseNodes nodes = new FuseNodes();
        Map<FuseTrace.Name, Cached> negative = new HashMap<>();
        FuseNameWalk.walk(s, FuseOps.NAMESPACE, nodes, negative, (i, conn, r) -> {
            if (r instanceof FuseRequest.Lookup l) {
                var key = new FuseTrace.Name(conn, l.header().nodeid(), l.name());
                Cached c = negative.get(key);
                if (c != null && c.parentGeneration() == nodes.generation(conn, key.parent())
                        && c.epoch() == nodes.epoch(conn)
                        && FuseTrace.hit(s.tsNanos(i), c.expires(), c.kernelExpires(), window)) {
                    marks.judge(i, verdict(FuseTrace.replyTo(s, i)));
                }
            }
        }, (i, conn, req, r) -> {
            if (!(r instanceof FuseRequest.Lookup l)) {
                return;
            }
            var key = new FuseTrace.Name(conn, l.header().nodeid(), l.name());
            FuseReply a = FuseTrace.reply(s, i);
            Cached old = negative.get(key);
            // a request the simulated cache answered never reached the daemon: its reply changes only the kernel's entry
            boolean simulated = marks.isHit(req) && old != null;
            if (a != null && FuseTrace.negative(a)) {
                long answered = a instanceof FuseReply.Entry e
                        ? FuseTrace.nanos(e.entry_out().entry_valid(), e.entry_out().entry_valid_nsec()) : 0;
                long at = s.tsNanos(i);
                long expires = simulated ? old.expires() : FuseTrace.expiry(at, window, answered);
                negative.put(key, new Cached(expires, FuseTrace.expiry(at, Windows.AS_ANSWERED, answered),
                        nodes.generation(conn, key.parent()), nodes.epoch(conn)));
            } else if (a != null && FuseTrace.positive(a)) {
                if (simulated) {
                    negative.put(key, new Cached(old.expires(), FuseTrace.NEVER, old.parentGeneration(), old.epoch()));
                } else {
                    negative.remove(key);
                }
            }
        });
    }

    private static Marks.Verdict verdict(FuseReply real) {
        if (real != null && FuseTrace.negative(real)) {
            return Marks.Verdict.SAME;
        }
        return real != null && FuseTrace.positive(real) ? Marks.Verdict.DIFFERENT : Marks.Verdict.UNKNOWN;
    }

    @Override
    List<String> notes(Session s) {
        List<String> out = new ArrayList<>(FuseTrace.kernelIgnoredItsCache(this, s, "repeated LOOKUPs of a missing name"));
        long cachedByKernel = 0;
        for (int i = 0; i < s.size(); i++) {
            if (FuseTrace.is(s, i, Direction.REPLY, FuseOpcode.LOOKUP)
                    && FuseTrace.reply(s, i) instanceof FuseReply.Entry e && e.entry_out().nodeid() == 0
                    && (e.entry_out().entry_valid() > 0 || e.entry_out().entry_valid_nsec() > 0)) {
                cachedByKernel++;
            }
        }
        if (cachedByKernel > 0) {
            out.add("The daemon already answered " + cachedByKernel + " LOOKUPs with nodeid 0 and entry_valid > 0: "
                    + "the kernel keeps those negative dentries, so their repeats within entry_valid never reached the "
                    + "capture; only repeats after that could still be saved.");
        }
        return out;
    }
}
