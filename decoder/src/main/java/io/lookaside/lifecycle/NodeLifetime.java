package io.lookaside.lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One FUSE nodeid as the kernel knows it on one connection, from the entry reply that gave it
 * to the FORGET that brought its lookup count to zero (the daemon may then reuse the number),
 * with its lookup count and its path at every moment. Every entry reply with a nonzero nodeid
 * (LOOKUP, CREATE, MKNOD, MKDIR, SYMLINK, LINK, TMPFILE, each READDIRPLUS entry other than
 * "." and "..") counts one; FORGET and BATCH_FORGET take nlookup off (linux/fuse.h).
 */
public final class NodeLifetime {
    /** The lookup count from message {@code at} on. */
    public record Count(int at, long lookups) {
    }

    private final PathTable paths;
    private final int index;
    private final int conn;
    private final long nodeid;
    private final NodeOrigin origin;
    private final int createdAt;
    int forgottenAt = -1;
    long lookups;
    private int[] countAt = new int[2];
    private long[] counts = new long[2];
    private int countN;
    private final PathHistory history;

    NodeLifetime(PathTable paths, int index, int conn, long nodeid, NodeOrigin origin, int createdAt, int path) {
        this.paths = paths;
        this.index = index;
        this.conn = conn;
        this.nodeid = nodeid;
        this.origin = origin;
        this.createdAt = createdAt;
        this.history = new PathHistory();
        history.moveTo(createdAt, path);
    }

    private NodeLifetime(NodeLifetime of, PathTable paths) {
        this.paths = paths;
        this.index = of.index;
        this.conn = of.conn;
        this.nodeid = of.nodeid;
        this.origin = of.origin;
        this.createdAt = of.createdAt;
        this.forgottenAt = of.forgottenAt;
        this.lookups = of.lookups;
        this.countAt = java.util.Arrays.copyOf(of.countAt, of.countAt.length);
        this.counts = java.util.Arrays.copyOf(of.counts, of.counts.length);
        this.countN = of.countN;
        this.history = of.history.copy();
    }

    /** This lifetime as it is now, in an object later messages do not change (a streaming snapshot). */
    NodeLifetime copy(PathTable table) {
        return new NodeLifetime(this, table);
    }

    public int index() {
        return index;
    }

    public int conn() {
        return conn;
    }

    public long nodeid() {
        return nodeid;
    }

    public NodeOrigin origin() {
        return origin;
    }

    /** The reply that first gave the nodeid (for BEFORE_CAPTURE and ROOT: the first message that used it). */
    public int createdAt() {
        return createdAt;
    }

    /** The FORGET or BATCH_FORGET that brought the count to zero, or -1. */
    public int forgottenAt() {
        return forgottenAt;
    }

    /** Still known to the kernel when the capture ended (normal while mounted; a leak if the daemon is gone). */
    public boolean rememberedAtEnd() {
        return forgottenAt < 0;
    }

    /** The lookup count at the end of the capture (or when forgotten). */
    public long lookups() {
        return lookups;
    }

    /** Every change of the lookup count, in order. */
    public List<Count> counts() {
        List<Count> out = new ArrayList<>(countN);
        for (int k = 0; k < countN; k++) {
            out.add(new Count(countAt[k], counts[k]));
        }
        return out;
    }

    /** The last path it had (relative to the mount root); null when never known. */
    public String path() {
        return paths.text(history.last());
    }

    public String pathAt(int i) {
        return paths.text(history.at(i));
    }

    public List<FidLifetime.PathChange> pathHistory() {
        return history.changes(paths);
    }

    int pathId() {
        return history.last();
    }

    void moveTo(int at, int path) {
        history.moveTo(at, path);
    }

    void add(int at, long delta) {
        lookups += delta;
        if (countN == countAt.length) {
            countAt = Arrays.copyOf(countAt, countN * 2);
            counts = Arrays.copyOf(counts, countN * 2);
        }
        countAt[countN] = at;
        counts[countN] = lookups;
        countN++;
    }

    @Override
    public String toString() {
        return "nodeid " + nodeid + " (" + origin + ", " + path() + ", lookups " + lookups + ")";
    }
}
