package io.lookaside.ninep;

import io.lookaside.wire.Le;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounds-checked reads over one whole 9P message at offsets counted from its first byte.
 *
 * <p>Every read checks that its field fits inside the message (whose length the decoder has
 * already matched against the size field) and remembers where the field ends, so a layout
 * reads its fixed-offset fields by named constant ({@code c.u32(FID)}) and whatever follows a
 * string or a list with the no-argument forms ({@code c.str(NAME)} then {@code c.u32()}).
 * Record readers pass the reads straight as constructor arguments, which Java evaluates left
 * to right (JLS 15.7.4). A field that does not fit throws {@link Bad}, which never leaves the
 * package: {@link NinePDecoder} turns it into {@link Malformed}.
 */
final class Cursor {
    private final ByteBuffer b;
    private final int base;
    private final int length;
    private final int type;
    private final int tag;
    private final Dialect dialect;
    private int next;
    /** The spans of the fields read, {@code [from, to)} pairs, when a layout is asked for; else null. */
    private int[] spans;
    private int spanCount;
    /** Reads in progress: only a field read at depth 0 (not a string's length inside a list) is a span. */
    private int depth;

    Cursor(ByteBuffer b, int base, int length, int type, int tag, Dialect dialect) {
        this.b = b;
        this.base = base;
        this.length = length;
        this.type = type;
        this.tag = tag;
        this.dialect = dialect;
        this.next = NinePHeader.LENGTH;
    }

    int tag() {
        return tag;
    }

    Dialect dialect() {
        return dialect;
    }

    /** True where the .u additions are on the wire: see {@link Dialect#unixExtensions()}. */
    boolean unix() {
        return dialect.unixExtensions();
    }

    /** The whole message's length in bytes, header included. */
    int length() {
        return length;
    }

    /** The offset just past the last field read. */
    int next() {
        return next;
    }

    int u8(int at) {
        open();
        need(at, 1);
        next = at + 1;
        return close(at, Le.u8(b, base + at));
    }

    int u8() {
        return u8(next);
    }

    int u16(int at) {
        open();
        need(at, 2);
        next = at + 2;
        return close(at, Le.u16(b, base + at));
    }

    int u16() {
        return u16(next);
    }

    long u32(int at) {
        open();
        need(at, 4);
        next = at + 4;
        return close(at, Le.u32(b, base + at));
    }

    long u32() {
        return u32(next);
    }

    long u64(int at) {
        open();
        need(at, 8);
        next = at + 8;
        return close(at, Le.u64(b, base + at));
    }

    long u64() {
        return u64(next);
    }

    /** qid[13] = type[1] version[4] path[8]. */
    Qid qid(int at) {
        open();
        need(at, Qid.LENGTH);
        next = at + Qid.LENGTH;
        int p = base + at;
        return close(at, new Qid(Le.u8(b, p), Le.u32(b, p + 1), Le.u64(b, p + 5)));
    }

    Qid qid() {
        return qid(next);
    }

    /** s = len[2] then len bytes of UTF-8; malformed UTF-8 becomes U+FFFD rather than failing. */
    String str(int at) {
        open();
        int len = u16(at);
        int left = length - next;
        if (len > left) {
            throw fail("string at offset " + at + " says " + len + " bytes, " + left + " left", at);
        }
        next += len;
        return close(at, Le.utf8(b, base + at + 2, len));
    }

    String str() {
        return str(next);
    }

    /** n[2] n*(s) with n at most MAXWELEM (walk(5)); countName is the spec's name for n. */
    List<String> strings(int at, String countName) {
        open();
        int n = walkCount(at, countName);
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(str());
        }
        return close(at, names);
    }

    /** n[2] n*(qid[13]) with n at most MAXWELEM (walk(5)). */
    List<Qid> qids(int at, String countName) {
        open();
        int n = walkCount(at, countName);
        List<Qid> qids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            qids.add(qid());
        }
        return close(at, qids);
    }

    private int walkCount(int at, String countName) {
        int n = u16(at);
        if (n > Twalk.MAXWELEM) {
            throw fail(countName + " " + n + " exceeds MAXWELEM " + Twalk.MAXWELEM + " (walk(5))",
                    at);
        }
        return n;
    }

    /**
     * count[4] data[count]: reads count, checks that the data fits and steps over it without
     * copying. Returns count exactly, however large: Linux's default msize lets data exceed
     * 64 KiB.
     */
    long data(int at) {
        open();
        long count = u32(at);
        int left = length - next;
        if (count > left) {
            throw fail("count " + count + " exceeds the " + left + " bytes left", at);
        }
        next += (int) count;
        return close(at, count);
    }

    /** Records the span of every field read from now on ({@link #spans()}). */
    void traceSpans() {
        spans = new int[32];
    }

    /** The {@code [from, to)} pairs of the fields read at the top level, in reading order. */
    int[] spans() {
        return java.util.Arrays.copyOf(spans, spanCount);
    }

    private void open() {
        if (spans != null) {
            depth++;
        }
    }

    private <T> T close(int at, T value) {
        if (spans != null && --depth == 0) {
            if (spanCount + 2 > spans.length) {
                spans = java.util.Arrays.copyOf(spans, spans.length * 2);
            }
            spans[spanCount++] = at;
            spans[spanCount++] = next;
        }
        return value;
    }

    private int close(int at, int value) {
        close(at, (Object) null);
        return value;
    }

    private long close(int at, long value) {
        close(at, (Object) null);
        return value;
    }

    /** Marks the rest of the message as read: for bodies that are not decoded. */
    void skipRest() {
        next = length;
    }

    /** Fails when bytes follow the last field: the size field and the layout disagree. */
    void end() {
        if (next != length) {
            throw fail((length - next) + " bytes follow the last field of "
                    + NinePTypes.name(type), next);
        }
    }

    Bad fail(String reason, int at) {
        return new Bad(reason, at);
    }

    private void need(int at, int width) {
        if (at > length - width) {
            throw fail(width + "-byte field at offset " + at + " runs past the end of the "
                    + length + "-byte message", at);
        }
    }

    /** A field that breaks the layout; reason and offset become a {@link Malformed}. */
    static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int offset;

        Bad(String reason, int offset) {
            super(reason, null, false, false);
            this.offset = offset;
        }

        int offset() {
            return offset;
        }
    }
}
