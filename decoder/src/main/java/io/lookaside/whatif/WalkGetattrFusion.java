package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.session.Session;
import java.util.Set;

/**
 * A protocol change: a walk that returns the attributes of what it found, as FUSE's LOOKUP
 * returns entry_out with attr. Linux follows every one-name lookup walk with Tgetattr on the
 * new fid (v9fs_vfs_lookup → v9fs_inode_from_fid_dotl), two round trips where one would do.
 */
final class WalkGetattrFusion implements WhatIfModel {
    @Override
    public String id() {
        return "walk-getattr-fusion";
    }

    @Override
    public String title() {
        return "Walk returning attributes";
    }

    @Override
    public String assumptions() {
        return "A server and client that support a walk whose reply carries the found file's attributes. Each "
                + "Tgetattr that is the very next request after a successful walk of one or more names, on the "
                + "fid that walk made, is saved: the walk's reply would have carried the attributes.";
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
            if (s.typeCode(i) != NinePTypes.TGETATTR || !next.isNinePRequest(i)) {
                continue;
            }
            int walk = next.previous(i);
            if (walk < 0 || s.typeCode(walk) != NinePTypes.TWALK) {
                continue;
            }
            FidLifetime found = l.created(walk);
            if (found != null && found.origin() == FidOrigin.WALK && l.fid(i) == found) {
                marks.eliminate(i);
            }
        }
        return marks.outcome();
    }
}
