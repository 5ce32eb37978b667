package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Operations that are slow every time, not now and then: request types whose median wait is
 * at least {@link #FACTOR} times the median of all requests. These are costs of the server (a
 * write synced to disk, a slow backing store) that no client cache removes.
 */
public final class SlowOperationsRule implements Rule {
    static final double INFO_SHARE = 0.10;
    static final double WARNING_SHARE = 0.40;
    static final int FACTOR = 10;
    /** Fewer answered requests than this say little about an operation's typical wait. */
    static final int MIN_COUNT = 5;

    @Override
    public String id() {
        return "slow-operations";
    }

    @Override
    public String title() {
        return "Slow operations";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP, Protocol.FUSE);
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Exchanges x = in.exchanges();
        long[] all = new long[x.size()];
        int n = 0;
        for (int k = 0; k < x.size(); k++) {
            if (x.answered(k)) {
                all[n++] = x.waitNanos(k);
            }
        }
        if (n == 0) {
            return Finding.ok(this, "No request was answered.");
        }
        int middle = Percentiles.rank(50, n);
        Percentiles.select(all, 0, n, middle);
        long median = all[middle];
        long total = in.totalWaitNanos();
        List<OperationStats> slow = new ArrayList<>();
        long slowNanos = 0;
        for (OperationStats o : in.operations()) {
            if (o.answered() >= MIN_COUNT && o.p50Nanos() >= FACTOR * Math.max(1, median)) {
                slow.add(o);
                slowNanos += o.totalNanos();
            }
        }
        if (slow.isEmpty()) {
            return Finding.ok(this, "No operation is typically " + FACTOR + "× slower than the median request ("
                    + Durations.format(median) + ").");
        }
        double share = (double) slowNanos / Math.max(1, total);
        StringBuilder ops = new StringBuilder();
        for (OperationStats o : slow) {
            if (ops.length() > 0) {
                ops.append("; ");
            }
            ops.append(o.op()).append(" median ").append(Durations.format(o.p50Nanos())).append(" (")
                    .append(o.p50Nanos() / Math.max(1, median)).append("×), ").append(o.answered()).append(" requests, ")
                    .append(Durations.format(o.totalNanos()));
        }
        String summary = ops + ": " + Durations.percent(share) + " of all request wait; the median request takes "
                + Durations.format(median) + ".";
        String explanation = "These requests are slow at the server every time, not only now and then: the time goes "
                + "into the server's own work (a write or fsync reaching the disk, a slow backing store, a lock) "
                + "rather than into round trips, so caching names or attributes does not shorten it.";
        String fix = "Look at the server for these operations (its storage, sync-on-write settings, load); for writes, "
                + "a client page cache that writes back asynchronously (9P cache=loose or cache=mmap; FUSE "
                + "writeback_cache) takes them off the application's path.";
        List<Integer> evidence = slowest(in, slow);
        return Finding.scored(this, Score.of(share, INFO_SHARE, WARNING_SHARE), summary, explanation, fix, slowNanos,
                Evidence.messages(evidence));
    }

    /** The slowest requests of the slow operations, slowest first. */
    private static List<Integer> slowest(RuleInput in, List<OperationStats> slow) {
        Exchanges x = in.exchanges();
        List<String> names = slow.stream().map(OperationStats::op).toList();
        List<Integer> ks = new ArrayList<>();
        for (int k = 0; k < x.size(); k++) {
            if (x.answered(k) && names.contains(x.op(k))) {
                ks.add(k);
            }
        }
        ks.sort((a, b) -> Long.compare(x.waitNanos(b), x.waitNanos(a)));
        return ks.stream().limit(Evidence.LIMIT).map(x::index).toList();
    }
}
