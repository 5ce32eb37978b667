package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule reads: the session, its lifecycles and per-request facts, and the what-if results
 * (so that a finding can quote what a change would have saved).
 *
 * @param operations    per-operation wait statistics, the largest total first
 * @param baseWallNanos the capture's wall-clock wait (WallClock)
 * @param whatIf        the model runs by model id
 * @param identification the client and server or daemon, for fixes that fit them
 */
public record RuleInput(Session session, Lifecycles lifecycles, Exchanges exchanges, List<OperationStats> operations,
                        long baseWallNanos, Map<String, WhatIfRun> whatIf, Set<Protocol> protocols,
                        Identification identification) {

    /** A rule input whose client and server are told from the session. */
    public RuleInput(Session session, Lifecycles lifecycles, Exchanges exchanges, List<OperationStats> operations,
                     long baseWallNanos, Map<String, WhatIfRun> whatIf, Set<Protocol> protocols) {
        this(session, lifecycles, exchanges, operations, baseWallNanos, whatIf, protocols, Identification.of(session));
    }

    /** The sum of every answered request's wait. */
    public long totalWaitNanos() {
        return operations.stream().mapToLong(OperationStats::totalNanos).sum();
    }

    /** The statistics of one operation, or null when the capture has none. */
    public OperationStats operation(String op) {
        for (OperationStats o : operations) {
            if (o.op().equals(op)) {
                return o;
            }
        }
        return null;
    }

    /** The path message {@code i} concerns, or null when the lifecycles do not know it. */
    public String path(int i) {
        return lifecycles.path(i);
    }

    /** The what-if run of a model, or null when it did not run. */
    public WhatIfRun whatIf(String modelId) {
        return whatIf.get(modelId);
    }

    /**
     * What the what-if model {@code modelId} projects, as a sentence to end a fix with ("What-if
     * negative-dentry: this workload would wait 2.29 s instead of 2.33 s."), or "" when the model did
     * not run or saves too little to show.
     */
    public String projection(String modelId) {
        return projectionOf(modelId);
    }

    /** {@link #projection(String)} of each model that ran (a rule for both protocols names the model of each). */
    public String projection(String... modelIds) {
        StringBuilder b = new StringBuilder();
        for (String id : modelIds) {
            b.append(projectionOf(id));
        }
        return b.toString();
    }

    private String projectionOf(String modelId) {
        WhatIfRun run = whatIf.get(modelId);
        if (run == null || !run.applicable()) {
            return "";
        }
        String projected = Durations.format(run.projectedWallNanos());
        String base = Durations.format(baseWallNanos);
        // A saving too small to show in three digits is no argument.
        return projected.equals(base) ? ""
                : " What-if " + modelId + ": this workload would wait " + projected + " instead of " + base + ".";
    }

    /** The first {@link Evidence#LIMIT} of {@code indices}. */
    public static List<Integer> firstFew(List<Integer> indices) {
        return indices.size() <= Evidence.LIMIT ? indices : indices.subList(0, Evidence.LIMIT);
    }
}
