package io.lookaside.session;

import java.util.Arrays;

/**
 * The per-message columns of a session, 49 bytes a row, in chunks of 32 768 rows: growing
 * allocates one more chunk and never copies a column, so loading needs no more heap than the
 * rows themselves, and a {@link #snapshot()} for a {@link Session} (final or a prefix while
 * loading) shares the chunks and copies only the small arrays that point to them. The first
 * chunk starts at 1 024 rows and doubles up to the full size, and {@link #trim(int)} cuts the
 * last one to the rows used, so that small sessions stay small.
 *
 * <pre>
 * tsNanos[8] frame[8] key[8] storePos[8] conn[4] peer[4] storeLen[4] type[2] direction[1] ctx[1] flags[1]
 * </pre>
 *
 * Rows are written by the loading thread only. A row is complete before it is counted in a
 * snapshot's size; afterwards only {@code peer} and {@code flags} change (a reply pairs with
 * its request, a flush cancels it), which a prefix snapshot may or may not see yet.
 */
final class Columns {
    /**
     * 32 768 rows: a chunk of longs is 256 KiB, under half of G1's smallest region (1 MiB), so it
     * is an ordinary object and not a humongous one that would waste the rest of its region
     * (measured: with 65 536-row chunks a session took 81 bytes of heap a message, not 49).
     */
    static final int SHIFT = 15;
    static final int CHUNK = 1 << SHIFT;
    static final int MASK = CHUNK - 1;
    private static final int FIRST = 1024;
    /** Bytes per row, for the memory budget (docs/decisions/0011). */
    static final int ROW_BYTES = 8 + 8 + 8 + 8 + 4 + 4 + 4 + 2 + 1 + 1 + 1;

    long[][] tsNanos = new long[0][];
    long[][] frame = new long[0][];
    long[][] key = new long[0][];
    long[][] storePos = new long[0][];
    int[][] conn = new int[0][];
    int[][] peer = new int[0][];
    int[][] storeLen = new int[0][];
    short[][] type = new short[0][];
    byte[][] direction = new byte[0][];
    byte[][] ctx = new byte[0][];
    byte[][] flags = new byte[0][];
    private int chunks;

    /** Makes row {@code i} writable: rows are added in order, so {@code i} is at most one past the last. */
    void ensure(int i) {
        int c = i >>> SHIFT;
        if (c < chunks) {
            if (c == chunks - 1 && (i & MASK) >= tsNanos[c].length) {
                resize(c, Math.min(CHUNK, tsNanos[c].length * 2));
            }
            return;
        }
        if (c == tsNanos.length) {
            int n = Math.max(4, c * 2);
            tsNanos = Arrays.copyOf(tsNanos, n);
            frame = Arrays.copyOf(frame, n);
            key = Arrays.copyOf(key, n);
            storePos = Arrays.copyOf(storePos, n);
            conn = Arrays.copyOf(conn, n);
            peer = Arrays.copyOf(peer, n);
            storeLen = Arrays.copyOf(storeLen, n);
            type = Arrays.copyOf(type, n);
            direction = Arrays.copyOf(direction, n);
            ctx = Arrays.copyOf(ctx, n);
            flags = Arrays.copyOf(flags, n);
        }
        int rows = c == 0 ? FIRST : CHUNK;
        tsNanos[c] = new long[rows];
        frame[c] = new long[rows];
        key[c] = new long[rows];
        storePos[c] = new long[rows];
        conn[c] = new int[rows];
        peer[c] = new int[rows];
        storeLen[c] = new int[rows];
        type[c] = new short[rows];
        direction[c] = new byte[rows];
        ctx[c] = new byte[rows];
        flags[c] = new byte[rows];
        chunks++;
    }

    /** Cuts the last chunk to the {@code size} rows in use: loading is done. */
    void trim(int size) {
        if (chunks > 0) {
            resize(chunks - 1, size - ((chunks - 1) << SHIFT));
        }
    }

    private void resize(int c, int rows) {
        tsNanos[c] = Arrays.copyOf(tsNanos[c], rows);
        frame[c] = Arrays.copyOf(frame[c], rows);
        key[c] = Arrays.copyOf(key[c], rows);
        storePos[c] = Arrays.copyOf(storePos[c], rows);
        conn[c] = Arrays.copyOf(conn[c], rows);
        peer[c] = Arrays.copyOf(peer[c], rows);
        storeLen[c] = Arrays.copyOf(storeLen[c], rows);
        type[c] = Arrays.copyOf(type[c], rows);
        direction[c] = Arrays.copyOf(direction[c], rows);
        ctx[c] = Arrays.copyOf(ctx[c], rows);
        flags[c] = Arrays.copyOf(flags[c], rows);
    }

    /** The same chunks behind arrays of their own, so later growth does not touch the snapshot. */
    Columns snapshot() {
        Columns s = new Columns();
        s.tsNanos = Arrays.copyOf(tsNanos, chunks);
        s.frame = Arrays.copyOf(frame, chunks);
        s.key = Arrays.copyOf(key, chunks);
        s.storePos = Arrays.copyOf(storePos, chunks);
        s.conn = Arrays.copyOf(conn, chunks);
        s.peer = Arrays.copyOf(peer, chunks);
        s.storeLen = Arrays.copyOf(storeLen, chunks);
        s.type = Arrays.copyOf(type, chunks);
        s.direction = Arrays.copyOf(direction, chunks);
        s.ctx = Arrays.copyOf(ctx, chunks);
        s.flags = Arrays.copyOf(flags, chunks);
        s.chunks = chunks;
        return s;
    }

    /** Heap held by the chunks. */
    long retainedBytes() {
        long rows = 0;
        for (int c = 0; c < chunks; c++) {
            rows += tsNanos[c].length;
        }
        return rows * ROW_BYTES;
    }

    long tsNanos(int i) {
        return tsNanos[i >>> SHIFT][i & MASK];
    }

    void tsNanos(int i, long v) {
        tsNanos[i >>> SHIFT][i & MASK] = v;
    }

    long frame(int i) {
        return frame[i >>> SHIFT][i & MASK];
    }

    void frame(int i, long v) {
        frame[i >>> SHIFT][i & MASK] = v;
    }

    long key(int i) {
        return key[i >>> SHIFT][i & MASK];
    }

    void key(int i, long v) {
        key[i >>> SHIFT][i & MASK] = v;
    }

    long storePos(int i) {
        return storePos[i >>> SHIFT][i & MASK];
    }

    void storePos(int i, long v) {
        storePos[i >>> SHIFT][i & MASK] = v;
    }

    int conn(int i) {
        return conn[i >>> SHIFT][i & MASK];
    }

    void conn(int i, int v) {
        conn[i >>> SHIFT][i & MASK] = v;
    }

    int peer(int i) {
        return peer[i >>> SHIFT][i & MASK];
    }

    void peer(int i, int v) {
        peer[i >>> SHIFT][i & MASK] = v;
    }

    int storeLen(int i) {
        return storeLen[i >>> SHIFT][i & MASK];
    }

    void storeLen(int i, int v) {
        storeLen[i >>> SHIFT][i & MASK] = v;
    }

    int type(int i) {
        return type[i >>> SHIFT][i & MASK];
    }

    void type(int i, int v) {
        type[i >>> SHIFT][i & MASK] = (short) v;
    }

    int direction(int i) {
        return direction[i >>> SHIFT][i & MASK];
    }

    void direction(int i, Direction d) {
        direction[i >>> SHIFT][i & MASK] = (byte) d.ordinal();
    }

    int ctx(int i) {
        return ctx[i >>> SHIFT][i & MASK];
    }

    void ctx(int i, int v) {
        ctx[i >>> SHIFT][i & MASK] = (byte) v;
    }

    int flags(int i) {
        return flags[i >>> SHIFT][i & MASK];
    }

    void addFlag(int i, int f) {
        flags[i >>> SHIFT][i & MASK] |= (byte) f;
    }
}
