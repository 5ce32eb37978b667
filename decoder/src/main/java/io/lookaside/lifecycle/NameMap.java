package io.lookaside.lifecycle;

/**
 * An open-addressing map from (directory, name) to a long: the directory a long (a path id or a
 * qid.path), the name a string. The trackers look an entry up for every element of every walk,
 * and a record key with a boxed value is two objects per lookup. Linear probing with
 * backward-shift deletion. Any long is a value (a qid.path is any 64 bits).
 */
final class NameMap {
    private long[] dirs;
    private String[] names;
    private long[] values;
    private int size;

    NameMap() {
        dirs = new long[16];
        names = new String[16];
        values = new long[16];
    }

    /** The slot of the key, or -1 when absent. */
    int find(long dir, String name) {
        int mask = names.length - 1;
        for (int at = slot(dir, name, mask); names[at] != null; at = (at + 1) & mask) {
            if (dirs[at] == dir && names[at].equals(name)) {
                return at;
            }
        }
        return -1;
    }

    /** The value in a slot {@link #find} returned. */
    long value(int slot) {
        return values[slot];
    }

    void put(long dir, String name, long value) {
        if ((size + 1) * 4 > names.length * 3) {
            grow();
        }
        int mask = names.length - 1;
        int at = slot(dir, name, mask);
        while (names[at] != null) {
            if (dirs[at] == dir && names[at].equals(name)) {
                values[at] = value;
                return;
            }
            at = (at + 1) & mask;
        }
        dirs[at] = dir;
        names[at] = name;
        values[at] = value;
        size++;
    }

    /** Removes the entry in a slot {@link #find} returned (the slots of others may change). */
    void removeAt(int at) {
        int mask = names.length - 1;
        names[at] = null;
        size--;
        // Backward shift: move later entries of the probe run into the hole.
        int hole = at;
        for (int next = (hole + 1) & mask; names[next] != null; next = (next + 1) & mask) {
            int home = slot(dirs[next], names[next], mask);
            boolean movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable) {
                dirs[hole] = dirs[next];
                names[hole] = names[next];
                values[hole] = values[next];
                names[next] = null;
                hole = next;
            }
        }
    }

    private void grow() {
        long[] d = dirs;
        String[] n = names;
        long[] v = values;
        dirs = new long[d.length * 2];
        names = new String[d.length * 2];
        values = new long[d.length * 2];
        size = 0;
        for (int at = 0; at < d.length; at++) {
            if (n[at] != null) {
                put(d[at], n[at], v[at]);
            }
        }
    }

    private static int slot(long dir, String name, int mask) {
        long h = (dir * 0x9E37_79B9_7F4A_7C15L) ^ name.hashCode() * 0xC2B2_AE3D_27D4_EB4FL;
        h *= 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
