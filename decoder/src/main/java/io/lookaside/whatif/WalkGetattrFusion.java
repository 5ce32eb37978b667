package io.lookaside.whatif;

import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.ninep.NinePTypes;

/**
 * A protocol change: a walk that returns the attributes of what it found, as FUSE's LOOKUP
 * returns entry_out with attr. Linux follows every one-name lookup walk with Tgetattr on the
 * new fid (v9fs_vfs_lookup → v9fs_inode_from_fid_dotl), two round trips where one would do.
 */
final class WalkGetattrFusion extends WalkFusion {
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

    /** The Tgetattr on the fid found: the walk's reply carries its attributes. */
    @Override
    boolean follows(int type) {
        return type == NinePTypes.TGETATTR;
    }

    @Override
    FidOrigin walkMade() {
        return FidOrigin.WALK;
    }

    @Override
    int saved(int walk, int follower) {
        return follower;
    }
}
