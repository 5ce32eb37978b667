package io.lookaside.whatif;

import java.util.List;

/** The cache windows every model is swept over (what-if.md): 0, 1 ms, 10 ms, 100 ms, 1 s, 10 s, ∞. */
public final class Windows {
    public static final long INFINITE = Long.MAX_VALUE;
    /**
     * Not a sweep point: each cached answer is trusted for exactly the validity the server gave
     * it (FUSE entry_valid, attr_valid), i.e. what the kernel already did. Models that have no
     * such validity treat it as no caching at all.
     */
    public static final long AS_ANSWERED = -1;
    public static final List<Long> SWEEP = List.of(0L, 1_000_000L, 10_000_000L, 100_000_000L,
            1_000_000_000L, 10_000_000_000L, INFINITE);

    private Windows() {
    }

    /** "0", "1ms", "10ms", "100ms", "1s", "10s", "inf"; "answered" for {@link #AS_ANSWERED}. */
    public static String label(long nanos) {
        if (nanos == INFINITE) {
            return "inf";
        }
        if (nanos == AS_ANSWERED) {
            return "answered";
        }
        if (nanos >= 1_000_000_000L && nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos >= 1_000_000L && nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return nanos == 0 ? "0" : nanos + "ns";
    }

    /** True when an answer cached at {@code cachedAt} is still trusted at {@code now}. */
    public static boolean within(long cachedAt, long now, long windowNanos) {
        return windowNanos == INFINITE || now - cachedAt <= windowNanos;
    }
}
