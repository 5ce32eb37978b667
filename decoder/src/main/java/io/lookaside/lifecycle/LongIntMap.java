package io.lookaside.lifecycle;

import java.util.Arrays;

/**
 * An open-addressing map from long keys (fids, qid paths) to int values (lifetime or path
 * indices), so that the per-message hot paths of the trackers and the analyses box nothing. Linear probing with
 * backward-shift deletion; {@link #MISSING} is returned for absent keys.
 */
public final class LongIntMap {
    public static final int MISSING = -1;

    private long[] keys;
    private int[] values;
    private boolean[] used;
    private int size;

    public LongIntMap() {
        this(16);
    }

    public LongIntMap(int capacity) {
        int n = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1);
        keys = new long[n];
        values = new int[n];
        used = new boolean[n];
    }

    public int size() {
        return size;
    }

    public int get(long key) {
        int mask = keys.length - 1;
        for (int at = slot(key, mask); used[at]; at = (at + 1) & mask) {
            if (keys[at] == key) {
                return values[at];
            }
        }
        return MISSING;
    }

    public void put(long key, int value) {
        if ((size + 1) * 4 > keys.length * 3) {
            grow();
        }
        int mask = keys.length - 1;
        int at = slot(key, mask);
        while (used[at]) {
            if (keys[at] == key) {
                values[at] = value;
                return;
            }
            at = (at + 1) & mask;
        }
        used[at] = true;
        keys[at] = key;
        values[at] = value;
        size++;
    }

    /** Removes the key; returns its value or {@link #MISSING}. */
    public int remove(long key) {
        int mask = keys.length - 1;
        int at = slot(key, mask);
        while (used[at] && keys[at] != key) {
            at = (at + 1) & mask;
        }
        if (!used[at]) {
            return MISSING;
        }
        int old = values[at];
        used[at] = false;
        size--;
        // Backward shift: move later entries of the probe run into the hole.
        int hole = at;
        for (int next = (hole + 1) & mask; used[next]; next = (next + 1) & mask) {
            int home = slot(keys[next], mask);
            boolean movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                used[hole] = true;
                used[next] = false;
                hole = next;
            }
        }
        return old;
    }

    public void clear() {
        Arrays.fill(used, false);
        size = 0;
    }

    /** The values, in no particular order. */
    public int[] values() {
        int[] out = new int[size];
        int n = 0;
        for (int at = 0; at < keys.length; at++) {
            if (used[at]) {
                out[n++] = values[at];
            }
        }
        return out;
    }

    private void grow() {
        long[] k = keys;
        int[] v = values;
        boolean[] u = used;
        keys = new long[k.length * 2];
        values = new int[k.length * 2];
        used = new boolean[k.length * 2];
        size = 0;
        for (int at = 0; at < k.length; at++) {
            if (u[at]) {
                put(k[at], v[at]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
