package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Rwalk;
import io.lookaside.ninep.Twalk;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lookups of names that do not exist, asked again and again: a compiler probing every -I
 * directory, a shell searching PATH. Without a negative dentry cache every repeat costs a round
 * trip (what-if.md, "9P negative dentry", "FUSE negative entry").
 * <ul>
 * <li>9P: a Twalk with names answered by ENOENT, or by an Rwalk with fewer qids than names
 * (walk(5): the walk stopped at a missing name).
 * <li>FUSE: LOOKUP answered by −ENOENT, or by an entry with nodeid 0 and entry_valid 0 (which the
 * kernel does not cache either; linux/fuse.h, fs/fuse/dir.c).
 * </ul>
 */
public final class NegativeLookupsRule implements Rule {
    static final double INFO_SHARE = 0.01;
    static final double WARNING_SHARE = 0.05;
    /** The key of a miss whose name the capture does not hold (kernel tracepoints). */
    private static final String NAMELESS = new String("nameless");
    /** The key of a miss answered with a negative entry the kernel caches: not a problem. */
    private static final String CACHED = new String("cached");

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
        return Set.of(Protocol.NINEP, Protocol.FUSE);
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Session s = in.session();
        Exchanges x = in.exchanges();
        Repeats misses = new Repeats();
        boolean ninep = false;
        boolean fuse = false;
        int nameless = 0;
        int cached = 0;
        for (int k = 0; k < x.size(); k++) {
            int i = x.index(k);
            if (!x.answered(k)) {
                continue;
            }
            Protocol p = s.connection(i).protocol();
            String key = switch (p) {
                case NINEP -> s.typeCode(i) == NinePTypes.TWALK ? ninePMiss(in, k) : null;
                case FUSE -> s.typeCode(i) == FuseOpcode.LOOKUP.code() ? fuseMiss(in, k) : null;
            };
            if (key == CACHED) {
                cached++;
            } else if (key == NAMELESS) {
                nameless++;
            } else if (key != null) {
                ninep |= p == Protocol.NINEP;
                fuse |= p == Protocol.FUSE;
                misses.add(key, i, s.tsNanos(i), x.waitNanos(k));
            }
        }
        if (misses.repeats() == 0 && nameless > 0) {
            return Finding.notApplicable(this, nameless + " of " + x.size() + " requests are lookups that failed with "
                    + "ENOENT, but this input holds only message headers (no names), so repeats cannot be told apart; a "
                    + "fusedump or strace capture of the daemon can.");
        }
        if (misses.repeats() == 0) {
            String cachedNote = cached == 0 ? "" : " " + cached + " misses were answered with a negative entry the "
                    + "kernel caches (nodeid 0, entry_valid > 0).";
            return Finding.ok(this, (misses.total() == 0 ? "No uncached lookup of a missing name."
                    : misses.total() + " uncached lookups of missing names, none repeated.") + cachedNote);
        }
        double share = (double) misses.repeats() / Math.max(1, x.size());
        double score = Score.of(share, INFO_SHARE, WARNING_SHARE);
        long p90 = misses.gapPercentile(90);
        long ms = Durations.niceMillisAtLeast(p90);
        String summary = misses.repeats() + " of " + misses.total() + " lookups of missing names repeat an earlier miss ("
                + misses.distinct() + " distinct; " + Durations.percent(share) + " of all requests, "
                + Durations.format(misses.repeatWaitNanos()) + " of wait). Most repeated: " + misses.topList(3) + ".";
        List<String> why = new ArrayList<>();
        List<String> fix = new ArrayList<>();
        if (ninep) {
            why.add("The Linux v9fs client keeps no negative dentries: it drops them with cache=none, and with "
                    + "cache=loose too before the negative-dentry patches.");
            fix.add("Mount with cache=loose,negtimeout=" + ms + " (kernels with the v9fs negative-dentry patches) if "
                    + "no other client creates these names.");
        }
        if (fuse) {
            why.add("The FUSE kernel caches a miss only when the daemon answers with nodeid 0 and a nonzero "
                    + "entry_valid; an −ENOENT error caches nothing.");
            String seconds = String.format(Locale.ROOT, "%.3f", Math.max(1, ms) / 1000.0).replaceAll("0+$", "")
                    .replaceAll("\\.$", "");
            Identification.Party daemon = in.identification().server();
            if (daemon.is("glusterfs")) {
                // glusterfs's FUSE bridge is its own: its negative-timeout option sets the entry_valid of misses.
                fix.add("Mount glusterfs with negative-timeout=" + (seconds.contains(".") ? "1" : seconds)
                        + " (mount -t glusterfs -o negative-timeout=N, or glusterfs --negative-timeout=N; whole "
                        + "seconds): it answers misses with a negative entry the kernel caches.");
            } else {
                fix.add("Have the daemon answer misses with nodeid 0 and entry_valid > 0: libfuse -o negative_timeout="
                        + seconds + " (seconds), or fuse_reply_entry() with e.ino = 0 and e.entry_timeout set.");
            }
        }
        fix.add("Or remove the probes from the workload: trim compiler -I lists, PATH and LD_LIBRARY_PATH entries "
                + "that do not exist.");
        String explanation = "Every lookup of a name that does not exist goes to the server again. "
                + String.join(" ", why) + " 90% of the repeats came within " + Durations.format(p90)
                + " of the previous miss of the same name, so a negative cache of that lifetime would have answered them.";
        List<String> paths = misses.mostRepeated(Evidence.LIMIT).stream().map(e -> e.getKey()).toList();
        return Finding.scored(this, score, summary, explanation,
                String.join(" ", fix) + in.projection("negative-dentry", "fuse-negative-entry"), misses.repeatWaitNanos(),
                new Evidence(misses.repeatIndices(), List.of(), List.of(), paths));
    }

    /** The missing path of a failed Twalk, or null if request {@code k} did not miss. */
    private static String ninePMiss(RuleInput in, int k) {
        Session s = in.session();
        Exchanges x = in.exchanges();
        int i = x.index(k);
        // Most walks succeed: tell a miss from nwname and nwqid alone, decode only the misses.
        // A 9P2000 server says "file does not exist" in words: the same miss as Rlerror ENOENT.
        boolean missing = "ENOENT".equals(x.error(k)) || io.lookaside.lifecycle.NinePErrors.notFound(x.error(k));
        if (!missing && x.error(k) == null && s.typeCode(s.peer(i)) == NinePTypes.RWALK) {
            int nwname = NinePFields.u16(s, i, Twalk.NWNAME);
            missing = nwname >= 2 && NinePFields.u16(s, s.peer(i), Rwalk.NWQID) < nwname;
        }
        if (!missing || !(s.message(i) instanceof Twalk walk) || walk.wnames().isEmpty()) {
            return null;
        }
        String path = in.path(i);
        // Without lifecycles only the names walked: fids are reused and name nothing.
        return path != null ? path : ".../" + String.join("/", walk.wnames());
    }

    /** The missing (parent, name) of a failed LOOKUP, or null if request {@code k} did not miss. */
    private static String fuseMiss(RuleInput in, int k) {
        Session s = in.session();
        Exchanges x = in.exchanges();
        int i = x.index(k);
        boolean missing = "ENOENT".equals(x.error(k));
        if (!missing && x.error(k) == null && s.message(s.peer(i)) instanceof FuseReply.Entry e && e.entry_out().nodeid() == 0) {
            if (e.entry_out().entry_valid() != 0 || e.entry_out().entry_valid_nsec() != 0) {
                return CACHED;
            }
            missing = true;
        }
        if (!missing) {
            return null;
        }
        String path = in.path(i);
        if (path != null) {
            return path;
        }
        // A FUSE parent nodeid names one directory for as long as it is known: a sound key.
        return s.message(i) instanceof FuseRequest.Lookup l ? "nodeid " + l.header().nodeid() + "/" + l.name() : NAMELESS;
    }
}
