package io.lookaside.analysis;

import java.util.Map;
import java.util.TreeMap;

/**
 * Messages per type name ({@code Twalk}, {@code Rlerror}, {@code LOOKUP}): what is left of them. They are
 * counted by {@link io.lookaside.whatif.Savings.Types}.
 */
final class TypeCounts {
    private TypeCounts() {
    }

    /** {@code real} minus {@code removed} per name; names removed entirely stay with 0. */
    static Map<String, Long> minus(Map<String, Long> real, Map<String, Long> removed) {
        Map<String, Long> left = new TreeMap<>(real);
        removed.forEach((name, n) -> left.merge(name, -n, Long::sum));
        return left;
    }

    /** {@code counts} plus {@code added} per name (messages a change sends that the capture does not hold). */
    static Map<String, Long> plus(Map<String, Long> counts, Map<String, Long> added) {
        Map<String, Long> all = new TreeMap<>(counts);
        added.forEach((name, n) -> all.merge(name, n, Long::sum));
        return all;
    }
}
