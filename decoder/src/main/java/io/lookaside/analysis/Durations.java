package io.lookaside.analysis;

import java.util.Locale;

/** Human-readable durations for summaries and reports: {@code 850 ns}, {@code 163 µs}, {@code 45.6 ms}, {@code 1.23 s}. */
public final class Durations {
    private Durations() {
    }

    /** Three significant digits in the largest unit that keeps the value at or above 1. */
    public static String format(long nanos) {
        if (nanos < 0) {
            return "-" + format(-nanos);
        }
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return sig(nanos / 1e3) + " µs";
        }
        if (nanos < 1_000_000_000) {
            return sig(nanos / 1e6) + " ms";
        }
        return sig(nanos / 1e9) + " s";
    }

    /** Milliseconds rounded up to 1, 2 or 5 times a power of ten: a value to put in a mount option. */
    public static long niceMillisAtLeast(long nanos) {
        long ms = Math.max(1, (nanos + 999_999) / 1_000_000);
        long p = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * p >= ms) {
                    return m * p;
                }
            }
            p *= 10;
        }
    }

    /** A percentage with one decimal: {@code 12.5%}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String sig(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
