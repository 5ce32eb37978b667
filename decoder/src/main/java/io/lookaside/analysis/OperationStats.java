package io.lookaside.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The wait of one operation (request type) over a capture (what-if.md, "Wait-time report"):
 * how many were sent and answered, the errors they were answered with, the sum, mean, nearest-rank
 * percentiles and maximum of their waits, and the file data they moved.
 *
 * @param errors errors by name ({@code ENOENT}, or a 9P2000 ename), in name order
 * @param bytes  file data moved (Rread and Twrite counts), 0 for other operations
 */
public record OperationStats(String op, long count, long answered, Map<String, Long> errors, long totalNanos,
                             long meanNanos, long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos,
                             long bytes) {

    public OperationStats {
        errors = Collections.unmodifiableMap(new TreeMap<>(errors));
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every operation of a capture, the largest total wait first (then by name). */
    public static List<OperationStats> of(Exchanges x) {
        int ops = x.ops().size();
        int[] counts = new int[ops];
        for (int k = 0; k < x.size(); k++) {
            counts[x.opId(k)]++;
        }
        long[][] waits = new long[ops][];
        for (int o = 0; o < ops; o++) {
            waits[o] = new long[counts[o]];
        }
        int[] answered = new int[ops];
        long[] sent = new long[ops];
        long[] bytes = new long[ops];
        List<Map<String, Long>> errors = new ArrayList<>();
        for (int o = 0; o < ops; o++) {
            errors.add(new TreeMap<>());
        }
        for (int k = 0; k < x.size(); k++) {
            int o = x.opId(k);
            sent[o]++;
            if (x.answered(k)) {
                waits[o][answered[o]++] = x.waitNanos(k);
            }
            if (x.error(k) != null) {
                errors.get(o).merge(x.error(k), 1L, Long::sum);
            }
            if (x.bytes(k) > 0) {
                bytes[o] += x.bytes(k);
            }
        }
        List<OperationStats> stats = new ArrayList<>();
        for (int o = 0; o < ops; o++) {
            int n = answered[o];
            long[] w = waits[o];
            long total = 0;
            long max = Long.MIN_VALUE;
            for (int j = 0; j < n; j++) {
                total += w[j];
                max = Math.max(max, w[j]);
            }
            // Three ranks, each selected among the values below the one before: no full sort.
            long p99 = 0;
            long p90 = 0;
            long p50 = 0;
            if (n > 0) {
                int r99 = Percentiles.rank(99, n);
                int r90 = Percentiles.rank(90, n);
                int r50 = Percentiles.rank(50, n);
                Percentiles.select(w, 0, n, r99);
                p99 = w[r99];
                if (r90 < r99) {
                    Percentiles.select(w, 0, r99, r90);
                }
                p90 = w[r90];
                if (r50 < r90) {
                    Percentiles.select(w, 0, r90, r50);
                }
                p50 = w[r50];
            }
            stats.add(new OperationStats(x.ops().get(o), sent[o], n, errors.get(o), total,
                    n == 0 ? 0 : Math.round((double) total / n), p50, p90, p99, n == 0 ? 0 : max, bytes[o]));
        }
        stats.sort(Comparator.comparingLong(OperationStats::totalNanos).reversed().thenComparing(OperationStats::op));
        return stats;
    }
}
