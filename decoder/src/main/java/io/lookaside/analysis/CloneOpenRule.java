package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.LongIntMap;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Tlopen;
import io.lookaside.ninep.Twalk;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Two round trips per open: 9P opens a fid, not a path, so the Linux client first clones the
 * directory entry's fid (Twalk fid → newfid with no names) and then sends Tlopen(newfid)
 * (walk(5), 9p.md "What the Linux client sends"). A fused walk+open would save the clone.
 */
public final class CloneOpenRule implements Rule {
    static final double INFO_SHARE = 0.01;
    static final double WARNING_SHARE = 0.05;

    @Override
    public String id() {
        return "clone-open";
    }

    @Override
    public String title() {
        return "Clone walk before every open";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Session s = in.session();
        Exchanges x = in.exchanges();
        // (connection, newfid) → request ordinal of the clone walk that created it and is not yet used by Tlopen.
        LongIntMap clones = new LongIntMap();
        int opens = 0;
        int pairs = 0;
        long cloneWait = 0;
        List<Integer> evidence = new ArrayList<>();
        List<Long> fids = new ArrayList<>();
        for (int k = 0; k < x.size(); k++) {
            int i = x.index(k);
            int type = s.typeCode(i);
            if (type == NinePTypes.TWALK) {
                long newfid = NinePFields.u32(s, i, Twalk.NEWFID);
                if (newfid < 0) {
                    continue;
                }
                long key = (long) s.conn(i) << 32 | newfid;
                boolean created = x.answered(k) && x.error(k) == null;
                if (NinePFields.u16(s, i, Twalk.NWNAME) == 0 && created) {
                    clones.put(key, k);
                } else {
                    clones.remove(key);
                }
            } else if (type == NinePTypes.TLOPEN) {
                long fid = NinePFields.u32(s, i, Tlopen.FID);
                if (fid < 0) {
                    continue;
                }
                opens++;
                int walk = clones.remove((long) s.conn(i) << 32 | fid);
                if (walk != LongIntMap.MISSING) {
                    pairs++;
                    cloneWait += Math.max(0, x.waitNanos(walk));
                    if (evidence.size() < Evidence.LIMIT) {
                        evidence.add(x.index(walk));
                        evidence.add(i);
                        if (!fids.contains(fid)) {
                            fids.add(fid);
                        }
                    }
                }
            }
        }
        if (pairs == 0) {
            return Finding.ok(this, opens == 0 ? "No file was opened." : opens + " opens, none preceded by a clone walk.");
        }
        double share = (double) pairs / Math.max(1, x.size());
        String summary = pairs + " of " + opens + " Tlopen came right after a clone Twalk of their fid: "
                + Words.count(pairs, "extra round trip") + ", " + Durations.format(cloneWait) + " of wait ("
                + Durations.percent(share) + " of all requests).";
        String explanation = "9P opens fids, not names: to open a file the Linux client clones the fid of its dentry "
                + "(Twalk with no names) and opens the clone, so every open, directory listing and create costs a "
                + "round trip before the real work. No mount option removes the clone; a protocol change (a walk "
                + "that opens) would.";
        String fix = "No mount option avoids it (cache=loose still clones and opens on every open(2)): open files "
                + "fewer times in the workload (keep them open, do not re-read the same file); on the protocol side, "
                + "a walk that also opens would save one round trip per open.";
        return Finding.scored(this, Score.of(share, INFO_SHARE, WARNING_SHARE), summary, explanation,
                fix + in.projection("walk-open-fusion"), cloneWait,
                new Evidence(evidence, fids, List.of(), List.of()));
    }
}
