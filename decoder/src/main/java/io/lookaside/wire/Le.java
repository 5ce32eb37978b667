package io.lookaside.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian readers at absolute offsets. 9P is always little-endian; FUSE is the host's
 * order, which is little-endian on every capture we know of (byte-swapped FUSE input is
 * handled by the FUSE layer swapping once, not here).
 *
 * <p>Readers never move the buffer's position and never check bounds beyond what
 * {@link ByteBuffer} does: callers check lengths first so that a short message becomes a
 * Malformed record with a reason instead of an exception. Whatever the buffer's byte order,
 * a field is read with one access and swapped when needed (an intrinsic), not byte by byte:
 * decoding is the inner loop of every analysis that walks a session.
 */
public final class Le {
    private Le() {
    }

    public static int u8(ByteBuffer b, int at) {
        return b.get(at) & 0xFF;
    }

    public static int u16(ByteBuffer b, int at) {
        short v = b.getShort(at);
        return (b.order() == ByteOrder.LITTLE_ENDIAN ? v : Short.reverseBytes(v)) & 0xFFFF;
    }

    /** Unsigned 32-bit value widened to long. */
    public static long u32(ByteBuffer b, int at) {
        return i32(b, at) & 0xFFFF_FFFFL;
    }

    public static int i32(ByteBuffer b, int at) {
        int v = b.getInt(at);
        return b.order() == ByteOrder.LITTLE_ENDIAN ? v : Integer.reverseBytes(v);
    }

    public static long u64(ByteBuffer b, int at) {
        long v = b.getLong(at);
        return b.order() == ByteOrder.LITTLE_ENDIAN ? v : Long.reverseBytes(v);
    }

    /** UTF-8 text of {@code len} bytes at {@code at}; invalid sequences become U+FFFD. */
    public static String utf8(ByteBuffer b, int at, int len) {
        byte[] bytes = new byte[len];
        b.get(at, bytes, 0, len);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
