package io.lookaside.lifecycle;

/**
 * One FUSE file handle (fh) on one connection, from the OPEN, OPENDIR or CREATE reply that
 * returned it to the RELEASE or RELEASEDIR that gave it back (linux/fuse.h), or still open at
 * the end of the capture.
 */
public final class HandleLifetime {
    private final int index;
    private final int conn;
    private final long fh;
    private final boolean directory;
    private final int node;
    private final int openedAt;
    private final long flags;
    private final long openFlags;
    private final String path;
    int releasedAt = -1;

    HandleLifetime(int index, int conn, long fh, boolean directory, int node, int openedAt, long flags,
                   long openFlags, String path) {
        this.index = index;
        this.conn = conn;
        this.fh = fh;
        this.directory = directory;
        this.node = node;
        this.openedAt = openedAt;
        this.flags = flags;
        this.openFlags = openFlags;
        this.path = path;
    }

    /** This handle as it is now, in an object later messages do not change (a streaming snapshot). */
    HandleLifetime copy() {
        HandleLifetime c = new HandleLifetime(index, conn, fh, directory, node, openedAt, flags, openFlags, path);
        c.releasedAt = releasedAt;
        return c;
    }

    public int index() {
        return index;
    }

    public int conn() {
        return conn;
    }

    public long fh() {
        return fh;
    }

    /** From OPENDIR, released by RELEASEDIR. */
    public boolean directory() {
        return directory;
    }

    /** The index of the nodeid's lifetime in {@link Lifecycles#nodes()}, or -1 when unknown. */
    public int node() {
        return node;
    }

    /** The reply that returned it (for a handle first seen in use: that message). */
    public int openedAt() {
        return openedAt;
    }

    /** The open(2) flags of the request (fuse_open_in.flags / fuse_create_in.flags); -1 when unknown. */
    public long flags() {
        return flags;
    }

    /** The daemon's FOPEN_* flags (fuse_open_out.open_flags); -1 when unknown. */
    public long openFlags() {
        return openFlags;
    }

    /** The path of the file when it was opened; null when unknown. */
    public String path() {
        return path;
    }

    /** The RELEASE/RELEASEDIR reply (or the request, when its reply is not in the capture), or -1. */
    public int releasedAt() {
        return releasedAt;
    }

    /** Never released in the capture: a leak, or a capture that stopped early. */
    public boolean openAtEnd() {
        return releasedAt < 0;
    }

    @Override
    public String toString() {
        return "fh " + fh + " (" + path + (openAtEnd() ? ", open at end" : "") + ")";
    }
}
