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
}
