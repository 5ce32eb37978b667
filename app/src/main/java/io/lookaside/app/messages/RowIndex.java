package io.lookaside.app.messages;

import java.util.Arrays;
import javafx.collections.ObservableListBase;

/**
 * The rows a message table shows: an immutable, ascending list of message indexes into a
 * session, backed by an {@code int[]} (or by nothing when every message is shown), so that a
 * table over ten million messages holds no object per message. Rows box an index only when a
 * cell asks for it. A new filter result is a new {@code RowIndex}; this one never changes.
 */
public final class RowIndex extends ObservableListBase<Integer> {
    public static final RowIndex EMPTY = all(0);

    private final int[] messages;
    private final int size;

    private RowIndex(int[] messages, int size) {
        this.messages = messages;
        this.size = size;
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
        return messages == null ? row : messages[row];
    }

    /** The row showing message {@code message}, or -1 when it is not shown. */
    public int rowOf(int message) {
        if (messages == null) {
            return message >= 0 && message < size ? message : -1;
        }
        int r = Arrays.binarySearch(messages, 0, size, message);
        return r >= 0 ? r : -1;
    }

    /**
     * True when this list begins with every row of {@code older}: the rows of a growing capture
     * after new messages were appended (a table keeps its selection and scroll position then).
     */
    public boolean startsWith(RowIndex older) {
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
