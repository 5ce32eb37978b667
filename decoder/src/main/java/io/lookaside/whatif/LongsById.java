package io.lookaside.whatif;

import java.util.Arrays;

/**
 * A long per dense id (a time a cache entry was filled, the qid it names), or none: one
 * window's cache state over ids a {@link PairIds} gave, grown as ids appear.
 */
final class LongsById {
    /**
     * No value. No capture timestamp is this far before 1970, so it is safe for times; a qid.path
     * may be any long, so a qid kept here is read only where a time says the entry exists.
     */
    static final long NONE = Long.MIN_VALUE;

    private long[] values = new long[0];

    /** The value of {@code id}, or {@link #NONE}; {@code id} may be negative (no key): NONE. */
    long get(int id) {
        return id >= 0 && id < values.length ? values[id] : NONE;
    }

    boolean has(int id) {
        return get(id) != NONE;
    }

    void put(int id, long value) {
        if (id >= values.length) {
            int n = values.length;
            values = Arrays.copyOf(values, Math.max(16, Math.max(id + 1, n * 2)));
            Arrays.fill(values, n, values.length, NONE);
        }
        values[id] = value;
    }

    void remove(int id) {
        if (id >= 0 && id < values.length) {
            values[id] = NONE;
        }
    }
}
