package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.fuse.Dirent;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Session;
import io.lookaside.wire.ProtocolMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Capabilities the kernel offered at FUSE_INIT and the daemon left off, while the capture shows
 * the round trips they would have saved (linux/fuse.h INIT flags; fuse.md "FUSE caches"):
 * CACHE_SYMLINKS while READLINK repeats on one node, DO_READDIRPLUS while LOOKUPs follow a READDIR
 * for the names it returned, WRITEBACK_CACHE while sequential WRITEs are smaller than max_write.
 */
public final class UnusedCapabilitiesRule implements Rule {
    static final double INFO_SHARE = 0.01;
    static final double WARNING_SHARE = 0.05;
    /** The what-if model that simulates each capability. */
    private static final java.util.Map<String, String> MODEL = java.util.Map.of("CACHE_SYMLINKS", "fuse-cache-symlinks",
            "DO_READDIRPLUS", "readdirplus", "WRITEBACK_CACHE", "write-merge");

    @Override
    public String id() {
        return "unused-capabilities";
    }

    @Override
    public String title() {
        return "FUSE capabilities left off";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.FUSE);
    }

    /** What one unused capability would have saved. */
    private record Missed(String flag, long requests, long waitNanos, String what, String how) {
    }

    /** Per connection: the INIT exchange and the traffic the capabilities concern. */
    private static final class Conn {
        Set<String> offered;
        Set<String> agreed;
        long minor;
        long maxWrite = 4096;
        final Map<Long, Integer> readlinks = new HashMap<>();
        long readlinkRepeats;
        long readlinkWait;
        final Map<Long, Set<String>> listed = new HashMap<>();
        long lookupsAfterList;
        long lookupWait;
        final Map<Long, long[]> writeRuns = new HashMap<>();
        long mergeable;
        long smallWriteWait;
        final List<Integer> evidence = new ArrayList<>();
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Session s = in.session();
        Exchanges x = in.exchanges();
        Map<Integer, Conn> conns = new HashMap<>();
        for (int k = 0; k < x.size(); k++) {
            int i = x.index(k);
            if (s.connection(i).protocol() != Protocol.FUSE || !x.answered(k) || x.error(k) != null) {
                continue;
            }
            Conn c = conns.computeIfAbsent(s.conn(i), n -> new Conn());
            int op = s.typeCode(i);
            if (op == FuseOpcode.INIT.code()) {
                init(s, i, c);
            } else if (op == FuseOpcode.READLINK.code()) {
                long node = nodeid(s.message(i));
                if (node >= 0 && c.readlinks.merge(node, 1, Integer::sum) > 1) {
                    c.readlinkRepeats++;
                    c.readlinkWait += x.waitNanos(k);
                    note(c, i);
                }
            } else if (op == FuseOpcode.READDIR.code()) {
                long dir = nodeid(s.message(i));
                if (dir >= 0 && s.message(s.peer(i)) instanceof FuseReply.Readdir r) {
                    Set<String> names = c.listed.computeIfAbsent(dir, d -> new HashSet<>());
                    for (Dirent d : r.entries()) {
                        if (!d.name().equals(".") && !d.name().equals("..")) {
                            names.add(d.name());
                        }
                    }
                }
            } else if (op == FuseOpcode.LOOKUP.code() && s.message(i) instanceof FuseRequest.Lookup l) {
                Set<String> names = c.listed.get(l.header().nodeid());
                if (names != null && names.remove(l.name())) {
                    c.lookupsAfterList++;
                    c.lookupWait += x.waitNanos(k);
                }
            } else if (op == FuseOpcode.WRITE.code() && s.message(i) instanceof FuseRequest.Write w) {
                write(c, w, x.waitNanos(k), i);
            }
        }
        List<Missed> missed = new ArrayList<>();
        List<Integer> evidence = new ArrayList<>();
        // glusterfs's FUSE bridge is its own code: its knobs are its mount options, not libfuse's.
        boolean gluster = in.identification().server().is("glusterfs");
        for (Conn c : conns.values()) {
            finishWrites(c);
            if (c.offered == null) {
                continue;
            }
            String version = "protocol 7." + c.minor;
            if (c.readlinkRepeats > 0 && offeredNotAgreed(c, "CACHE_SYMLINKS")) {
                missed.add(new Missed("CACHE_SYMLINKS", c.readlinkRepeats, c.readlinkWait,
                        c.readlinkRepeats + " READLINK of a node already read",
                        gluster ? "glusterfs has no option for it (it answers " + version + "; CACHE_SYMLINKS needs "
                                + "7.28): resolve the links in the workload"
                                : c.minor >= 28 ? "set FUSE_CAP_CACHE_SYMLINKS in conn->want in the daemon's init()"
                                : "move the daemon to libfuse 3 (it answers " + version
                                + "; CACHE_SYMLINKS needs 7.28) and set FUSE_CAP_CACHE_SYMLINKS"));
            }
            if (c.lookupsAfterList > 0 && offeredNotAgreed(c, "DO_READDIRPLUS")) {
                missed.add(new Missed("DO_READDIRPLUS", c.lookupsAfterList, c.lookupWait,
                        c.lookupsAfterList + " LOOKUP of a name a READDIR had just returned",
                        gluster ? "mount glusterfs with use-readdirp=yes (its own option)"
                                : c.minor >= 21 ? "implement readdirplus and set FUSE_CAP_READDIRPLUS (libfuse 3: on when "
                                + "readdirplus is implemented; high-level API: -o readdirplus=yes)"
                                : "move the daemon to libfuse 3 (it answers " + version
                                + "; READDIRPLUS needs 7.21) and implement readdirplus"));
            }
            if (c.mergeable > 0 && offeredNotAgreed(c, "WRITEBACK_CACHE")) {
                missed.add(new Missed("WRITEBACK_CACHE", c.mergeable, c.smallWriteWait,
                        c.mergeable + " WRITE requests that sequential runs of small writes could have saved with "
                                + "max_write " + c.maxWrite,
                        gluster ? "mount glusterfs with kernel-writeback-cache=yes (its own option) if no one else "
                                + "changes the files"
                                : "enable the writeback cache (libfuse 3: -o writeback_cache, FUSE_CAP_WRITEBACK_CACHE) "
                                + "if no one else changes the files"));
            }
            evidence.addAll(c.evidence);
        }
        if (missed.isEmpty()) {
            return Finding.ok(this, conns.values().stream().anyMatch(c -> c.offered != null)
                    ? "No capability the kernel offered at INIT would have saved round trips here."
                    : "The FUSE_INIT flags are not in the capture: the capabilities are unknown.");
        }
        long saved = missed.stream().mapToLong(Missed::requests).sum();
        long wait = missed.stream().mapToLong(Missed::waitNanos).sum();
        double share = (double) saved / Math.max(1, x.size());
        List<String> what = missed.stream().map(m -> m.flag() + ": " + m.what()).toList();
        String summary = "The kernel offered " + String.join(", ", missed.stream().map(Missed::flag).toList())
                + " at INIT and the daemon left " + (missed.size() == 1 ? "it" : "them") + " off; "
                + String.join("; ", what) + " (" + Durations.format(wait) + " of wait).";
        String explanation = "FUSE_INIT is where the daemon chooses which kernel caches and batching it allows. "
                + "Each capability below was offered by this kernel and refused by the daemon, and the capture "
                + "shows requests it would have saved.";
        String fix = String.join("; ", missed.stream().map(m -> m.flag() + ": " + m.how()).toList()) + "."
                + in.projection(missed.stream().map(m -> MODEL.get(m.flag())).toArray(String[]::new));
        return Finding.scored(this, Score.of(share, INFO_SHARE, WARNING_SHARE), summary, explanation, fix, wait,
                Evidence.messages(RuleInput.firstFew(evidence)));
    }

    private static void init(Session s, int i, Conn c) {
        if (s.message(i) instanceof FuseRequest.Init req && s.message(s.peer(i)) instanceof FuseReply.Init rep) {
            c.offered = new HashSet<>(req.flagNames());
            c.agreed = new HashSet<>(rep.flagNames());
            c.minor = rep.minor();
            if (rep.max_write() != null && rep.max_write() > 0) {
                c.maxWrite = rep.max_write();
            }
        }
    }

    private static boolean offeredNotAgreed(Conn c, String flag) {
        return c.offered.contains(flag) && !c.agreed.contains(flag);
    }

    /** Runs of contiguous WRITEs per fh: [count, bytes, next offset]. */
    private static void write(Conn c, FuseRequest.Write w, long wait, int i) {
        long[] run = c.writeRuns.get(w.fh());
        if (run == null || run[2] != w.offset()) {
            if (run != null) {
                c.mergeable += mergeable(run, c.maxWrite);
            }
            run = new long[3];
            c.writeRuns.put(w.fh(), run);
        }
        run[0]++;
        run[1] += w.size();
        run[2] = w.offset() + w.size();
        if (w.size() < c.maxWrite / 2) {
            c.smallWriteWait += Math.max(0, wait);
        }
    }

    private static void finishWrites(Conn c) {
        for (long[] run : c.writeRuns.values()) {
            c.mergeable += mergeable(run, c.maxWrite);
        }
        c.writeRuns.clear();
    }

    private static long mergeable(long[] run, long maxWrite) {
        return Math.max(0, run[0] - (run[1] + maxWrite - 1) / Math.max(1, maxWrite));
    }

    private static void note(Conn c, int i) {
        if (c.evidence.size() < Evidence.LIMIT) {
            c.evidence.add(i);
        }
    }

    /** The request's nodeid, or -1 when only a header without one was captured. */
    private static long nodeid(ProtocolMessage m) {
        if (m instanceof FuseRequest r) {
            return r.header().nodeid();
        }
        return -1;
    }
}
