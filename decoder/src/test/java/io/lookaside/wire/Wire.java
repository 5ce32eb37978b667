package io.lookaside.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Byte fixtures for tests: {@code Wire.le().u32(size).u8(type).u16(tag).str("x").bytes()}.
 * {@link #le()} writes little-endian (9P, FUSE, vsock), {@link #be()} big-endian (IP, TCP).
 */
public final class Wire {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean little;

    private Wire(boolean little) {
        this.little = little;
    }

    public static Wire le() {
        return new Wire(true);
    }

    public static Wire be() {
        return new Wire(false);
    }

    public Wire u8(int v) {
        out.write(v);
        return this;
    }

    public Wire u16(int v) {
        return n(v, 2);
    }

    public Wire u32(long v) {
        return n(v, 4);
    }

    public Wire u64(long v) {
        return n(v, 8);
    }

    /** A 9P string: len[2] then UTF-8 bytes. */
    public Wire str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u16(b.length).raw(b);
    }

    public Wire raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    public Wire zeros(int n) {
        return raw(new byte[n]);
    }

    public int size() {
        return out.size();
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private Wire n(long v, int width) {
        for (int i = 0; i < width; i++) {
            int shift = little ? 8 * i : 8 * (width - 1 - i);
            out.write((int) (v >>> shift) & 0xFF);
        }
        return this;
    }
}
