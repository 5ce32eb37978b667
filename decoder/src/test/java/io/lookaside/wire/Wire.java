package io.lookaside.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Byte fixtures for tests: {@code Wire.le().u32(size).u8(type).u16(tag).bytes()}. Little-endian
 * (9P, FUSE on x86); {@link #be()} writes big-endian for byte-swapped FUSE captures.
 */
public final class Wire {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    private Wire(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    public static Wire le() {
        return new Wire(false);
    }

    public static Wire be() {
        return new Wire(true);
    }

    public Wire u8(int v) {
        out.write(v);
        return this;
    }

    public Wire u16(int v) {
        return bigEndian ? u8(v >>> 8).u8(v) : u8(v).u8(v >>> 8);
    }

    public Wire u32(long v) {
        return bigEndian ? u16((int) (v >>> 16)).u16((int) v) : u16((int) v).u16((int) (v >>> 16));
    }

    public Wire u64(long v) {
        return bigEndian ? u32(v >>> 32).u32(v) : u32(v).u32(v >>> 32);
    }

    /** A 9P string: len[2] then the UTF-8 bytes. */
    public Wire str(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return u16(utf8.length).raw(utf8);
    }

    /** A C string (FUSE names): the UTF-8 bytes then NUL. */
    public Wire cstr(String s) {
        return raw(s.getBytes(StandardCharsets.UTF_8)).u8(0);
    }

    public Wire raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public Wire raw(Wire other) {
        return raw(other.bytes());
    }

    public Wire zeros(int n) {
        return raw(new byte[n]);
    }

    public int length() {
        return out.size();
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    public ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes());
    }
}
