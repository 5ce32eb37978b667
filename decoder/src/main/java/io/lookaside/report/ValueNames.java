package io.lookaside.report;

import io.lookaside.fuse.FuseFlags;
import io.lookaside.ninep.Qid;
import io.lookaside.wire.Errno;
import java.util.List;
import java.util.StringJoiner;

/**
 * The names of numeric field values, as a protocol engineer reads them: errno names
 * ({@code ENOENT}), open flags ({@code O_RDONLY|O_DIRECTORY}), qid types ({@code QTDIR}), file
 * modes ({@code S_IFDIR|0755}), 9P getattr/setattr masks, FUSE FOPEN and FATTR bits, directory
 * entry types. The JSON keeps numbers; views show the name beside the raw value.
 *
 * <p>Sources: errno from asm-generic (see {@link Errno}); open flags from
 * include/uapi/asm-generic/fcntl.h (x86, arm64); 9P2000 open modes from open(5); qid types from
 * intro(5); P9_GETATTR_* and P9_ATTR_* from include/net/9p/9p.h; FUSE bits from linux/fuse.h.
 */
public final class ValueNames {
    private static final String[] ACCESS = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};
    /** Bit values in octal, as fcntl.h lists them. */
    private static final long[] OPEN_BITS = {0100, 0200, 0400, 01000, 02000, 04000, 010000, 020000, 040000, 0100000,
        0200000, 0400000, 01000000, 02000000, 04000000, 010000000, 020000000};
    private static final String[] OPEN_NAMES = {"O_CREAT", "O_EXCL", "O_NOCTTY", "O_TRUNC", "O_APPEND", "O_NONBLOCK",
        "O_DSYNC", "FASYNC", "O_DIRECT", "O_LARGEFILE", "O_DIRECTORY", "O_NOFOLLOW", "O_NOATIME", "O_CLOEXEC",
        "__O_SYNC", "O_PATH", "__O_TMPFILE"};
    private static final String[] PLAN9_MODES = {"OREAD", "OWRITE", "ORDWR", "OEXEC"};
    private static final String[] QT_NAMES = {"QTLINK", "QTSYMLINK", "QTTMP", "QTAUTH", "QTMOUNT", "QTEXCL",
        "QTAPPEND", "QTDIR"};
    private static final String[] GETATTR = {"MODE", "NLINK", "UID", "GID", "RDEV", "ATIME", "MTIME", "CTIME",
        "INO", "SIZE", "BLOCKS", "BTIME", "GEN", "DATA_VERSION"};
    private static final String[] SETATTR = {"MODE", "UID", "GID", "SIZE", "ATIME", "MTIME", "CTIME", "ATIME_SET",
        "MTIME_SET"};
    private static final String[] LOCK_TYPES = {"F_RDLCK", "F_WRLCK", "F_UNLCK"};
    private static final String[] LOCK_STATUS = {"SUCCESS", "BLOCKED", "ERROR", "GRACE"};
    private static final String[] FILE_TYPES = new String[16];

    static {
        FILE_TYPES[1] = "FIFO";
        FILE_TYPES[2] = "CHR";
        FILE_TYPES[4] = "DIR";
        FILE_TYPES[6] = "BLK";
        FILE_TYPES[8] = "REG";
        FILE_TYPES[10] = "LNK";
        FILE_TYPES[12] = "SOCK";
    }

    private ValueNames() {
    }

    /**
     * The name of {@code value} of the field at {@code path} (dotted, as a display filter names
     * it: {@code ecode}, {@code qids.type}) in a message of {@code type}, or null when it has
     * none. {@code proto} is the JSON {@code proto} key: {@code 9p} or {@code fuse}.
     */
    public static String name(String proto, String type, String path, long value) {
        int dot = path.lastIndexOf('.');
        String key = path.substring(dot + 1);
        String parent = dot < 0 ? "" : path.substring(path.lastIndexOf('.', dot - 1) + 1, dot);
        boolean fuse = "fuse".equals(proto);
        if (!parent.isEmpty()) {
            if (key.equals("type") && parent.endsWith("qid") || key.equals("type") && parent.equals("qids")) {
                return qidType(value);
            }
            if (key.equals("type") && (parent.equals("entries") || parent.equals("dirents"))) {
                return dirType(value);
            }
            if (key.equals("mode") && parent.equals("attr")) {
                return mode(value);
            }
            return null;
        }
        if (fuse) {
            return fuseName(type, key, value);
        }
        return switch (key) {
            case "ecode", "errno" -> errno(value);
            case "flags" -> switch (type) {
                case "Tlopen", "Tlcreate" -> openFlags(value);
                case "Tunlinkat" -> value == 0 ? "0" : value == 0x200 ? "AT_REMOVEDIR" : null;
                case "Tlock" -> bits(value, new String[] {"BLOCK", "RECLAIM"});
                default -> null;
            };
            case "mode" -> switch (type) {
                case "Topen", "Tcreate" -> plan9Mode(value);
                case "Rgetattr", "Tlcreate", "Tmkdir", "Tmknod", "Tsetattr" -> mode(value);
                default -> null;
            };
            case "request_mask" -> type.equals("Tgetattr") ? bits(value, GETATTR) : null;
            case "valid" -> type.equals("Rgetattr") ? bits(value, GETATTR)
                    : type.equals("Tsetattr") ? bits(value, SETATTR) : null;
            case "lock_type" -> value >= 0 && value < LOCK_TYPES.length ? LOCK_TYPES[(int) value] : null;
            case "status" -> type.equals("Rlock") && value >= 0 && value < LOCK_STATUS.length
                    ? LOCK_STATUS[(int) value] : null;
            default -> null;
        };
    }

    private static String fuseName(String type, String key, long value) {
        return switch (key) {
            case "error" -> value == 0 ? null : errno(value);
            case "flags" -> switch (type) {
                case "OPEN", "OPENDIR", "CREATE", "READ", "WRITE", "RELEASE", "RELEASEDIR" -> openFlags(value);
                default -> null;
            };
            case "open_flags" -> value == 0 ? null : join(FuseFlags.fopen(value));
            case "valid" -> type.equals("SETATTR") ? join(FuseFlags.fattr(value)) : null;
            case "mode" -> switch (type) {
                case "CREATE", "MKNOD", "SETATTR" -> mode(value);
                case "MKDIR" -> octal(value & 07777);
                default -> null;
            };
            default -> null;
        };
    }

    /** {@code ENOENT}; the sign is ignored (FUSE negates errno). Null when Linux has no such errno. */
    public static String errno(long code) {
        Errno e = Errno.of(code);
        return e == null ? null : e.name();
    }

    /** Linux open(2) flags: {@code O_RDONLY|O_DIRECTORY|O_LARGEFILE}; unknown bits in hex. */
    public static String openFlags(long flags) {
        StringJoiner j = new StringJoiner("|");
        j.add(ACCESS[(int) (flags & 3)]);
        long rest = flags & ~3L;
        for (int k = 0; k < OPEN_BITS.length; k++) {
            if ((rest & OPEN_BITS[k]) != 0) {
                j.add(OPEN_NAMES[k]);
                rest &= ~OPEN_BITS[k];
            }
        }
        if (rest != 0) {
            j.add("0x" + Long.toHexString(rest));
        }
        return j.toString();
    }

    /** A 9P2000 open mode byte: {@code OREAD|OTRUNC}. */
    public static String plan9Mode(long mode) {
        StringJoiner j = new StringJoiner("|");
        j.add(PLAN9_MODES[(int) (mode & 3)]);
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

    /** The QT* bits of a qid type: {@code QTDIR}, {@code QTSYMLINK}, {@code QTFILE} for none. */
    public static String qidType(long type) {
        if ((type & 0xFF) == Qid.QTFILE) {
            return "QTFILE";
        }
        return bits(type & 0xFF, QT_NAMES);
    }

    /** A file mode: {@code S_IFDIR|0755}; permission bits alone as octal. */
    public static String mode(long mode) {
        String t = FILE_TYPES[(int) ((mode >>> 12) & 0xF)];
        String perms = octal(mode & 07777);
        return t == null ? perms : "S_IF" + t + "|" + perms;
    }

    /** A directory entry's d_type: {@code DT_DIR}. */
    public static String dirType(long type) {
        if (type == 0) {
            return "DT_UNKNOWN";
        }
        String t = type > 0 && type < FILE_TYPES.length ? FILE_TYPES[(int) type] : null;
        return t == null ? null : "DT_" + t;
    }

    private static String octal(long v) {
        return "0" + Long.toOctalString(v);
    }

    /** Set bits by name, low bit first; unnamed bits as {@code BIT_n}; {@code 0} when none is set. */
    private static String bits(long value, String[] names) {
        if (value == 0) {
            return "0";
        }
        StringJoiner j = new StringJoiner("|");
        for (int b = 0; b < 64; b++) {
            if ((value & (1L << b)) != 0) {
                j.add(b < names.length ? names[b] : "BIT_" + b);
            }
        }
        return j.toString();
    }

    private static String join(List<String> names) {
        return names.isEmpty() ? "0" : String.join("|", names);
    }
}
