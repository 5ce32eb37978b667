package io.lookaside.lifecycle;

import java.util.List;

/**
 * One binding of a 9P fid to a file on one connection, from the reply that made it to the
 * message that ended it, with how it was opened and its path at every moment (renames move
 * it). Message positions are indices into the session. State is committed on replies, never
 * on requests (walk(5), clunk(5)).
 */
public final class FidLifetime {
    /** A path change: from message {@code at} on, the fid's path is {@code path} (null: unknown). */
    public record PathChange(int at, String path) {
    }

    private final PathTable paths;
    private final int index;
    private final int conn;
    private final long fid;
    private final FidOrigin origin;
    private final int createdAt;
    private final int source;
    int openedAt = -1;
    long openFlags = -1;
    boolean orclose;
    int xattrCreateAt = -1;
    int endedAt = -1;
    FidEnd end = FidEnd.CAPTURE_END;
    boolean qidKnown;
    long qidPath;
    int qidType;
    long qidVersion;
    private final PathHistory history;

    FidLifetime(PathTable paths, int index, int conn, long fid, FidOrigin origin, int createdAt,
                int source, int path) {
        this.paths = paths;
        this.index = index;
        this.conn = conn;
        this.fid = fid;
        this.origin = origin;
        this.createdAt = createdAt;
        this.source = source;
        this.history = new PathHistory();
        moveTo(createdAt, path);
    }

    private FidLifetime(FidLifetime of, PathTable paths) {
        this.paths = paths;
        this.index = of.index;
        this.conn = of.conn;
        this.fid = of.fid;
        this.origin = of.origin;
        this.createdAt = of.createdAt;
        this.source = of.source;
        this.openedAt = of.openedAt;
        this.openFlags = of.openFlags;
        this.orclose = of.orclose;
        this.xattrCreateAt = of.xattrCreateAt;
        this.endedAt = of.endedAt;
        this.end = of.end;
        this.qidKnown = of.qidKnown;
        this.qidPath = of.qidPath;
        this.qidType = of.qidType;
        this.qidVersion = of.qidVersion;
        this.history = of.history.copy();
    }

    /** This lifetime as it is now, in an object later messages do not change (a streaming snapshot). */
    FidLifetime copy(PathTable table) {
        return new FidLifetime(this, table);
    }

    /** Position in {@link Lifecycles#fids()}. */
    public int index() {
        return index;
    }

    public int conn() {
        return conn;
    }

    public long fid() {
        return fid;
    }

    public FidOrigin origin() {
        return origin;
    }

    /** The reply that made the binding (for BEFORE_CAPTURE: the first message that used it). */
    public int createdAt() {
        return createdAt;
    }

    /** The lifetime this one was walked, cloned or xattr-walked from, or -1. */
    public int source() {
        return source;
    }

    /** The Rlopen/Ropen (or Rlcreate/Rcreate) that opened it, or -1 when never opened. */
    public int openedAt() {
        return openedAt;
    }

    public boolean opened() {
        return openedAt >= 0;
    }

    /** Tlopen/Tlcreate Linux open flags, or the Topen/Tcreate mode byte; -1 when never opened. */
    public long openFlags() {
        return openFlags;
    }

    /** Opened with ORCLOSE (open(5)): the file is removed when the fid is clunked. */
    public boolean orclose() {
        return orclose;
    }

    /** The Rxattrcreate that made it an xattr-write fid (committed at clunk), or -1. */
    public int xattrCreateAt() {
        return xattrCreateAt;
    }

    /** The message that ended it (the Rclunk/Rremove, the Tversion, the rebinding reply), or -1. */
    public int endedAt() {
        return endedAt;
    }

    public FidEnd end() {
        return end;
    }

    /** Still bound when the capture ended. */
    public boolean openAtEnd() {
        return end == FidEnd.CAPTURE_END;
    }

    public boolean qidKnown() {
        return qidKnown;
    }

    /** The server's identity of the file (qid.path); meaningful when {@link #qidKnown()}. */
    public long qidPath() {
        return qidPath;
    }

    public int qidType() {
        return qidType;
    }

    public long qidVersion() {
        return qidVersion;
    }

    /** The last path it had, relative to the attach root; null when never known. */
    public String path() {
        return paths.text(history.last());
    }

    /** Its path as of message {@code i}. */
    public String pathAt(int i) {
        return paths.text(history.at(i));
    }

    /** Every path it had, in order. */
    public List<PathChange> pathHistory() {
        return history.changes(paths);
    }

    int pathId() {
        return history.last();
    }

    void moveTo(int at, int path) {
        history.moveTo(at, path);
    }

    void qid(int type, long version, long path) {
        qidKnown = true;
        qidType = type;
        qidVersion = version;
        qidPath = path;
    }

    @Override
    public String toString() {
        return "fid " + fid + " (" + origin + ", " + path() + ", " + end + ")";
    }
}
