package io.lookaside;

import java.util.Arrays;

/**
 * A fuzz input read from the front: a few selector bytes (which decoder, which context, which
 * flags), then the payload. Reads past the end give zeros, so every input is usable. Seeds are
 * written in the same layout: selector bytes, then real bytes from a sample, so the fuzzer
 * starts from real messages and real captures (docs/hostile-input.md).
 */
public final class FuzzInput {
    private final byte[] b;
    private int at;

    public FuzzInput(byte[] b) {
        this.b = b;
    }

    public int u8() {
        return at < b.length ? b[at++] & 0xFF : 0;
    }

    public int u16() {
        return u8() << 8 | u8();
    }

    public int u32() {
        return u16() << 16 | u16();
    }

    public int remaining() {
        return b.length - at;
    }

    /** Up to {@code n} bytes. */
    public byte[] bytes(int n) {
        int k = Math.max(0, Math.min(n, remaining()));
        byte[] out = Arrays.copyOfRange(b, at, at + k);
        at += k;
        return out;
    }

    public byte[] rest() {
        return bytes(remaining());
    }
}
