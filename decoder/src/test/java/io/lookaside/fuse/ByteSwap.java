package io.lookaside.fuse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns a little-endian FUSE message into the one a big-endian host would have sent, field
 * by field, from the struct layouts of linux/fuse.h written out here independently of the
 * decoder (a layout is a list of field widths; 0 = the rest is bytes, left as they are).
 */
public final class ByteSwap {
    private static final String IN_HEADER = "4 4 8 8 4 4 4 2 2";
    private static final String OUT_HEADER = "4 4 8";
    private static final String ATTR = "8 8 8 8 8 8 4 4 4 4 4 4 4 4 4 4";
    private static final String ENTRY_OUT = "8 8 8 8 4 4 " + ATTR;
    private static final String OPEN_OUT = "8 4 4";
    private static final String RW_IN = "8 8 4 4 8 4 4 0";

    private ByteSwap() {
    }

    public static byte[] request(byte[] le) {
        byte[] be = le.clone();
        int at = swap(le, be, 0, IN_HEADER);
        int opcode = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
        String body = switch (FuseOpcode.of(opcode)) {
            case FORGET -> "8";
            case GETATTR -> "4 4 8";
            case SETATTR -> "4 4 8 8 8 8 8 8 4 4 4 4 4 4 4 4";
            case OPEN, OPENDIR -> "4 4";
            case READ, READDIR, READDIRPLUS, WRITE -> RW_IN;
            case RELEASE, RELEASEDIR -> "8 4 4 8";
            case FLUSH -> "8 4 4 8";
            case GETXATTR, MKDIR -> "4 4 0";
            case CREATE -> "4 4 4 4 0";
            case RENAME -> "8 0";
            case RENAME2 -> "8 4 4 0";
            case INIT -> "4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4";
            case BATCH_FORGET -> "4 4" + " 8 8".repeat((le.length - 48) / 16);
            default -> "0";
        };
        swap(le, be, at, body);
        return be;
    }

    public static byte[] reply(byte[] le, FuseOpcode op) {
        byte[] be = le.clone();
        int at = swap(le, be, 0, OUT_HEADER);
        if (le.length == 16) {
            return be;
        }
        switch (op) {
            case LOOKUP, MKDIR, SYMLINK, MKNOD, LINK -> swap(le, be, at, ENTRY_OUT);
            case GETATTR, SETATTR -> swap(le, be, at, "8 4 4 " + ATTR);
            case OPEN, OPENDIR -> swap(le, be, at, OPEN_OUT);
            case CREATE -> swap(le, be, at, ENTRY_OUT + " " + OPEN_OUT);
            case WRITE -> swap(le, be, at, "4 4");
            case STATFS -> swap(le, be, at, "8 8 8 8 8 4 4 4 4 4 4 4 4 4 4");
            case INIT -> swap(le, be, at, "4 4 4 4 2 2 4 4 2 2 4 4 2 2 2 2 2 2 2 2 2 2 2 2");
            case GETXATTR, LISTXATTR -> swap(le, be, at, le.length - at == 8 ? "4 4" : "0");
            case READDIR -> {
                ByteBuffer b = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN);
                while (at + 24 <= le.length) {
                    int namelen = b.getInt(at + 16);
                    swap(le, be, at, "8 8 4 4");
                    at += (24 + namelen + 7) & ~7;
                }
            }
            case READDIRPLUS -> {
                ByteBuffer b = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN);
                while (at + 152 <= le.length) {
                    int namelen = b.getInt(at + 144);
                    swap(le, be, at, ENTRY_OUT + " 8 8 4 4");
                    at += (152 + namelen + 7) & ~7;
                }
            }
            default -> {
            }
        }
        return be;
    }

    /** Notification: the header; INVAL_INODE {ino off len} is all this test meets. */
    public static byte[] notify(byte[] le) {
        byte[] be = le.clone();
        int at = swap(le, be, 0, OUT_HEADER);
        swap(le, be, at, le.length - at == 24 ? "8 8 8" : "0");
        return be;
    }

    private static int swap(byte[] le, byte[] be, int at, String layout) {
        for (String w : layout.trim().split("\\s+")) {
            int n = Integer.parseInt(w);
            if (n == 0 || at + n > le.length) {
                return le.length;
            }
            for (int k = 0; k < n; k++) {
                be[at + k] = le[at + n - 1 - k];
            }
            at += n;
        }
        return at;
    }
}
