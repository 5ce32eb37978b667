package io.lookaside.lifecycle;

/** Which reply gave the kernel a FUSE nodeid (linux/fuse.h: every fuse_entry_out counts one lookup). */
public enum NodeOrigin {
    /** FUSE_ROOT_ID (1): the mount's root, never looked up nor forgotten. */
    ROOT,
    LOOKUP,
    CREATE,
    MKNOD,
    MKDIR,
    SYMLINK,
    LINK,
    TMPFILE,
    /** An entry of a READDIRPLUS reply (other than "." and ".."). */
    READDIRPLUS,
    /** First seen in use: the kernel learnt it before the capture started. */
    BEFORE_CAPTURE
}
