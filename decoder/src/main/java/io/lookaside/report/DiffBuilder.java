package io.lookaside.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Compares two reports. */
public final class DiffBuilder {
    private DiffBuilder() {
    }

    public static Diff build(Report a, Report b) {
        Diff.Totals totals = new Diff.Totals(
                Diff.Delta.of(a.totals().requests(), b.totals().requests()),
                Diff.Delta.of(a.totals().errors(), b.totals().errors()),
                Diff.Delta.of(a.totals().waitNanos(), b.totals().waitNanos()),
                Diff.Delta.of(a.totals().wallNanos(), b.totals().wallNanos()));
        Map<String, OperationRow> opsA = byOp(a.operations());
        Map<String, OperationRow> opsB = byOp(b.operations());
        Set<String> names = new LinkedHashSet<>(opsA.keySet());
        names.addAll(opsB.keySet());
        List<Diff.Operation> ops = new ArrayList<>();
        for (String op : names) {
            OperationRow x = opsA.get(op);
            OperationRow y = opsB.get(op);
            // A mean exists only where some request was answered (FORGET never is).
            ops.add(new Diff.Operation(op, delta(x, y, OperationRow::count), delta(x, y, OperationRow::totalNanos),
                    delta(x, y, r -> r.answered() == 0 ? null : r.meanNanos())));
        }
        // The operations that weigh most on either side first.
        ops.sort(Comparator.comparingLong((Diff.Operation o) -> Math.max(orZero(o.totalNanos().a()), orZero(o.totalNanos().b())))
                .reversed().thenComparing(Diff.Operation::op));
        Map<String, Diff.Model> models = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>(a.whatIf().keySet());
        ids.addAll(b.whatIf().keySet());
        for (String id : ids) {
            WhatIfEntry x = a.whatIf().get(id);
            WhatIfEntry y = b.whatIf().get(id);
            models.put(id, new Diff.Model(x != null ? x.title() : y.title(), delta(x, y, WhatIfEntry::savedRoundTrips),
                    delta(x, y, WhatIfEntry::savedWallNanos), delta(x, y, WhatIfEntry::staleHits),
                    delta(x, y, WhatIfEntry::projectedWallNanos)));
        }
        Map<String, Diff.ProfileDelta> profiles = new LinkedHashMap<>();
        Set<String> pids = new LinkedHashSet<>(a.profiles().keySet());
        pids.addAll(b.profiles().keySet());
        for (String id : pids) {
            ProfileEntry x = a.profiles().get(id);
            ProfileEntry y = b.profiles().get(id);
            profiles.put(id, new Diff.ProfileDelta(x != null ? x.title() : y.title(),
                    delta(x, y, ProfileEntry::savedRoundTrips), delta(x, y, ProfileEntry::savedWallNanos),
                    delta(x, y, ProfileEntry::predictedWaitNanos)));
        }
        return new Diff(Diff.SCHEMA, a, b, totals, ops, models, profiles);
    }

    private static Map<String, OperationRow> byOp(List<OperationRow> rows) {
        Map<String, OperationRow> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.op(), r));
        return m;
    }

    private static <T> Diff.Delta delta(T a, T b, Function<T, Long> f) {
        return Diff.Delta.of(a == null ? null : f.apply(a), b == null ? null : f.apply(b));
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
