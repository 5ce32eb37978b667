package io.lookaside.fuse;

/**
 * Linux errno names (asm-generic/errno-base.h, errno.h), for FUSE replies whose {@code error}
 * is a negated errno. The numbers are the generic ones every Linux architecture FUSE runs on
 * uses for these names (alpha, mips, parisc and sparc differ above 34; no capture from them is
 * known).
 */
public final class Errno {
    private static final String[] NAMES = new String[134];

    static {
        String[] base = {null, "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC",
            "EBADF", "ECHILD", "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST",
            "EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY",
            "EFBIG", "ENOSPC", "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE", "EDEADLK",
            "ENAMETOOLONG", "ENOLCK", "ENOSYS", "ENOTEMPTY", "ELOOP", null, "ENOMSG", "EIDRM"};
        System.arraycopy(base, 0, NAMES, 0, base.length);
        NAMES[61] = "ENODATA";
        NAMES[62] = "ETIME";
        NAMES[71] = "EPROTO";
        NAMES[74] = "EBADMSG";
        NAMES[75] = "EOVERFLOW";
        NAMES[84] = "EILSEQ";
        NAMES[95] = "EOPNOTSUPP";
        NAMES[97] = "EAFNOSUPPORT";
        NAMES[103] = "ECONNABORTED";
        NAMES[104] = "ECONNRESET";
        NAMES[105] = "ENOBUFS";
        NAMES[107] = "ENOTCONN";
        NAMES[110] = "ETIMEDOUT";
        NAMES[111] = "ECONNREFUSED";
        NAMES[113] = "EHOSTUNREACH";
        NAMES[116] = "ESTALE";
        NAMES[122] = "EDQUOT";
        NAMES[125] = "ECANCELED";
        NAMES[133] = "EHWPOISON";
    }

    private Errno() {
    }

    /** The name of a FUSE reply error ({@code -2} → {@code ENOENT}), or null for 0 and unknown numbers. */
    public static String name(int error) {
        int e = -error;
        if (e > 0 && e < NAMES.length) {
            return NAMES[e];
        }
        return null;
    }
}
