package io.lookaside.report;

import java.util.Map;

/**
 * The wait of the requests concerning one path (from the lifecycles: the fid → path map for 9P,
 * nodeid → path for FUSE; lookups without a fid count for parent + name).
 *
 * @param ops requests per operation, largest first
 */
public record PathRow(String path, long count, long errors, long totalNanos, long meanNanos, long maxNanos,
                      Map<String, Long> ops) {
    public PathRow {
        ops = Maps.ordered(ops);
    }
}
