package io.lookaside.report;

import java.util.Map;

/**
 * The wait of one operation (request type): see {@code io.lookaside.analysis.OperationStats}.
 *
 * @param errors errors by errno name ({@code ENOENT}), a bare number when Linux has no name for it,
 *               or a 9P2000 ename
 * @param bytes  file data moved: Rread and Twrite counts, FUSE READ and WRITE sizes
 */
public record OperationRow(String op, long count, long answered, long errorCount, Map<String, Long> errors,
                           long totalNanos, long meanNanos, long p50Nanos, long p90Nanos, long p99Nanos,
                           long maxNanos, long bytes) {
    public OperationRow {
        errors = Maps.ordered(errors);
    }
}
