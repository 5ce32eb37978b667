package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Requests that took far longer than others of their kind: at least {@link #FACTOR} times their
 * operation's median and at least {@link #FLOOR_NANOS}. A few of them can hold a large share of
 * the wait (a stalled server, a disk flush, a host descheduling the server).
 */
public final class LatencyOutliersRule implements Rule {
    static final double INFO_SHARE = 0.05;
    static final double WARNING_SHARE = 0.25;
    static final int FACTOR = 10;
    static final long FLOOR_NANOS = 1_000_000;
    /** Operations with fewer answered requests have no meaningful median. */
    static final int MIN_COUNT = 20;

    @Override
    public String id() {
        return "latency-outliers";
    }

    @Override
    public String title() {
        return "Latency outliers";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP, Protocol.FUSE);
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Exchanges x = in.exchanges();
        // Thresholds by operation id, so the scan below compares numbers only.
        long[] threshold = new long[x.ops().size()];
        java.util.Arrays.fill(threshold, Long.MAX_VALUE);
        for (OperationStats o : in.operations()) {
            if (o.answered() >= MIN_COUNT) {
                threshold[x.ops().indexOf(o.op())] = Math.max(FLOOR_NANOS, FACTOR * o.p50Nanos());
            }
        }
        List<Integer> outliers = new ArrayList<>();
        Map<String, Integer> byOp = new HashMap<>();
        long outlierNanos = 0;
        for (int k = 0; k < x.size(); k++) {
            if (x.answered(k) && x.waitNanos(k) >= threshold[x.opId(k)]) {
                outliers.add(k);
                outlierNanos += x.waitNanos(k);
                byOp.merge(x.op(k), 1, Integer::sum);
            }
        }
        if (outliers.isEmpty()) {
            return Finding.ok(this, "No request took " + FACTOR + "× its operation's median and over "
                    + Durations.format(FLOOR_NANOS) + ".");
        }
        outliers.sort((a, b) -> Long.compare(x.waitNanos(b), x.waitNanos(a)));
        long total = in.totalWaitNanos();
        double share = (double) outlierNanos / Math.max(1, total);
        int worst = outliers.get(0);
        OperationStats worstOp = in.operation(x.op(worst));
        StringBuilder ops = new StringBuilder();
        byOp.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .forEach(e -> ops.append(ops.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
        String summary = Words.count(outliers.size(), "request") + " (" + ops + ") took over " + FACTOR
                + "× their operation's median: "
                + Durations.format(outlierNanos) + ", " + Durations.percent(share) + " of all request wait; the slowest, "
                + x.op(worst) + " at frame " + in.session().frame(x.index(worst)) + ", took "
                + Durations.format(x.waitNanos(worst)) + " (median " + Durations.format(worstOp.p50Nanos()) + ").";
        String explanation = "Outliers are stalls, not round trips a cache would remove: the server waited for its disk "
                + "or a lock, or the host did not run the server (or, for captures under emulation, the guest). "
                + "Their timestamps tell when to look at the server's logs and load.";
        String fix = "Check the server's storage and load at the times of these requests; if they cluster, look for "
                + "a periodic job (writeback, snapshots) on the server host.";
        List<Integer> evidence = outliers.stream().limit(Evidence.LIMIT).map(x::index).toList();
        return Finding.scored(this, Score.of(share, INFO_SHARE, WARNING_SHARE), summary, explanation, fix, outlierNanos,
                Evidence.messages(evidence));
    }
}
