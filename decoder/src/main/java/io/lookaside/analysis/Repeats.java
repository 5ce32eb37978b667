package io.lookaside.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Occurrences of keys in capture order (a failed lookup's path, a symlink's path): how many
 * repeat an earlier occurrence, the wait those repeats cost, and the time since the previous
 * occurrence of the same key (how long a cache would have had to keep the answer).
 */
final class Repeats {
    private final Map<String, long[]> byKey = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private final List<Integer> repeatIndices = new ArrayList<>();
    private long[] gaps = new long[64];
    private int repeats;
    private int total;
    private long repeatWaitNanos;

    /** Message {@code i} at {@code tsNanos} asked for {@code key} and waited {@code waitNanos} (or -1). */
    void add(String key, int i, long tsNanos, long waitNanos) {
        total++;
        long[] e = byKey.get(key);
        if (e == null) {
            byKey.put(key, new long[] {1, tsNanos});
            order.add(key);
            return;
        }
        e[0]++;
        if (repeats == gaps.length) {
            gaps = Arrays.copyOf(gaps, repeats * 2);
        }
        gaps[repeats++] = tsNanos - e[1];
        e[1] = tsNanos;
        if (repeatIndices.size() < Evidence.LIMIT) {
            repeatIndices.add(i);
        }
        if (waitNanos > 0) {
            repeatWaitNanos += waitNanos;
        }
    }

    int total() {
        return total;
    }

    int distinct() {
        return byKey.size();
    }

    int repeats() {
        return repeats;
    }

    long repeatWaitNanos() {
        return repeatWaitNanos;
    }

    /** The first few repeated occurrences (message indices). */
    List<Integer> repeatIndices() {
        return List.copyOf(repeatIndices);
    }

    /** The keys seen more than once, most often first (first seen first among equals), at most {@code n}. */
    List<Map.Entry<String, Long>> mostRepeated(int n) {
        List<Map.Entry<String, Long>> l = new ArrayList<>();
        for (String k : order) {
            long c = byKey.get(k)[0];
            if (c > 1) {
                l.add(Map.entry(k, c));
            }
        }
        l.sort(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue()).reversed());
        return l.size() <= n ? l : l.subList(0, n);
    }

    /** The {@code p}-th percentile (nearest rank) of the time between a repeat and the previous occurrence; 0 without repeats. */
    long gapPercentile(double p) {
        if (repeats == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(gaps, repeats);
        Arrays.sort(sorted);
        return sorted[Percentiles.rank(p, repeats)];
    }

    /** "usr/bin/cc ×15, lib64 ×15, lib ×10". */
    String topList(int n) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Long> e : mostRepeated(n)) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(e.getKey()).append(" ×").append(e.getValue());
        }
        return b.toString();
    }
}
