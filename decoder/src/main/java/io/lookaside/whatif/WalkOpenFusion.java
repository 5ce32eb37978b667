package io.lookaside.whatif;

import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.ninep.NinePTypes;

/**
 * A protocol change: one RPC that clones a fid and opens the clone. Linux opens a file with
 * Twalk(fid → G, nwname 0) and then Tlopen(G) (v9fs_file_open: v9fs_fid_clone, p9_client_open),
 * two round trips where one would do.
 */
final class WalkOpenFusion extends WalkFusion {
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

    /** An open of the clone (Tlopen, Topen): the clone-and-open RPC carries it. */
    @Override
    boolean follows(int type) {
        return type == NinePTypes.TLOPEN || type == NinePTypes.TOPEN;
    }

    @Override
    FidOrigin walkMade() {
        return FidOrigin.CLONE;
    }

    @Override
    int saved(int walk, int follower) {
        return walk;
    }
}
