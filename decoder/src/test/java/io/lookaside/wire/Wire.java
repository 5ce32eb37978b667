package io.lookaside.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Little-endian byte fixtures for tests: {@code Wire.le().u32(size).u8(type).u16(tag).bytes()}. */
public final class Wire {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Wire() {
    }

    public static Wire le() {
        return new Wire();
    }

    public Wire u8(int v) {
        out.write(v);
        return this;
    }

    public Wire u16(int v) {
        return u8(v).u8(v >>> 8);
    }

    public Wire u32(long v) {
        return u16((int) v).u16((int) (v >>> 16));
    }

    public Wire u64(long v) {
        return u32(v).u32(v >>> 32);
    }

    /** A 9P string: len[2] then the UTF-8 bytes. */
    public Wire str(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return u16(utf8.length).raw(utf8);
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
