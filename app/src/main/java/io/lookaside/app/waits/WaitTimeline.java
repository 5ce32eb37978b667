package io.lookaside.app.waits;

import io.lookaside.analysis.Exchanges;
import io.lookaside.app.workbench.TaskContext;
import io.lookaside.session.Session;
import java.util.Arrays;

/**
 * The wait of a capture over time, pre-binned for a chart (architecture example 9: at most
 * {@link #MAX_BINS} points a series, whatever the capture's size). For each bin: how much
 * request→reply time fell into it (concurrent requests add up), and how much wall-clock wait
 * (per requester, the time with at least one request outstanding, as {@code WallClock} counts
 * it, summed over requesters). Both in milliseconds per bin.
 *
 * @param binNanos   the width of a bin
 * @param seconds    the middle of each bin, in seconds since the first message
 * @param rttMillis  request→reply time per bin
 * @param wallMillis wall-clock wait per bin
 */
public record WaitTimeline(long binNanos, double[] seconds, double[] rttMillis, double[] wallMillis) {
    /** Enough points to show the shape of a workload on any screen, few enough to draw at once. */
    public static final int MAX_BINS = 600;

    public static final WaitTimeline EMPTY = new WaitTimeline(1, new double[0], new double[0], new double[0]);

    public int bins() {
        return seconds.length;
    }

    /**
     * Bins every answered request of {@code x}. Linear in requests plus a sort per requester's
     * intervals; returns null once {@code ctx} is cancelled.
     */
    public static WaitTimeline of(Session s, Exchanges x, TaskContext ctx) {
        int n = x.size();
        if (s.size() == 0 || n == 0) {
            return EMPTY;
        }
        long t0 = s.tsNanos(0);
        long span = Math.max(1, s.tsNanos(s.size() - 1) - t0);
        long bin = Math.max(1, (span + MAX_BINS - 1) / MAX_BINS);
        int nb = (int) Math.min(MAX_BINS + 1L, span / bin + 1);
        Bins rtt = new Bins(t0, bin, nb);
        long[] requester = new long[n];
        long[] start = new long[n];
        long[] end = new long[n];
        int answered = 0;
        for (int k = 0; k < n; k++) {
            if ((k & 4095) == 0 && ctx.cancelled()) {
                return null;
            }
            if (!x.answered(k)) {
                continue;
            }
            int i = x.index(k);
            long a = s.tsNanos(i);
            long b = a + x.waitNanos(k);
            rtt.add(a, b);
            requester[answered] = s.requester(i);
            start[answered] = a;
            end[answered] = b;
            answered++;
        }
        Bins wall = new Bins(t0, bin, nb);
        Integer[] order = new Integer[answered];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, (p, q) -> requester[p] != requester[q] ? Long.compare(requester[p], requester[q])
                : Long.compare(start[p], start[q]));
        // Per requester, merge overlapping intervals and bin each union once (what-if.md, "Wall-clock wait").
        long who = 0;
        long curStart = 0;
        long curEnd = Long.MIN_VALUE;
        for (int j = 0; j < answered; j++) {
            int k = order[j];
            if (j == 0 || requester[k] != who || start[k] > curEnd) {
                if (j > 0) {
                    wall.add(curStart, curEnd);
                }
                who = requester[k];
                curStart = start[k];
                curEnd = end[k];
            } else if (end[k] > curEnd) {
                curEnd = end[k];
            }
        }
        if (answered > 0) {
            wall.add(curStart, curEnd);
        }
        if (ctx.cancelled()) {
            return null;
        }
        double[] seconds = new double[nb];
        for (int j = 0; j < nb; j++) {
            seconds[j] = (j + 0.5) * bin / 1e9;
        }
        return new WaitTimeline(bin, seconds, rtt.millis(), wall.millis());
    }

    /**
     * Time per bin, with O(1) work per interval: the partial first and last bins are added
     * directly, the full bins between them through a difference array.
     */
    private static final class Bins {
        private final long t0;
        private final long bin;
        private final double[] partial;
        private final double[] full;

        Bins(long t0, long bin, int bins) {
            this.t0 = t0;
            this.bin = bin;
            this.partial = new double[bins];
            this.full = new double[bins + 1];
        }

        void add(long from, long to) {
            int last = partial.length - 1;
            long a = Math.max(0, from - t0);
            long b = Math.min((long) partial.length * bin, to - t0);
            if (b <= a) {
                return;
            }
            int fa = (int) Math.min(last, a / bin);
            int fb = (int) Math.min(last, (b - 1) / bin);
            if (fa == fb) {
                partial[fa] += b - a;
                return;
            }
            partial[fa] += (fa + 1) * bin - a;
            partial[fb] += b - (long) fb * bin;
            if (fb > fa + 1) {
                full[fa + 1] += bin;
                full[fb] -= bin;
            }
        }

        double[] millis() {
            double[] out = new double[partial.length];
            double run = 0;
            for (int j = 0; j < out.length; j++) {
                run += full[j];
                out[j] = (partial[j] + run) / 1e6;
            }
            return out;
        }
    }
}
