package io.lookaside.whatif;

import java.util.Arrays;

/**
 * A growable set of dense ids (files, fid lifetimes) as a bitmap. Unlike {@link java.util.BitSet}
 * it keeps no count of the words in use: BitSet.clear looks down for the new highest set word
 * every time it clears the highest one, which on a sparse set that is filled and cleared again
 * and again (attributes invalidated, then fetched) costs a scan per clear.
 */
final class IdSet {
    private long[] words = new long[0];

    boolean contains(int id) {
        int w = id >>> 6;
        return id >= 0 && w < words.length && (words[w] & 1L << id) != 0;
    }

    void add(int id) {
        int w = id >>> 6;
        if (w >= words.length) {
            words = Arrays.copyOf(words, Math.max(w + 1, words.length * 2));
        }
        words[w] |= 1L << id;
    }

    /** Removes {@code id}; true when it was in the set. */
    boolean remove(int id) {
        if (!contains(id)) {
            return false;
        }
        words[id >>> 6] &= ~(1L << id);
        return true;
    }
}
