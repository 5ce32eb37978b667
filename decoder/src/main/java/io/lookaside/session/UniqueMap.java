package io.lookaside.session;

import java.util.Arrays;

/**
 * FUSE unique (or 9P tag) → message index of the outstanding request, without boxing: open
 * addressing with linear probing and backward-shift deletion. Keys are any 64-bit value; -1 as
 * a value means absent.
 */
final class UniqueMap {
    private long[] keys;
    private int[] values;
    private boolean[] used;
    private int size;

    UniqueMap() {
        this(256);
    }

    /** {@code capacity}: a power of two; the table doubles when half full. */
    UniqueMap(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
    }

    int get(long key) {
        int mask = keys.length - 1;
        for (int s = slot(key, mask); used[s]; s = (s + 1) & mask) {
            if (keys[s] == key) {
                return values[s];
            }
        }
        return -1;
    }

    /** Maps {@code key} to {@code value}; returns the previous value or -1. */
    int put(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        int s = slot(key, mask);
        while (used[s]) {
            if (keys[s] == key) {
                int old = values[s];
                values[s] = value;
                return old;
            }
            s = (s + 1) & mask;
        }
        used[s] = true;
        keys[s] = key;
        values[s] = value;
        size++;
        return -1;
    }

    /** Removes {@code key}; returns its value or -1. */
    int remove(long key) {
        int mask = keys.length - 1;
        int s = slot(key, mask);
        while (used[s] && keys[s] != key) {
            s = (s + 1) & mask;
        }
        if (!used[s]) {
            return -1;
        }
        int old = values[s];
        // backward-shift deletion keeps every probe chain unbroken
        int hole = s;
        for (int n = (hole + 1) & mask; used[n]; n = (n + 1) & mask) {
            int home = slot(keys[n], mask);
            boolean movable = hole <= n ? (home <= hole || home > n) : (home <= hole && home > n);
            if (movable) {
                keys[hole] = keys[n];
                values[hole] = values[n];
                hole = n;
            }
        }
        used[hole] = false;
        size--;
        return old;
    }

    int size() {
        return size;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void rehash(int capacity) {
        long[] k = keys;
        int[] v = values;
        boolean[] u = used;
        keys = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
        size = 0;
        for (int i = 0; i < k.length; i++) {
            if (u[i]) {
                put(k[i], v[i]);
            }
        }
        Arrays.fill(u, false);
    }
}
