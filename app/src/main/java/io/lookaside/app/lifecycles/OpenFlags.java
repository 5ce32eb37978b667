package io.lookaside.app.lifecycles;

import java.util.StringJoiner;

/**
 * Open flags as a kernel engineer reads them. 9P2000.L's Tlopen/Tlcreate and FUSE's OPEN/CREATE
 * carry Linux open(2) flags (the generic values of include/uapi/asm-generic/fcntl.h, which x86
 * and arm64 use); 9P2000's Topen/Tcreate carry a mode byte (open(5): OREAD 0, OWRITE 1, ORDWR 2,
 * OEXEC 3, OTRUNC 0x10, ORCLOSE 0x40).
 */
final class OpenFlags {
    private static final String[] ACCESS = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};
    /** Bit values in octal, as fcntl.h lists them. */
    private static final long[] BITS = {0100, 0200, 0400, 01000, 02000, 04000, 010000, 020000, 040000, 0100000,
        0200000, 0400000, 01000000, 02000000, 04000000, 010000000, 020000000};
    private static final String[] NAMES = {"O_CREAT", "O_EXCL", "O_NOCTTY", "O_TRUNC", "O_APPEND", "O_NONBLOCK",
        "O_DSYNC", "FASYNC", "O_DIRECT", "O_LARGEFILE", "O_DIRECTORY", "O_NOFOLLOW", "O_NOATIME", "O_CLOEXEC",
        "__O_SYNC", "O_PATH", "__O_TMPFILE"};
    private static final String[] MODES = {"OREAD", "OWRITE", "ORDWR", "OEXEC"};

    private OpenFlags() {
    }

    /** Linux open(2) flags: {@code O_RDONLY|O_DIRECTORY|O_LARGEFILE}; unknown bits in hex. */
    static String linux(long flags) {
        StringJoiner j = new StringJoiner("|");
        j.add(ACCESS[(int) (flags & 3)]);
        long rest = flags & ~3L;
        for (int k = 0; k < BITS.length; k++) {
            if ((rest & BITS[k]) != 0) {
                j.add(NAMES[k]);
                rest &= ~BITS[k];
            }
        }
        if (rest != 0) {
            j.add("0x" + Long.toHexString(rest));
        }
        return j.toString();
    }

    /** A 9P2000 open mode byte: {@code OREAD|OTRUNC}. */
    static String plan9(long mode) {
        StringJoiner j = new StringJoiner("|");
        j.add(MODES[(int) (mode & 3)]);
        if ((mode & 0x10) != 0) {
            j.add("OTRUNC");
        }
        if ((mode & 0x40) != 0) {
            j.add("ORCLOSE");
        }
        long rest = mode & ~0x53L;
        if (rest != 0) {
            j.add("0x" + Long.toHexString(rest));
        }
        return j.toString();
    }
}
