package io.lookaside.fuse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads one FUSE message in its capture's byte order, at offsets counted from the message
 * start, never past {@code end}. A read that would cross {@code end} throws {@link Short},
 * which the decoder turns into a {@link Malformed} record: decoding code stays a straight
 * transcription of the struct layouts.
 */
final class Cursor {
    /** Thrown for a struct or string that does not fit; no stack trace (it is control flow). */
    static final class Short extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        Short(String reason, int offset) {
            super(reason, null, false, false);
            this.offset = offset;
        }
    }

    private final ByteBuffer b;
    private final int base;
    int pos;
    int end;

    /** A cursor over {@code msg} from its position to its limit, at offset 0. */
    Cursor(ByteBuffer msg, ByteOrder order) {
        this.b = msg.duplicate().order(order);
        this.base = msg.position();
        this.end = msg.remaining();
    }

    int remaining() {
        return end - pos;
    }

    void need(int n, String what) {
        if (n < 0 || n > end - pos) {
            throw new Short(what + " needs " + n + " bytes at offset " + pos + ", only " + Math.max(0, end - pos)
                    + " left", pos);
        }
    }

    void skip(int n) {
        need(n, "padding");
        pos += n;
    }

    long u32() {
        need(4, "u32");
        long v = b.getInt(base + pos) & 0xFFFF_FFFFL;
        pos += 4;
        return v;
    }

    int i32() {
        need(4, "i32");
        int v = b.getInt(base + pos);
        pos += 4;
        return v;
    }

    int u8() {
        need(1, "u8");
        int v = b.get(base + pos) & 0xFF;
        pos += 1;
        return v;
    }

    int u16() {
        need(2, "u16");
        int v = b.getShort(base + pos) & 0xFFFF;
        pos += 2;
        return v;
    }

    long u64() {
        need(8, "u64");
        long v = b.getLong(base + pos);
        pos += 8;
        return v;
    }

    /** A NUL-terminated name; the NUL must be there (the kernel always sends it). */
    String cstring(String what) {
        for (int i = pos; i < end; i++) {
            if (b.get(base + i) == 0) {
                String s = utf8(pos, i - pos);
                pos = i + 1;
                return s;
            }
        }
        throw new Short(what + " is not NUL-terminated", pos);
    }

    /** {@code n} bytes as UTF-8 text (invalid sequences become U+FFFD). */
    String text(int n, String what) {
        need(n, what);
        String s = utf8(pos, n);
        pos += n;
        return s;
    }

    /** {@code n} bytes as text when they are printable UTF-8 (a trailing NUL dropped), else {@code 0x…} hex. */
    String value(int n) {
        need(n, "value");
        byte[] bytes = new byte[n];
        b.get(base + pos, bytes, 0, n);
        pos += n;
        int len = n > 0 && bytes[n - 1] == 0 ? n - 1 : n;
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, len)).toString();
            if (s.chars().allMatch(c -> c >= 0x20 && c != 0x7F)) {
                return s;
            }
        } catch (CharacterCodingException e) {
            // not text: shown as hex below
        }
        StringBuilder h = new StringBuilder(2 + 2 * n).append("0x");
        for (byte x : bytes) {
            h.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return h.toString();
    }

    private String utf8(int at, int n) {
        byte[] bytes = new byte[n];
        b.get(base + at, bytes, 0, n);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
