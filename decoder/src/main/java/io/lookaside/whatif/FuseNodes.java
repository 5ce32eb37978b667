package io.lookaside.whatif;

import io.lookaside.fuse.ForgetOne;
import io.lookaside.fuse.FuseNotify;
import io.lookaside.fuse.FuseRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * When a node leaves the kernel, and with it everything cached about it: FORGET and each
 * BATCH_FORGET entry (the kernel forgets a node when it evicts the inode, fs/fuse/inode.c
 * fuse_evict_inode(); the daemon may then reuse the nodeid for another file), the PRUNE
 * notification, and INC_EPOCH, after which every cached dentry of the connection is stale.
 * Cached answers remember the generation and epoch they were made in; a different one now
 * means the cache no longer holds them.
 */
final class FuseNodes {
    private final Map<FuseTrace.Node, Integer> generations = new HashMap<>();
    private final Map<Integer, Integer> epochs = new HashMap<>();

    /** Takes note of a forget or an epoch change; other messages are ignored. */
    void observe(int conn, Object message) {
        if (message instanceof FuseRequest.Forget f) {
            forget(conn, f.header().nodeid());
        } else if (message instanceof FuseRequest.BatchForget b) {
            for (ForgetOne one : b.forgets()) {
                forget(conn, one.nodeid());
            }
        } else if (message instanceof FuseNotify.Prune p) {
            for (long nodeid : p.nodeids()) {
                forget(conn, nodeid);
            }
        } else if (message instanceof FuseNotify.IncEpoch) {
            epochs.merge(conn, 1, Integer::sum);
        }
    }

    /** Also ends what is cached about {@code nodeid} (an invalidation that drops every name or range at once). */
    void forget(int conn, long nodeid) {
        generations.merge(new FuseTrace.Node(conn, nodeid), 1, Integer::sum);
    }

    int generation(int conn, long nodeid) {
        return generations.getOrDefault(new FuseTrace.Node(conn, nodeid), 0);
    }

    int epoch(int conn) {
        return epochs.getOrDefault(conn, 0);
    }
}
