package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Rreadlink;
import io.lookaside.session.Session;
import java.util.List;
import java.util.Set;

/**
 * The same symbolic link read again and again: every path resolution through a link (usr/bin/cc
 * → /etc/alternatives/cc → gcc-12, lib64 → usr/lib64) asks the server for its target unless the
 * client keeps it (what-if.md, "9P symlink cache"). 9P: Treadlink answered by Rreadlink.
 */
public final class RepeatedReadlinksRule implements Rule {
    static final double INFO_SHARE = 0.005;
    static final double WARNING_SHARE = 0.03;

    @Override
    public String id() {
        return "repeated-readlinks";
    }

    @Override
    public String title() {
        return "Repeated symlink reads";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Session s = in.session();
        Exchanges x = in.exchanges();
        Repeats reads = new Repeats();
        boolean byTarget = false;
        for (int k = 0; k < x.size(); k++) {
            int i = x.index(k);
            if (s.typeCode(i) != NinePTypes.TREADLINK || !x.answered(k) || s.typeCode(s.peer(i)) != NinePTypes.RREADLINK) {
                continue;
            }
            String key = in.path(i);
            if (key == null && s.message(s.peer(i)) instanceof Rreadlink r) {
                // Without lifecycles the link's own path is unknown: its target stands in for it.
                key = "-> " + r.target();
                byTarget = true;
            }
            if (key != null) {
                reads.add(key, i, s.tsNanos(i), x.waitNanos(k));
            }
        }
        if (reads.repeats() == 0) {
            return Finding.ok(this, reads.total() == 0 ? "No symlink was read."
                    : reads.total() + " symlink reads, none repeated.");
        }
        double share = (double) reads.repeats() / Math.max(1, x.size());
        double score = Score.of(share, INFO_SHARE, WARNING_SHARE);
        String summary = reads.repeats() + " of " + reads.total() + " Treadlink repeat an earlier read of the same "
                + (byTarget ? "target" : "link") + " (" + reads.distinct() + " distinct; "
                + Durations.format(reads.repeatWaitNanos()) + " of wait). Most read: " + reads.topList(3) + ".";
        String explanation = "Each resolution of a path through a symbolic link reads the link from the server: the "
                + "Linux v9fs client keeps no symlink targets, with any cache mode, unless it has the symlink-caching "
                + "patch (targets kept in the link inode's page cache). Besides the Treadlink itself, the client "
                + "usually walks a fid to the link first and clunks it after.";
        String fix = "Mount with cache=loose on a kernel with the v9fs symlink-caching patch; or point the workload "
                + "at the final targets (e.g. call gcc-12 instead of cc → /etc/alternatives/cc → gcc-12, use "
                + "usr/lib64 instead of lib64).";
        List<String> paths = reads.mostRepeated(Evidence.LIMIT).stream().map(e -> e.getKey()).toList();
        return Finding.scored(this, score, summary, explanation, fix, reads.repeatWaitNanos(),
                new Evidence(reads.repeatIndices(), List.of(), List.of(), paths));
    }
}
