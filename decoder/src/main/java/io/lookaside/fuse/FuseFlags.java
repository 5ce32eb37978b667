package io.lookaside.fuse;

import java.util.ArrayList;
import java.util.List;

/** Names of the FUSE flag bits (linux/fuse.h), for the views and JSON. */
public final class FuseFlags {
    /** FUSE_INIT flags: bits 0-31 in {@code flags}, bits 32-63 in {@code flags2} (7.36). */
    private static final String[] INIT = {
        "ASYNC_READ", "POSIX_LOCKS", "FILE_OPS", "ATOMIC_O_TRUNC", "EXPORT_SUPPORT", "BIG_WRITES",
        "DONT_MASK", "SPLICE_WRITE", "SPLICE_MOVE", "SPLICE_READ", "FLOCK_LOCKS", "HAS_IOCTL_DIR",
        "AUTO_INVAL_DATA", "DO_READDIRPLUS", "READDIRPLUS_AUTO", "ASYNC_DIO", "WRITEBACK_CACHE",
        "NO_OPEN_SUPPORT", "PARALLEL_DIROPS", "HANDLE_KILLPRIV", "POSIX_ACL", "ABORT_ERROR",
        "MAX_PAGES", "CACHE_SYMLINKS", "NO_OPENDIR_SUPPORT", "EXPLICIT_INVAL_DATA", "MAP_ALIGNMENT",
        "SUBMOUNTS", "HANDLE_KILLPRIV_V2", "SETXATTR_EXT", "INIT_EXT", "INIT_RESERVED",
        "SECURITY_CTX", "HAS_INODE_DAX", "CREATE_SUPP_GROUP", "HAS_EXPIRE_ONLY",
        "DIRECT_IO_ALLOW_MMAP", "PASSTHROUGH", "NO_EXPORT_SUPPORT", "HAS_RESEND", "ALLOW_IDMAP",
        "OVER_IO_URING", "REQUEST_TIMEOUT"};
    /** FOPEN_* bits of {@code fuse_open_out.open_flags}. */
    private static final String[] FOPEN = {
        "DIRECT_IO", "KEEP_CACHE", "NONSEEKABLE", "CACHE_DIR", "STREAM", "NOFLUSH",
        "PARALLEL_DIRECT_WRITES", "PASSTHROUGH"};
    /** FATTR_* bits of {@code fuse_setattr_in.valid}. */
    private static final String[] FATTR = {
        "MODE", "UID", "GID", "SIZE", "ATIME", "MTIME", "FH", "ATIME_NOW", "MTIME_NOW", "LOCKOWNER",
        "CTIME", "KILL_SUIDGID"};
    /** CUSE_INIT flags (cuse.c). */
    private static final String[] CUSE = {"UNRESTRICTED_IOCTL"};

    public static final long SETXATTR_EXT = 1L << 29;
    public static final long INIT_EXT = 1L << 30;

    private FuseFlags() {
    }

    /** INIT flag names of {@code flags | flags2 << 32}; unnamed bits appear as {@code BIT_n}. */
    public static List<String> init(long bits) {
        return names(bits, INIT);
    }

    public static List<String> fopen(long bits) {
        return names(bits, FOPEN);
    }

    public static List<String> fattr(long bits) {
        return names(bits, FATTR);
    }

    public static List<String> cuse(long bits) {
        return names(bits, CUSE);
    }

    /**
     * The 64 INIT flag bits of {@code flags} and {@code flags2}: the kernel reads flags2 only
     * when flags has FUSE_INIT_EXT (inode.c process_init_reply()).
     */
    public static long initBits(Long flags, Long flags2) {
        long f = flags == null ? 0 : flags;
        if ((f & INIT_EXT) != 0 && flags2 != null) {
            f |= flags2 << 32;
        }
        return f;
    }

    private static List<String> names(long bits, String[] table) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            if ((bits & (1L << i)) != 0) {
                out.add(i < table.length ? table[i] : "BIT_" + i);
            }
        }
        return out;
    }
}
