package io.lookaside.report;

import java.util.List;
import java.util.Map;

/**
 * Two reports side by side (schema {@value #SCHEMA}, docs/report-schema.md): the same workload
 * under two configurations (cache=none and cache=loose), or over 9P and FUSE. Deltas are B − A;
 * a value is null on the side where the operation, model or profile does not occur.
 */
public record Diff(String schema, Report a, Report b, Totals totals, List<Operation> operations,
                   Map<String, Model> whatIf, Map<String, ProfileDelta> profiles) {
    public static final String SCHEMA = "lookaside.diff/1";

    public Diff {
        operations = List.copyOf(operations);
        whatIf = Maps.ordered(whatIf);
        profiles = Maps.ordered(profiles);
    }

    /** One number on both sides and B − A (null when a side lacks it). */
    public record Delta(Long a, Long b, Long delta) {
        static Delta of(Long a, Long b) {
            return new Delta(a, b, a == null || b == null ? null : b - a);
        }
    }

    /** The captures' totals compared. */
    public record Totals(Delta requests, Delta errors, Delta waitNanos, Delta wallNanos) {
    }

    /** One operation compared: count, total wait and mean wait. */
    public record Operation(String op, Delta count, Delta totalNanos, Delta meanNanos) {
    }

    /** One what-if model compared at window ∞. */
    public record Model(String title, Delta savedRoundTrips, Delta savedWallNanos, Delta staleHits,
                        Delta projectedWallNanos) {
    }

    /** One profile compared. */
    public record ProfileDelta(String title, Delta savedRoundTrips, Delta savedWallNanos, Delta predictedWaitNanos) {
    }
}
