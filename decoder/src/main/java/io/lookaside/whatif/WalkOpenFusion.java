package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.session.Session;
import java.util.Set;

/**
 * A protocol change: one RPC that clones a fid and opens the clone. Linux opens a file with
 * Twalk(fid → G, nwname 0) and then Tlopen(G) (v9fs_file_open: v9fs_fid_clone, p9_client_open),
 * two round trips where one would do.
 */
final class WalkOpenFusion implements WhatIfModel {
    @Override
    public String id() {
        return "walk-open-fusion";
    }

    @Override
    public String title() {
        return "Walk + open in one RPC";
    }

    @Override
    public String assumptions() {
        return "A server and client that support a combined clone-and-open message. Each clone walk "
                + "(nwname 0) that succeeded and whose very next request on the connection opens the clone "
                + "(Tlopen or Topen, whatever its answer) is saved: the open would have carried it.";
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
        for (int i = 0; i < s.size(); i++) {
            int type = s.typeCode(i);
            if (type != NinePTypes.TLOPEN && type != NinePTypes.TOPEN || !next.isNinePRequest(i)) {
                continue;
            }
            int walk = next.previous(i);
            if (walk < 0 || s.typeCode(walk) != NinePTypes.TWALK) {
                continue;
            }
            FidLifetime clone = l.created(walk);
            if (clone != null && clone.origin() == FidOrigin.CLONE && l.fid(i) == clone) {
                marks.eliminate(walk);
            }
        }
        return marks.outcome();
    }
}
