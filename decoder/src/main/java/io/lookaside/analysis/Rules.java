package io.lookaside.analysis;

import java.util.List;

/** Every rule, listed explicitly (no ServiceLoader, no reflection), in the order ties are shown. */
public final class Rules {
    public static final List<Rule> ALL = List.of(
            new SetupErrorsRule(),
            new NegativeLookupsRule(),
            new RepeatedReadlinksRule(),
            new SynchronousClunksRule(),
            new CloneOpenRule(),
            new SmallRequestsRule(),
            new UnusedCapabilitiesRule(),
            new HandleLeaksRule(),
            new ErrorStormsRule(),
            new SlowOperationsRule(),
            new LatencyOutliersRule());

    private Rules() {
    }

    /** The rule with this id, or null. */
    public static Rule byId(String id) {
        for (Rule r : ALL) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
