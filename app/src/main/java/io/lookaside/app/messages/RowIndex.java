package io.lookaside.app.messages;

import java.util.Arrays;
import javafx.collections.ObservableListBase;

/**
 * The rows a message table shows: an immutable, ascending list of message indexes into a
 * session, backed by an {@code int[]} (or by nothing when every message is shown), so that a
 * table over ten million messages holds no object per message. Rows box an index only when a
 * cell asks for it. A new filter result is a new {@code RowIndex}; this one never changes.
 *
 * <p>The kept messages are ascending (capture order); a sorted index shows them in another
 * order ({@link #sorted}) and keeps the ascending list beside it, so that looking a message up
 * stays a binary search and frame navigation still walks the capture order ({@link #ascending}).
 */
public final class RowIndex extends ObservableListBase<Integer> {
    public static final RowIndex EMPTY = all(0);

    private final int[] messages;
    private final int size;
    /** Display row → ascending position, or null when rows are in capture order. */
    private final int[] order;
    /** Ascending position → display row, the inverse of {@link #order}. */
    private final int[] rowAt;

    private RowIndex(int[] messages, int size, int[] order, int[] rowAt) {
        this.messages = messages;
        this.size = size;
        this.order = order;
        this.rowAt = rowAt;
    }

    private RowIndex(int[] messages, int size) {
        this(messages, size, null, null);
    }

    /**
     * These rows shown in another order: {@code positions[row]} is the ascending position
     * ({@link #ascending}) of the message shown at {@code row}; a permutation of 0 … size - 1.
     */
    public RowIndex sorted(int[] positions) {
        if (positions.length != size) {
            throw new IllegalArgumentException("an order of " + positions.length + " rows for " + size + " rows");
        }
        int[] inverse = new int[size];
        for (int row = 0; row < size; row++) {
            inverse[positions[row]] = row;
        }
        return new RowIndex(messages, size, positions, inverse);
    }

    /** The same rows in capture order. */
    public RowIndex unsorted() {
        return order == null ? this : new RowIndex(messages, size);
    }

    /** True when the rows are shown in another order than the capture's. */
    public boolean isSorted() {
        return order != null;
    }

    /** The {@code k}-th kept message in capture order, whatever the display order. */
    public int ascending(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException(k);
        }
        return messages == null ? k : messages[k];
    }

    /** Every message of a session of {@code size} messages. */
    public static RowIndex all(int size) {
        return new RowIndex(null, size);
    }

    /** The first {@code size} entries of {@code messages}, which must be ascending. */
    public static RowIndex of(int[] messages, int size) {
        return new RowIndex(messages, size);
    }

    @Override
    public Integer get(int row) {
        return message(row);
    }

    @Override
    public int size() {
        return size;
    }

    /** The message index shown at {@code row}. */
    public int message(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException(row);
        }
        int k = order == null ? row : order[row];
        return messages == null ? k : messages[k];
    }

    /** The position of {@code message} among the kept messages in capture order ({@link #ascending}), or -1. */
    public int ascendingPosition(int message) {
        if (messages == null) {
            return message >= 0 && message < size ? message : -1;
        }
        int k = Arrays.binarySearch(messages, 0, size, message);
        return k >= 0 ? k : -1;
    }

    /** The row showing message {@code message}, or -1 when it is not shown. */
    public int rowOf(int message) {
        int k;
        if (messages == null) {
            k = message >= 0 && message < size ? message : -1;
        } else {
            k = Arrays.binarySearch(messages, 0, size, message);
        }
        return k < 0 ? -1 : order == null ? k : rowAt[k];
    }

    /**
     * True when this list begins with every row of {@code older}: the rows of a growing capture
     * after new messages were appended (a table keeps its selection and scroll position then).
     */
    public boolean startsWith(RowIndex older) {
        if (order != null || older.order != null) {
            return false; // a sorted list grows anywhere, not at its end
        }
        int k = older.size;
        if (k > size) {
            return false;
        }
        if (k == 0 || messages == older.messages) {
            return true;
        }
        // Ascending distinct indexes from 0 whose last is k - 1 are exactly 0 … k - 1.
        if (older.messages == null) {
            return messages[k - 1] == k - 1;
        }
        if (messages == null) {
            return older.messages[k - 1] == k - 1;
        }
        return Arrays.equals(messages, 0, k, older.messages, 0, k);
    }

    /**
     * Identity, deliberately, unlike {@link java.util.List#equals}: a property holding rows
     * compares the old value with the new one on every change, and comparing millions of rows
     * element by element (boxing each) kept the FX thread for a second. Two {@code RowIndex}
     * objects are different results even when they hold the same rows.
     */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public int indexOf(Object o) {
        return o instanceof Integer m ? rowOf(m) : -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }
}
