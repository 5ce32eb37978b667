package io.lookaside.analysis;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the analysis derived from one capture: messages per type name, per-request facts and
 * per-operation statistics, the wall-clock wait, every
 * applicable what-if model over the sweep, every applicable profile, and the findings (sorted by
 * score, highest first). Reports and the workbench read this; nothing here is recomputed.
 */
public record Analysis(Session session, Lifecycles lifecycles, Exchanges exchanges, Map<String, Long> messageCounts,
                       List<OperationStats> operations, long baseWallNanos, List<WhatIfRun> whatIf,
                       List<ProfileRun> profiles, List<Finding> findings, Identification identification) {

    public Analysis {
        messageCounts = Collections.unmodifiableMap(new TreeMap<>(messageCounts));
        operations = List.copyOf(operations);
        whatIf = List.copyOf(whatIf);
        profiles = List.copyOf(profiles);
        findings = List.copyOf(findings);
    }
}
