package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.LongIntMap;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Tclunk;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tclunk on the critical path: the requester sent nothing until Rclunk came back, although the
 * fid is gone whatever the reply says (clunk(5)). An asynchronous clunk would take that wait off
 * the application (what-if.md, "Async clunk").
 */
public final class SynchronousClunksRule implements Rule {
    static final double INFO_SHARE = 0.02;
    static final double WARNING_SHARE = 0.10;

    @Override
    public String id() {
        return "synchronous-clunks";
    }

    @Override
    public String title() {
        return "Clunks waited for";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Session s = in.session();
        Exchanges x = in.exchanges();
        // Requester → its clunks answered and not yet followed by another request (by group id:
        // a boxed requester per request was most of this rule's time).
        LongIntMap groups = new LongIntMap();
        List<List<Integer>> pending = new ArrayList<>();
        int clunks = 0;
        int waited = 0;
        long waitedNanos = 0;
        List<Integer> evidence = new ArrayList<>();
        for (int k = 0; k < x.size(); k++) {
            int i = x.index(k);
            long who = s.requester(i);
            int g = groups.get(who);
            List<Integer> open = g == LongIntMap.MISSING ? null : pending.get(g);
            if (open != null && !open.isEmpty()) {
                // The requester's next request: a clunk answered before it was sent was waited for.
                for (int c : open) {
                    if (s.tsNanos(s.peer(x.index(c))) <= s.tsNanos(i)) {
                        waited++;
                        waitedNanos += x.waitNanos(c);
                        if (evidence.size() < Evidence.LIMIT) {
                            evidence.add(x.index(c));
                        }
                    }
                }
                open.clear();
            }
            if (s.typeCode(i) == NinePTypes.TCLUNK) {
                clunks++;
                if (x.answered(k)) {
                    if (open == null) {
                        open = new ArrayList<>();
                        groups.put(who, pending.size());
                        pending.add(open);
                    }
                    open.add(k);
                }
            }
        }
        if (waited == 0) {
            return Finding.ok(this, clunks == 0 ? "No fid was clunked." : Words.count(clunks, "clunk") + ", none waited for.");
        }
        double share = (double) waitedNanos / Math.max(1, in.baseWallNanos());
        List<Long> fids = new ArrayList<>();
        for (int i : evidence) {
            if (s.message(i) instanceof Tclunk c && !fids.contains(c.fid())) {
                fids.add(c.fid());
            }
        }
        String summary = waited + " of " + clunks + " Tclunk were waited for before the next request: "
                + Durations.format(waitedNanos) + ", " + Durations.percent(share) + " of the wall-clock wait.";
        String explanation = "A clunk cannot fail in a way that matters (the fid is gone whatever the reply says), "
                + "yet the Linux client waits for every Rclunk before going on. Each clunk of a short-lived fid "
                + "(after a stat, a readlink, a read of a small file) adds one full round trip to the application's wait.";
        String fix = "No mount option makes clunks asynchronous; cache=loose keeps fids attached to cached dentries "
                + "and inodes, so far fewer are walked and clunked. In the workload, fewer opens and path resolutions "
                + "mean fewer clunks.";
        return Finding.scored(this, Score.of(share, INFO_SHARE, WARNING_SHARE), summary, explanation,
                fix + in.projection("async-clunk"), waitedNanos,
                new Evidence(evidence, fids, List.of(), List.of()));
    }
}
