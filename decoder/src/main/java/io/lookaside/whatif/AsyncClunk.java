package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client change: Tclunk sent without waiting for Rclunk (Linux's p9_client_clunk waits, so
 * close(2) and every dentry release block for a round trip). The clunk is still sent; only
 * the wait goes.
 */
final class AsyncClunk implements WhatIfModel {
    @Override
    public String id() {
        return "async-clunk";
    }

    @Override
    public String title() {
        return "Asynchronous clunk";
    }

    @Override
    public String assumptions() {
        return "A Tclunk is on the critical path when its connection sent nothing else until Rclunk arrived; "
                + "such clunks are taken off it (still sent, not waited for). A clunk must stay synchronous, and "
                + "is left alone, when it removes the file (ORCLOSE), when it commits an attribute written "
                + "through Txattrcreate, or when the next request about the same path removes or renames it "
                + "(the server must see the fid gone first). A clunk with no request after it in the capture is "
                + "left alone: nothing shows that anyone waited.";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    @Override
    public boolean windowed() {
        return false;
    }

    @Override
    public Outcome simulate(Session s, Lifecycles l, long windowNanos) {
        Marks marks = new Marks(s);
        NextRequests next = new NextRequests(s);
        BitSet cancelled = new BitSet();
        // Per connection: the latest clunk of each path, until the next request about that path.
        List<Map<String, Integer>> watching = new ArrayList<>();
        for (int c = 0; c < s.connections().size(); c++) {
            watching.add(new HashMap<>());
        }
        for (int i = 0; i < s.size(); i++) {
            if (!next.isNinePRequest(i)) {
                continue;
            }
            String path = l.path(i);
            if (path != null) {
                Integer clunk = watching.get(s.conn(i)).remove(path);
                if (clunk != null && removesOrRenames(s.typeCode(i))) {
                    cancelled.set(clunk);
                }
            }
            if (s.typeCode(i) == NinePTypes.TCLUNK && path != null) {
                watching.get(s.conn(i)).put(path, i);
            }
        }
        for (int i = 0; i < s.size(); i++) {
            if (s.typeCode(i) != NinePTypes.TCLUNK || !next.isNinePRequest(i) || cancelled.get(i)) {
                continue;
            }
            int rep = s.peer(i);
            int after = next.next(i);
            boolean waited = rep >= 0 && after >= 0 && after > rep;
            FidLifetime f = l.fid(i);
            if (waited && f != null && !f.orclose() && f.xattrCreateAt() < 0) {
                marks.unblock(i);
            }
        }
        return marks.outcome();
    }

    private static boolean removesOrRenames(int type) {
        return type == NinePTypes.TREMOVE || type == NinePTypes.TUNLINKAT || type == NinePTypes.TRENAMEAT
                || type == NinePTypes.TRENAME;
    }
}
