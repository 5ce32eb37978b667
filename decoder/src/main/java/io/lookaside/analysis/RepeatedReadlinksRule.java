package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.fuse.HeaderOnly;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Rreadlink;
import io.lookaside.session.Session;
import io.lookaside.wire.ProtocolMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The same symbolic link read again and again: every path resolution through a link (usr/bin/cc
 * → /etc/alternatives/cc → gcc-12, lib64 → usr/lib64) asks the server for its target unless the
 * client keeps it (what-if.md, "9P symlink cache", "FUSE_CACHE_SYMLINKS"). 9P: Treadlink answered
 * by Rreadlink; FUSE: READLINK answered without error.
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
        return Set.of(Protocol.NINEP, Protocol.FUSE);
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Session s = in.session();
        Exchanges x = in.exchanges();
        Repeats reads = new Repeats();
        boolean ninep = false;
        boolean fuse = false;
        boolean byTarget = false;
        int unkeyed = 0;
        for (int k = 0; k < x.size(); k++) {
            int i = x.index(k);
            if (!x.answered(k) || x.error(k) != null) {
                continue;
            }
            String key = null;
            boolean readlink = false;
            Protocol p = s.connection(i).protocol();
            if (p == Protocol.NINEP && s.typeCode(i) == NinePTypes.TREADLINK
                    && s.typeCode(s.peer(i)) == NinePTypes.RREADLINK) {
                key = in.path(i);
                if (key == null && s.message(s.peer(i)) instanceof Rreadlink r) {
                    // Without lifecycles the link's own path is unknown: its target stands in for it.
                    key = "-> " + r.target();
                    byTarget = true;
                }
                ninep = true;
                readlink = true;
            } else if (p == Protocol.FUSE && s.typeCode(i) == FuseOpcode.READLINK.code()) {
                key = in.path(i);
                if (key == null) {
                    Long nodeid = nodeid(s.message(i));
                    key = nodeid == null ? null : "nodeid " + nodeid;
                }
                fuse = true;
                readlink = true;
            }
            if (key != null) {
                reads.add(key, i, s.tsNanos(i), x.waitNanos(k));
            } else if (readlink) {
                unkeyed++;
            }
        }
        if (reads.repeats() == 0 && unkeyed > 0) {
            return Finding.notApplicable(this, unkeyed + " symlink reads, but this input holds only message headers (no "
                    + "node or target), so repeats cannot be told apart; a fusedump or strace capture of the daemon can.");
        }
        if (reads.repeats() == 0) {
            return Finding.ok(this, reads.total() == 0 ? "No symlink was read."
                    : reads.total() + " symlink reads, none repeated.");
        }
        double share = (double) reads.repeats() / Math.max(1, x.size());
        double score = Score.of(share, INFO_SHARE, WARNING_SHARE);
        String summary = reads.repeats() + " of " + reads.total() + " symlink reads repeat an earlier read of the same "
                + (byTarget ? "target" : "link") + " (" + reads.distinct() + " distinct; "
                + Durations.format(reads.repeatWaitNanos()) + " of wait). Most read: " + reads.topList(3) + ".";
        List<String> why = new ArrayList<>();
        List<String> fix = new ArrayList<>();
        if (ninep) {
            why.add("The Linux v9fs client keeps no symlink targets, with any cache mode, unless it has the "
                    + "symlink-caching patch (targets kept in the link inode's page cache); besides the Treadlink it "
                    + "usually walks a fid to the link first and clunks it after.");
            fix.add("Mount with cache=loose on a kernel with the v9fs symlink-caching patch.");
        }
        if (fuse) {
            why.add("The FUSE kernel keeps symlink targets in the page cache only when the daemon enabled "
                    + "FUSE_CACHE_SYMLINKS at INIT (protocol 7.28 and later).");
            Identification.Party daemon = in.identification().server();
            if (daemon.is("glusterfs")) {
                fix.add("glusterfs does not enable FUSE_CACHE_SYMLINKS and has no option for it (its FUSE bridge is not "
                        + "libfuse); resolve the links in the workload instead.");
            } else if (daemon.is("libfuse2")) {
                fix.add("This daemon runs on libfuse 2, whose protocol (7.19) predates FUSE_CACHE_SYMLINKS: rebuild it "
                        + "on libfuse 3 and set conn->want |= FUSE_CAP_CACHE_SYMLINKS in init().");
            } else {
                fix.add("Enable FUSE_CACHE_SYMLINKS in the daemon (libfuse 3: conn->want |= FUSE_CAP_CACHE_SYMLINKS in "
                        + "init()); daemons on libfuse 2 cannot, as it speaks an older protocol.");
            }
        }
        fix.add("Or point the workload at the final targets (call gcc-12 rather than cc → /etc/alternatives/cc → "
                + "gcc-12; use usr/lib64 rather than lib64).");
        String explanation = "Each resolution of a path through a symbolic link reads the link from the server. "
                + String.join(" ", why);
        List<String> paths = reads.mostRepeated(Evidence.LIMIT).stream().map(e -> e.getKey()).toList();
        return Finding.scored(this, score, summary, explanation,
                String.join(" ", fix) + in.projection("symlink", "fuse-cache-symlinks"), reads.repeatWaitNanos(),
                new Evidence(reads.repeatIndices(), List.of(), List.of(), paths));
    }

    private static Long nodeid(ProtocolMessage m) {
        if (m instanceof FuseRequest.Readlink r) {
            return r.header().nodeid();
        }
        return m instanceof HeaderOnly.Request h ? h.nodeid() : null;
    }
}
