package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.lifecycle.FidEnd;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.lifecycle.HandleLifetime;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fids and file handles never given back. While a file system is mounted, fids held by cached
 * dentries and open files are normal, so only those of connections the capture shows unmounted
 * count as leaks: a 9P connection whose attach fid was clunked (umount clunks the root, clunk(5)),
 * a FUSE connection that saw DESTROY. Every fid or handle still bound after that was forgotten by
 * someone: the client, or a daemon that kept state for it.
 */
public final class HandleLeaksRule implements Rule {
    static final double INFO_LEAKS = 1;
    static final double WARNING_LEAKS = 20;

    @Override
    public String id() {
        return "handle-leaks";
    }

    @Override
    public String title() {
        return "Fids and handles never released";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP, Protocol.FUSE);
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Session s = in.session();
        Set<Integer> unmounted = new HashSet<>();
        for (FidLifetime l : in.lifecycles().fids()) {
            if (l.origin() == FidOrigin.ATTACH && l.end() == FidEnd.CLUNKED) {
                unmounted.add(l.conn());
            }
        }
        for (int k = 0; k < in.exchanges().size(); k++) {
            int i = in.exchanges().index(k);
            if (s.connection(i).protocol() == Protocol.FUSE && s.typeCode(i) == FuseOpcode.DESTROY.code()) {
                unmounted.add(s.conn(i));
            }
        }
        List<Integer> evidence = new ArrayList<>();
        List<Long> fids = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        int leakedFids = 0;
        int heldFids = 0;
        for (FidLifetime l : in.lifecycles().fids()) {
            if (!l.openAtEnd() || l.origin() == FidOrigin.ATTACH || l.origin() == FidOrigin.AUTH) {
                continue;
            }
            if (!unmounted.contains(l.conn())) {
                heldFids++;
                continue;
            }
            leakedFids++;
            note(evidence, l.createdAt(), paths, l.path());
            if (fids.size() < Evidence.LIMIT && !fids.contains(l.fid())) {
                fids.add(l.fid());
            }
        }
        int leakedHandles = 0;
        int heldHandles = 0;
        for (HandleLifetime h : in.lifecycles().handlesOpenAtEnd()) {
            if (!unmounted.contains(h.conn())) {
                heldHandles++;
                continue;
            }
            leakedHandles++;
            note(evidence, h.openedAt(), paths, h.path());
        }
        int leaks = leakedFids + leakedHandles;
        String held = heldFids + heldHandles == 0 ? ""
                : " " + Words.count(heldFids, "fid") + " and " + Words.count(heldHandles, "file handle")
                + " were still in use at the end on connections not unmounted in the capture: held by the client's "
                + "caches and open files, a leak only if their number keeps growing.";
        if (leaks == 0) {
            return Finding.ok(this, (unmounted.isEmpty() ? "No connection was unmounted in the capture."
                    : "Every fid and file handle was released before unmount.") + held);
        }
        String summary = Words.count(leakedFids, "fid") + " and " + Words.count(leakedHandles, "file handle")
                + " were never released although their connection was unmounted." + held;
        String explanation = "After umount every fid should be clunked and every FUSE file handle released. One still "
                + "bound means a path through the client that never gave it back, or a server or daemon that keeps "
                + "state (an open file, memory) for something nobody holds any more; long-running mounts pile them up.";
        String fix = "Look at how the leaked fids were made (the evidence messages and paths): a client bug to report "
                + "upstream with this capture, or for FUSE a daemon that must answer RELEASE and FORGET; until fixed, "
                + "remounting releases them.";
        return Finding.scored(this, Score.of(leaks, INFO_LEAKS, WARNING_LEAKS), summary, explanation, fix, 0,
                new Evidence(evidence, fids, List.of(), paths));
    }

    private static void note(List<Integer> evidence, int at, List<String> paths, String path) {
        if (evidence.size() < Evidence.LIMIT && at >= 0) {
            evidence.add(at);
        }
        if (path != null && paths.size() < Evidence.LIMIT && !paths.contains(path)) {
            paths.add(path);
        }
    }
}
