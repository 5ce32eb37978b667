package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Rwalk;
import io.lookaside.ninep.Twalk;
import io.lookaside.session.Session;
import java.util.List;
import java.util.Set;

/**
 * Lookups of names that do not exist, asked again and again: a compiler probing every -I
 * directory, a shell searching PATH. 9P: a Twalk with names answered by ENOENT, or by an Rwalk
 * with fewer qids than names (walk(5): the walk stopped at a missing name). Without a negative
 * dentry cache every repeat costs a round trip (what-if.md, "9P negative dentry").
 */
public final class NegativeLookupsRule implements Rule {
    static final double INFO_SHARE = 0.01;
    static final double WARNING_SHARE = 0.05;

    @Override
    public String id() {
        return "negative-lookups";
    }

    @Override
    public String title() {
        return "Repeated negative lookups";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Session s = in.session();
        Exchanges x = in.exchanges();
        Repeats misses = new Repeats();
        for (int k = 0; k < x.size(); k++) {
            int i = x.index(k);
            if (s.typeCode(i) != NinePTypes.TWALK || !x.answered(k)) {
                continue;
            }
            if (!(s.message(i) instanceof Twalk walk) || walk.wnames().isEmpty()) {
                continue;
            }
            boolean missing = "ENOENT".equals(x.error(k));
            if (!missing && x.error(k) == null && s.typeCode(s.peer(i)) == NinePTypes.RWALK) {
                missing = s.message(s.peer(i)) instanceof Rwalk r && r.qids().size() < walk.wnames().size();
            }
            if (missing) {
                misses.add(key(in, i, walk), i, s.tsNanos(i), x.waitNanos(k));
            }
        }
        if (misses.repeats() == 0) {
            return Finding.ok(this, misses.total() == 0 ? "No lookup of a missing name."
                    : misses.total() + " lookups of missing names, none repeated.");
        }
        double share = (double) misses.repeats() / Math.max(1, x.size());
        double score = Score.of(share, INFO_SHARE, WARNING_SHARE);
        long p90 = misses.gapPercentile(90);
        String summary = misses.repeats() + " of " + misses.total() + " lookups of missing names repeat an earlier miss ("
                + misses.distinct() + " distinct; " + Durations.percent(share) + " of all requests, "
                + Durations.format(misses.repeatWaitNanos()) + " of wait). Most repeated: " + misses.topList(3) + ".";
        String explanation = "Every lookup of a name that does not exist goes to the server again, because the client "
                + "keeps no negative dentry: Linux v9fs drops them with cache=none, and with cache=loose too before "
                + "the negative-dentry patches. 90% of the repeats came within " + Durations.format(p90)
                + " of the previous miss of the same name, so a negative cache of that lifetime would have answered them.";
        String fix = "Mount with cache=loose,negtimeout=" + Durations.niceMillisAtLeast(p90)
                + " (kernels with the v9fs negative-dentry patches) if no other client creates these names; "
                + "or remove the probes from the workload: trim compiler -I lists, PATH and LD_LIBRARY_PATH "
                + "entries that do not exist.";
        List<String> paths = misses.mostRepeated(Evidence.LIMIT).stream().map(e -> e.getKey()).toList();
        return Finding.scored(this, score, summary, explanation, fix, misses.repeatWaitNanos(),
                new Evidence(misses.repeatIndices(), List.of(), List.of(), paths));
    }

    /** The path that was missing; without lifecycles only the names walked (fids are reused and name nothing). */
    private static String key(RuleInput in, int i, Twalk walk) {
        String path = in.path(i);
        return path != null ? path : ".../" + String.join("/", walk.wnames());
    }
}
