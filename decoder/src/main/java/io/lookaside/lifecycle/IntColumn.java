package io.lookaside.lifecycle;

import java.util.Arrays;

/**
 * A per-message int column that grows with a session still arriving: the lifecycles' message
 * columns, filled message by message by the streaming pass ({@link Lifecycles.Stream}).
 */
final class IntColumn {
    private final int empty;
    private int[] values = new int[1024];

    IntColumn(int empty) {
        this.empty = empty;
        Arrays.fill(values, empty);
    }

    int get(int i) {
        return values[i];
    }

    void set(int i, int v) {
        values[i] = v;
    }

    /** Room for rows below {@code size}, new rows holding the empty value. */
    void ensure(int size) {
        if (size > values.length) {
            int old = values.length;
            values = Arrays.copyOf(values, Math.max(size, old * 2));
            Arrays.fill(values, old, values.length, empty);
        }
    }

    /** The first {@code size} rows as an array of their own. */
    int[] copy(int size) {
        ensure(size);
        return Arrays.copyOf(values, size);
    }
}
