package io.lookaside.whatif;

import java.util.Arrays;

/**
 * {@link ForeignChanges} for whole files, indexed by the server-wide file ids of
 * {@link FileIds} instead of hashed records: per file the latest change, by which connection,
 * and the latest change by any other connection than that one, which answers "changed by
 * someone other than c since t?". The changes do not depend on a model's window, so one
 * instance serves every window of a simulation.
 */
final class ForeignFiles {
    private int[] conn = new int[0];
    private long[] time = new long[0];
    private long[] timeByOthers = new long[0];

    void changed(int serverFile, int by, long at) {
        ensure(serverFile);
        if (conn[serverFile] >= 0 && conn[serverFile] != by) {
            timeByOthers[serverFile] = time[serverFile];
        }
        conn[serverFile] = by;
        time[serverFile] = at;
    }

    /** True when a connection other than {@code by} changed the file after {@code since}. */
    boolean changedByOthers(int serverFile, int by, long since) {
        if (serverFile >= conn.length || conn[serverFile] < 0) {
            return false;
        }
        long t = conn[serverFile] != by ? time[serverFile] : timeByOthers[serverFile];
        return t > since;
    }

    private void ensure(int serverFile) {
        if (serverFile < conn.length) {
            return;
        }
        int n = Math.max(64, Math.max(serverFile + 1, conn.length * 2));
        int old = conn.length;
        conn = Arrays.copyOf(conn, n);
        time = Arrays.copyOf(time, n);
        timeByOthers = Arrays.copyOf(timeByOthers, n);
        Arrays.fill(conn, old, n, -1);
        Arrays.fill(timeByOthers, old, n, Long.MIN_VALUE);
    }
}
