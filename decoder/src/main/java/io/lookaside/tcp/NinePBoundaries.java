package io.lookaside.tcp;

import io.lookaside.net.Bytes;
import io.lookaside.ninep.NinePHeader;
import io.lookaside.ninep.NinePTypes;

/**
 * What a 9P message header looks like, for finding message boundaries in a byte stream:
 * {@code size[4] type[1] tag[2]} (intro(5)), size counting the whole message, at least 7, and a
 * type number some dialect uses ({@link NinePTypes}): T-messages even, R-messages odd.
 * Tlerror (6) and Terror (106) are never sent, so they mark no boundary.
 */
final class NinePBoundaries {
    static final int HEADER = NinePHeader.LENGTH;
    static final int TVERSION = NinePTypes.TVERSION;
    static final int RVERSION = NinePTypes.RVERSION;
    static final int NOTAG = NinePHeader.NOTAG;
    /** Tversion/Rversion: size[4] type[1] tag[2] msize[4] version[s]. */
    static final int VERSION_MSIZE = 7;
    static final int VERSION_STRING = 11;
    /** Linux refuses an msize below 4096 (net/9p/client.c). */
    static final int MIN_MSIZE = 4096;

    /** type → 0 for a T-message, 1 for an R-message, -1 for a number that marks no boundary. */
    private static final byte[] PARITY = new byte[256];

    static {
        for (int t = 0; t < 256; t++) {
            boolean sent = NinePTypes.known(t) && t != NinePTypes.TLERROR && t != NinePTypes.TERROR;
            PARITY[t] = (byte) (sent ? t & 1 : -1);
        }
    }

    private NinePBoundaries() {
    }

    /** 0 (T), 1 (R) or -1 (not a 9P type). */
    static int parity(int type) {
        return PARITY[type & 0xFF];
    }

    /**
     * 0 or 1 when the 7 bytes at {@code at} read as a 9P header no larger than {@code bound}
     * whose type has parity {@code expected} (any when -1); -1 otherwise.
     */
    static int plausible(byte[] a, int at, long bound, int expected) {
        long size = Bytes.le32u(a, at);
        if (size < HEADER || size > bound) {
            return -1;
        }
        int type = a[at + 4] & 0xFF;
        int p = parity(type);
        if (p < 0 || expected >= 0 && p != expected) {
            return -1;
        }
        if ((type == TVERSION || type == RVERSION) && Bytes.le16(a, at + 5) != NOTAG) {
            return -1; // version(5): Tversion and Rversion always carry NOTAG
        }
        return p;
    }

    /**
     * True when the whole message at {@code at} (its {@code size} bytes present) is a
     * Tversion or Rversion naming a 9P version: {@code "9P2000"}, {@code "9P2000.L"}, ... or
     * {@code "unknown"} (version(5)). This alone identifies 9P.
     */
    static boolean isVersion(byte[] a, int at, int size) {
        int type = a[at + 4] & 0xFF;
        if (type != TVERSION && type != RVERSION || size < VERSION_STRING + 2
                || Bytes.le16(a, at + 5) != NOTAG) {
            return false;
        }
        int len = Bytes.le16(a, at + VERSION_STRING);
        if (VERSION_STRING + 2 + len != size || len < 2) {
            return false;
        }
        int s = at + VERSION_STRING + 2;
        if (a[s] == '9' && a[s + 1] == 'P') {
            return true;
        }
        return len == 7 && new String(a, s, len, java.nio.charset.StandardCharsets.US_ASCII).equals("unknown");
    }
}
