package io.lookaside.lifecycle;

/** How a fid stopped naming its file (clunk(5), remove(5), version(5), walk(5)). */
public enum FidEnd {
    /** Tclunk, answered: the fid is gone whatever the reply said. */
    CLUNKED,
    /** Tremove, answered: the fid is gone even when the remove failed. */
    REMOVED,
    /** Tversion: a new session, every fid of the connection is gone. */
    VERSION_RESET,
    /**
     * The same fid number now names another file: a walk with newfid == fid, or Tlcreate /
     * Tcreate turning the directory fid into the file it created. The next lifetime of the fid
     * starts at the same message.
     */
    REBOUND,
    /** Still in use when the capture ended: a leak, or simply a capture that stopped early. */
    CAPTURE_END
}
