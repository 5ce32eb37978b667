package io.lookaside.net;

/**
 * Readers at absolute offsets over a captured frame's bytes. Network headers (Ethernet, IP,
 * TCP) are big-endian; the vsockmon and virtio-vsock headers and 9P are little-endian.
 * Callers check bounds first, as in {@link io.lookaside.wire.Le}.
 */
public final class Bytes {
    private Bytes() {
    }

    public static int u8(byte[] a, int at) {
        return a[at] & 0xFF;
    }

    public static int be16(byte[] a, int at) {
        return (a[at] & 0xFF) << 8 | (a[at + 1] & 0xFF);
    }

    public static int be32(byte[] a, int at) {
        return (a[at] & 0xFF) << 24 | (a[at + 1] & 0xFF) << 16 | (a[at + 2] & 0xFF) << 8 | (a[at + 3] & 0xFF);
    }

    public static long be64(byte[] a, int at) {
        return (long) be32(a, at) << 32 | (be32(a, at + 4) & 0xFFFF_FFFFL);
    }

    public static int le16(byte[] a, int at) {
        return (a[at] & 0xFF) | (a[at + 1] & 0xFF) << 8;
    }

    public static int le32(byte[] a, int at) {
        return (a[at] & 0xFF) | (a[at + 1] & 0xFF) << 8 | (a[at + 2] & 0xFF) << 16 | (a[at + 3] & 0xFF) << 24;
    }

    /** Unsigned little-endian 32-bit value widened to long (9P size fields). */
    public static long le32u(byte[] a, int at) {
        return le32(a, at) & 0xFFFF_FFFFL;
    }

    public static long le64(byte[] a, int at) {
        return (le32(a, at) & 0xFFFF_FFFFL) | (long) le32(a, at + 4) << 32;
    }
}
