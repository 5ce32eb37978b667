package io.lookaside.whatif;

import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Wall-clock wait: for each requester (a 9P connection, a FUSE pid), the length of the union of
 * the intervals in which at least one of its requests was outstanding (what-if.md). Unlike a sum
 * of RTTs it does not count overlapping requests twice; it is what "RPC wait as I/O wait" means.
 */
public final class WallClock {
    private WallClock() {
    }

    /** Total wall-clock wait of every answered request, skipping those in {@code removed}. */
    public static long wait(Session s, BitSet removed) {
        Map<Long, long[]> perRequester = intervals(s, removed);
        long total = 0;
        for (long[] iv : perRequester.values()) {
            total += union(iv);
        }
        return total;
    }

    /** Total wall-clock wait of every answered request. */
    public static long wait(Session s) {
        return wait(s, new BitSet());
    }

    /** Start/end pairs per requester, packed as [start0, end0, start1, end1, …] with a count in slot 0. */
    private static Map<Long, long[]> intervals(Session s, BitSet removed) {
        Map<Long, long[]> m = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.direction(i) != Direction.REQUEST || removed.get(i)) {
                continue;
            }
            int rep = s.peer(i);
            if (rep < 0) {
                continue;
            }
            long[] iv = m.computeIfAbsent(s.requester(i), k -> new long[1 + 2 * 64]);
            int n = (int) iv[0];
            if (1 + 2 * n + 2 > iv.length) {
                iv = Arrays.copyOf(iv, iv.length * 2);
                m.put(s.requester(i), iv);
            }
            iv[1 + 2 * n] = s.tsNanos(i);
            iv[2 + 2 * n] = s.tsNanos(rep);
            iv[0] = n + 1;
        }
        return m;
    }

    private static long union(long[] iv) {
        int n = (int) iv[0];
        long[][] pairs = new long[n][];
        for (int k = 0; k < n; k++) {
            pairs[k] = new long[] {iv[1 + 2 * k], iv[2 + 2 * k]};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long total = 0;
        long curStart = Long.MIN_VALUE;
        long curEnd = Long.MIN_VALUE;
        for (long[] p : pairs) {
            if (p[0] > curEnd) {
                if (curEnd > curStart) {
                    total += curEnd - curStart;
                }
                curStart = p[0];
                curEnd = p[1];
            } else if (p[1] > curEnd) {
                curEnd = p[1];
            }
        }
        if (curEnd > curStart) {
            total += curEnd - curStart;
        }
        return total;
    }
}
