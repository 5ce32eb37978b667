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

    /** Rules whose findings are scored by the wait they concern: all but setup errors and handle leaks. */
    static boolean scoredByWait(Rule rule) {
        return !(rule instanceof SetupErrorsRule) && !(rule instanceof HandleLeaksRule);
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
