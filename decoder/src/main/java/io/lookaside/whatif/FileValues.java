package io.lookaside.whatif;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A long per {@link FileIds file id}, present or not: one window's cache entries of one kind
 * (when a symlink target was read, a known size, a qid.version), without boxing.
 */
final class FileValues {
    private long[] values = new long[64];
    private final BitSet present = new BitSet();

    boolean has(int file) {
        return present.get(file);
    }

    /** The value of a file that {@link #has} one. */
    long get(int file) {
        return values[file];
    }

    void put(int file, long value) {
        if (file >= values.length) {
            values = Arrays.copyOf(values, Math.max(file + 1, values.length * 2));
        }
        values[file] = value;
        present.set(file);
    }

    void remove(int file) {
        present.clear(file);
    }
}
