package io.lookaside.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A tiny builder for byte fixtures: {@code Wire.le().u32(size).u8(type).u16(tag).str("x").bytes()}. */
public final class Wire {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    private Wire(ByteOrder order) {
        this.order = order;
    }

    public static Wire le() {
        return new Wire(ByteOrder.LITTLE_ENDIAN);
    }

    public static Wire be() {
        return new Wire(ByteOrder.BIG_ENDIAN);
    }

    public Wire u8(int v) {
        out.write(v);
        return this;
    }

    public Wire u16(int v) {
        return put(ByteBuffer.allocate(2).order(order).putShort(0, (short) v));
    }

    public Wire u32(long v) {
        return put(ByteBuffer.allocate(4).order(order).putInt(0, (int) v));
    }

    public Wire u64(long v) {
        return put(ByteBuffer.allocate(8).order(order).putLong(0, v));
    }

    /** A 9P string: {@code len[2]} then UTF-8 bytes. */
    public Wire str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u16(b.length).raw(b);
    }

    /** A C string: UTF-8 bytes then NUL. */
    public Wire cstr(String s) {
        return raw(s.getBytes(StandardCharsets.UTF_8)).u8(0);
    }

    public Wire raw(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    /** {@code n} zero bytes. */
    public Wire zeros(int n) {
        return raw(new byte[n]);
    }

    public int size() {
        return out.size();
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private Wire put(ByteBuffer b) {
        return raw(b.array());
    }
}
