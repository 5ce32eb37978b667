package io.lookaside.whatif;

import java.util.Arrays;

/**
 * {@link ForeignChanges} over dense key ids (server-wide keys a model interned once per run,
 * e.g. with {@link NinePKeys#change} or the server-wide file ids of {@link FileIds}): the same
 * answers from three arrays, so that a model can keep one per window at the cost of a few array
 * reads per message, or one for all windows when the changes do not depend on the window.
 */
final class ForeignChangesById {
    /** Per key: the connection of its latest change (-1: never changed), when, and the latest change by any other. */
    private int[] conn = new int[0];
    private long[] time = new long[0];
    private long[] timeByOthers = new long[0];

    void changed(int key, int c, long t) {
        if (key >= conn.length) {
            grow(key);
        }
        if (conn[key] >= 0 && conn[key] != c) {
            timeByOthers[key] = time[key];
        }
        conn[key] = c;
        time[key] = t;
    }

    /** True when a connection other than {@code c} changed {@code key} after {@code since}; false for key -1. */
    boolean changedByOthers(int key, int c, long since) {
        if (key < 0 || key >= conn.length || conn[key] < 0) {
            return false;
        }
        long t = conn[key] != c ? time[key] : timeByOthers[key];
        return t > since;
    }

    private void grow(int key) {
        int n = conn.length;
        int size = Math.max(16, Math.max(key + 1, n * 2));
        conn = Arrays.copyOf(conn, size);
        time = Arrays.copyOf(time, size);
        timeByOthers = Arrays.copyOf(timeByOthers, size);
        Arrays.fill(conn, n, size, -1);
        Arrays.fill(timeByOthers, n, size, Long.MIN_VALUE);
    }
}
