package io.lookaside.whatif;

import java.util.Arrays;

/**
 * Dense int ids for pairs of longs, given in the order pairs are first seen: a model interns
 * its keys (a file as connection and qid.path, an entry as directory id and name id) once per
 * run, and every window's cache state is then arrays indexed by id, with no hashing or boxing
 * per window (docs/performance.md). Open addressing with linear probing; nothing is ever removed.
 */
final class PairIds {
    static final int MISSING = -1;

    private long[] first = new long[16];
    private long[] second = new long[16];
    /** Slot → id + 1; 0 for an empty slot. */
    private int[] slots = new int[32];
    private int size;

    /** How many pairs have ids: the ids are 0 to size() - 1. */
    int size() {
        return size;
    }

    /** The id of the pair, or {@link #MISSING} when it was never interned. */
    int find(long a, long b) {
        int mask = slots.length - 1;
        for (int at = slot(a, b, mask); slots[at] != 0; at = (at + 1) & mask) {
            int id = slots[at] - 1;
            if (first[id] == a && second[id] == b) {
                return id;
            }
        }
        return MISSING;
    }

    /** The id of the pair, a new one when it was never seen. */
    int intern(long a, long b) {
        int mask = slots.length - 1;
        int at = slot(a, b, mask);
        for (; slots[at] != 0; at = (at + 1) & mask) {
            int id = slots[at] - 1;
            if (first[id] == a && second[id] == b) {
                return id;
            }
        }
        int id = size++;
        if (id == first.length) {
            first = Arrays.copyOf(first, id * 2);
            second = Arrays.copyOf(second, id * 2);
        }
        first[id] = a;
        second[id] = b;
        slots[at] = id + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    long first(int id) {
        return first[id];
    }

    long second(int id) {
        return second[id];
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int at = slot(first[id], second[id], mask);
            while (slots[at] != 0) {
                at = (at + 1) & mask;
            }
            slots[at] = id + 1;
        }
    }

    /**
     * Both halves mixed (a murmur3 finalizer): keys such as (connection, qid.path) differ in a
     * few low bits of each half, which a plain sum would map to few slots.
     */
    private static int slot(long a, long b, int mask) {
        long h = a * 0x9E37_79B9_7F4A_7C15L ^ b;
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}
