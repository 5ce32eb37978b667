package io.lookaside.lifecycle;

/** Which reply made a fid name a file (attach(5), walk(5), open(5); 9P2000.L xattrwalk). */
public enum FidOrigin {
    /** Rattach: the root of the tree named by aname. */
    ATTACH,
    /** Rauth: an authentication fid. */
    AUTH,
    /** Rwalk with nwqid == nwname ≥ 1: the file the names lead to. */
    WALK,
    /** Rwalk to a Twalk with nwname 0: a second fid for the same file. */
    CLONE,
    /** Rxattrwalk: a fid whose reads return an extended attribute (or the list of names). */
    XATTRWALK,
    /** Rlcreate or Rcreate: the directory fid now names the file it created, opened. */
    CREATE,
    /** First seen in use: the capture started after the fid was made; where it points is unknown. */
    BEFORE_CAPTURE
}
