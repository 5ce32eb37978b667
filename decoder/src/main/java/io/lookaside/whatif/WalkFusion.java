package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.session.Session;
import java.util.Set;

/**
 * The walk the walk-fusion models share: a 9P request that is the very next one on its
 * connection after a successful Twalk, on the fid that walk made, could have travelled in the
 * walk itself. Each model says which requests follow which kind of walk and which of the two
 * messages the fused RPC saves; the window plays no part.
 */
abstract class WalkFusion implements WhatIfModel {

    /** Whether a request of this 9P type is the one the fused walk would carry. */
    abstract boolean follows(int type);

    /** The kind of fid the walk must have made: a clone (nwname 0) or a walk of names. */
    abstract FidOrigin walkMade();

    /** The message the fusion removes: the walk or the request that followed it. */
    abstract int saved(int walk, int follower);

    @Override
    public final Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    @Override
    public final boolean windowed() {
        return false;
    }

    @Override
    public final Outcome simulate(Session s, Lifecycles l, long windowNanos) {
        Marks marks = new Marks(s);
        NextRequests next = new NextRequests(s);
        for (int i = 0; i < s.size(); i++) {
            if (!follows(s.typeCode(i)) || !next.isNinePRequest(i)) {
                continue;
            }
            int walk = next.previous(i);
            if (walk < 0 || s.typeCode(walk) != NinePTypes.TWALK) {
                continue;
            }
            FidLifetime made = l.created(walk);
            if (made != null && made.origin() == walkMade() && l.fid(i) == made) {
                marks.eliminate(saved(walk, i));
            }
        }
        return marks.outcome();
    }
}
