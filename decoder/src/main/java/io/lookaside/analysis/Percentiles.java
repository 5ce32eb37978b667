package io.lookaside.analysis;

/** Nearest-rank percentiles: the smallest value with at least p% of the values at or below it. */
public final class Percentiles {
    private Percentiles() {
    }

    /** The 0-based index in a sorted array of {@code n} values of the {@code p}-th percentile (0 &lt; p ≤ 100). */
    public static int rank(double p, int n) {
        // In tenths of a percent and integers, so that p90 of 10 values is exactly the 9th.
        long tenths = Math.round(p * 10);
        long r = (tenths * n + 999) / 1000 - 1;
        return (int) Math.max(0, Math.min(n - 1, r));
    }

    /** The {@code p}-th percentile of {@code sorted[0..n)}, 0 when n is 0. */
    public static long of(long[] sorted, int n, double p) {
        return n == 0 ? 0 : sorted[rank(p, n)];
    }

    /**
     * Reorders {@code a[from, to)} so that {@code a[k]} holds what a sorted copy holds there, with
     * nothing greater before it and nothing smaller after it (quickselect, three-way partitions
     * for the many equal waits of a capture; a sort when the pivots keep going wrong). A few
     * percentiles of an operation's waits need no full sort: linear instead of n log n.
     */
    static void select(long[] a, int from, int to, int k) {
        int budget = 2 * (Integer.SIZE - Integer.numberOfLeadingZeros(to - from)) + 8;
        while (to - from > 16) {
            if (budget-- == 0) {
                break;
            }
            long pivot = median(a[from], a[(from + to) >>> 1], a[to - 1]);
            int lt = from;
            int i = from;
            int gt = to;
            while (i < gt) {
                long v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[--gt];
                    a[gt] = v;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                to = lt;
            } else if (k >= gt) {
                from = gt;
            } else {
                return;
            }
        }
        java.util.Arrays.sort(a, from, to);
    }

    private static long median(long x, long y, long z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
