package io.lookaside.fuse;

/**
 * {@code struct fuse_entry_out}: what LOOKUP, MKNOD, MKDIR, SYMLINK, LINK, CREATE, TMPFILE and
 * each READDIRPLUS entry return.
 * <pre>nodeid[8] generation[8] entry_valid[8] attr_valid[8] entry_valid_nsec[4] attr_valid_nsec[4] attr[88]</pre>
 * nodeid 0 with entry_valid &gt; 0 is a negative entry the kernel caches (dir.c).
 * 128 bytes, 120 before 7.9 (FUSE_COMPAT_ENTRY_OUT_SIZE).
 */
public record EntryOut(long nodeid, long generation, long entry_valid, long attr_valid, long entry_valid_nsec,
        long attr_valid_nsec, Attr attr) {
    public static final int SIZE = 128;
    public static final int COMPAT_SIZE = 120;
}
