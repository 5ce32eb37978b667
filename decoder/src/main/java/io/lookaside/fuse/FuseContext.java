package io.lookaside.fuse;

import java.nio.ByteOrder;

/**
 * What a FUSE message is decoded with: the protocol version agreed in FUSE_INIT (struct sizes
 * depend on it), the flags both sides agreed to (SETXATTR_EXT changes a struct size), and the
 * byte order of the host that captured it (FUSE is host-endian).
 *
 * @param major 7 for every Linux FUSE, or {@link #UNKNOWN_VERSION} before INIT was seen
 * @param minor the negotiated minor version, or {@link #UNKNOWN_VERSION}: then structs are
 *              parsed by length alone
 * @param flags the agreed INIT flags ({@code flags | flags2 << 32}), 0 when unknown
 */
public record FuseContext(int major, int minor, ByteOrder order, long flags) {
    public static final int UNKNOWN_VERSION = -1;

    /** Nothing negotiated yet, little-endian: what a capture that starts mid-session gets. */
    public static final FuseContext DEFAULT = new FuseContext(UNKNOWN_VERSION, UNKNOWN_VERSION,
            ByteOrder.LITTLE_ENDIAN, 0);

    /** Little-endian at a known version, e.g. for tests: {@code FuseContext.of(7, 31)}. */
    public static FuseContext of(int major, int minor) {
        return new FuseContext(major, minor, ByteOrder.LITTLE_ENDIAN, 0);
    }

    public FuseContext withOrder(ByteOrder o) {
        return new FuseContext(major, minor, o, flags);
    }

    public FuseContext withVersion(int maj, int min, long agreedFlags) {
        return new FuseContext(maj, min, order, agreedFlags);
    }

    /** True when the minor version is known and below {@code m}. */
    boolean before(int m) {
        return minor != UNKNOWN_VERSION && minor < m;
    }

    /** {@code 7.31}, or {@code unknown} before FUSE_INIT was seen. */
    public String version() {
        return minor == UNKNOWN_VERSION ? "unknown" : major + "." + minor;
    }
}
