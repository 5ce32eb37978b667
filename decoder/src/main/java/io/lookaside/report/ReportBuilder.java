package io.lookaside.report;

import io.lookaside.analysis.Analysis;
import io.lookaside.analysis.Identification;
import io.lookaside.analysis.Evidence;
import io.lookaside.analysis.Exchanges;
import io.lookaside.analysis.Finding;
import io.lookaside.analysis.OperationStats;
import io.lookaside.analysis.ProfileRun;
import io.lookaside.analysis.WhatIfRun;
import io.lookaside.analysis.WindowResult;
import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.LongIntMap;
import io.lookaside.session.Connection;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.whatif.Profile;
import io.lookaside.whatif.Windows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Turns an {@link Analysis} into the {@link Report} DTOs. */
public final class ReportBuilder {
    /** Connections listed by name; the count covers the rest. */
    static final int MAX_CONNECTIONS = 100;
    /** Diagnostics listed; the count covers the rest. */
    static final int MAX_DIAGNOSTICS = 20;

    /**
     * @param top       paths listed (the largest total wait first)
     * @param evidence  requests listed as evidence of each what-if model
     */
    public record Options(int top, int evidence) {
        public static final Options DEFAULT = new Options(20, 20);

        public Options {
            if (top < 0 || evidence < 0) {
                throw new IllegalArgumentException("top and evidence must not be negative");
            }
        }
    }

    private ReportBuilder() {
    }

    public static Report build(Analysis a, Options options) {
        Session s = a.session();
        Map<String, WhatIfEntry> whatIf = new LinkedHashMap<>();
        for (WhatIfRun run : a.whatIf()) {
            whatIf.put(run.model().id(), whatIf(s, run, options.evidence()));
        }
        Map<String, ProfileEntry> profiles = new LinkedHashMap<>();
        for (ProfileRun run : a.profiles()) {
            profiles.put(run.profile().id(), profile(run));
        }
        PathTable paths = PathTable.of(a);
        return new Report(Report.SCHEMA, capture(s, a.messageCounts(), a.identification()), totals(a, paths.known()),
                a.operations().stream().map(ReportBuilder::operation).toList(),
                paths.top(options.top()), whatIf, profiles,
                a.findings().stream().map(f -> finding(s, f)).toList());
    }

    static CaptureInfo capture(Session s, Map<String, Long> messageCounts, Identification identification) {
        Set<String> protocols = new LinkedHashSet<>();
        Set<String> dialects = new LinkedHashSet<>();
        long[] perConn = new long[s.connections().size()];
        String lastDialect = null;
        for (int i = 0; i < s.size(); i++) {
            perConn[s.conn(i)]++;
            String d = s.dialect(i);
            // Runs of one dialect: a set insertion per message is most of this loop.
            if (d != lastDialect) {
                dialects.add(d);
                lastDialect = d;
            }
        }
        List<CaptureInfo.ConnectionRow> conns = new ArrayList<>();
        for (Connection c : s.connections()) {
            protocols.add(c.protocol().key());
            if (conns.size() < MAX_CONNECTIONS) {
                conns.add(new CaptureInfo.ConnectionRow(c.id(), c.protocol().key(), perConn[c.index()]));
            }
        }
        List<CaptureInfo.DiagnosticRow> diags = new ArrayList<>();
        for (Diagnostic d : s.diagnostics()) {
            if (diags.size() == MAX_DIAGNOSTICS) {
                break;
            }
            diags.add(new CaptureInfo.DiagnosticRow(d.severity().name().toLowerCase(), d.frame(), d.text()));
        }
        long first = s.size() > 0 ? s.tsNanos(0) : 0;
        long last = s.size() > 0 ? s.tsNanos(s.size() - 1) : 0;
        Path name = Path.of(s.source()).getFileName();
        return new CaptureInfo(name == null ? s.source() : name.toString(), s.sourceKind(), List.copyOf(protocols),
                List.copyOf(dialects), s.connections().size(), conns, s.size(), first, last, last - first,
                s.truncated(), messageCounts, CapturePoints.of(s), identification, s.diagnostics().size(), diags);
    }

    private static Totals totals(Analysis a, long pathsKnown) {
        Exchanges x = a.exchanges();
        long answered = 0;
        long errors = 0;
        long wait = 0;
        LongIntMap requesters = new LongIntMap();
        Session s = a.session();
        for (int k = 0; k < x.size(); k++) {
            if (x.answered(k)) {
                answered++;
                wait += x.waitNanos(k);
            }
            if (x.error(k) != null) {
                errors++;
            }
            requesters.put(s.requester(x.index(k)), 0);
        }
        return new Totals(x.size(), answered, errors, wait, a.baseWallNanos(), requesters.size(), pathsKnown);
    }

    private static OperationRow operation(OperationStats o) {
        return new OperationRow(o.op(), o.count(), o.answered(), o.errorCount(), o.errors(), o.totalNanos(),
                o.meanNanos(), o.p50Nanos(), o.p90Nanos(), o.p99Nanos(), o.maxNanos(), o.bytes());
    }

    private static WhatIfEntry whatIf(Session s, WhatIfRun run, int evidence) {
        List<String> protocols = run.model().protocols().stream().sorted(Comparator.comparing(Protocol::ordinal))
                .map(Protocol::key).toList();
        if (!run.applicable()) {
            return new WhatIfEntry(run.model().title(), protocols, run.model().windowed(), run.model().assumptions(),
                    false, run.remarks(), null, null, null, null, Map.of(), null, List.of(),
                    refs(s, List.of(), List.of(), List.of(), List.of()));
        }
        WindowResult inf = run.atInfinity();
        List<WhatIfEntry.SweepPoint> sweep = new ArrayList<>();
        for (WindowResult r : run.sweep()) {
            sweep.add(new WhatIfEntry.SweepPoint(Windows.label(r.windowNanos()), windowNanos(r.windowNanos()),
                    r.savings().savedRoundTrips(), r.savings().savedRttNanos(), r.savings().savedWallNanos(),
                    r.savings().staleHits(), run.baseWallNanos() - r.savings().savedWallNanos()));
        }
        BitSet removed = (BitSet) inf.outcome().eliminated().clone();
        removed.or(inf.outcome().unblocked());
        List<Integer> messages = new ArrayList<>();
        for (int i = removed.nextSetBit(0); i >= 0 && i < s.size() && messages.size() < evidence; i = removed.nextSetBit(i + 1)) {
            if (s.direction(i) == Direction.REQUEST) {
                messages.add(i);
            }
        }
        return new WhatIfEntry(run.model().title(), protocols, run.model().windowed(), run.model().assumptions(),
                true, run.remarks(), inf.savings().savedRoundTrips(), inf.savings().savedRttNanos(),
                inf.savings().savedWallNanos(), inf.savings().staleHits(), inf.savings().removedByType(),
                run.projectedWallNanos(), sweep, refs(s, messages, List.of(), List.of(), List.of()));
    }

    private static ProfileEntry profile(ProfileRun run) {
        Profile p = run.profile();
        List<ProfileEntry.Step> steps = p.steps().stream()
                .map(st -> new ProfileEntry.Step(st.modelId(), Windows.label(st.windowNanos()), windowNanos(st.windowNanos())))
                .toList();
        if (!run.applicable()) {
            return new ProfileEntry(p.title(), p.description(), p.protocol().key(), steps, false, run.remarks(), null,
                    null, null, null, null, null);
        }
        return new ProfileEntry(p.title(), p.description(), p.protocol().key(), steps, true, run.remarks(),
                run.savings().savedRoundTrips(), run.savings().savedRttNanos(), run.savings().savedWallNanos(),
                run.savings().staleHits(), run.predictedCounts(), run.predictedWaitNanos());
    }

    private static FindingEntry finding(Session s, Finding f) {
        Evidence e = f.evidence();
        return new FindingEntry(f.rule(), f.title(), f.score(), f.severity().label(), f.summary(), f.explanation(),
                f.fix(), f.waitNanos(), refs(s, e.messages(), e.fids(), e.nodeids(), e.paths()));
    }

    private static EvidenceRefs refs(Session s, List<Integer> messages, List<Long> fids, List<Long> nodeids,
                                     List<String> paths) {
        List<Long> frames = new ArrayList<>();
        for (int i : messages) {
            frames.add(s.frame(i));
        }
        return new EvidenceRefs(frames, messages, fids, nodeids, paths);
    }

    private static Long windowNanos(long w) {
        return w == Windows.INFINITE ? null : w;
    }

    /**
     * Per-path accumulation over the requests whose path the lifecycles know: per path, the
     * counters below and then a count per operation id ({@link Exchanges#opId}).
     */
    private record PathTable(Map<String, long[]> stats, List<String> ops, long known) {
        private static final int COUNT = 0;
        private static final int ERRORS = 1;
        private static final int TOTAL = 2;
        private static final int MAX = 3;
        private static final int ANSWERED = 4;
        private static final int OPS = 5;

        static PathTable of(Analysis a) {
            Exchanges x = a.exchanges();
            Map<String, long[]> stats = new HashMap<>();
            int ops = x.ops().size();
            long known = 0;
            for (int k = 0; k < x.size(); k++) {
                String path = a.lifecycles().path(x.index(k));
                if (path == null) {
                    continue;
                }
                known++;
                long[] st = stats.computeIfAbsent(path, p -> new long[OPS + ops]);
                st[COUNT]++;
                if (x.error(k) != null) {
                    st[ERRORS]++;
                }
                if (x.answered(k)) {
                    st[ANSWERED]++;
                    st[TOTAL] += x.waitNanos(k);
                    st[MAX] = Math.max(st[MAX], x.waitNanos(k));
                }
                st[OPS + x.opId(k)]++;
            }
            return new PathTable(stats, x.ops(), known);
        }

        List<PathRow> top(int n) {
            return stats.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[TOTAL]).reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(n)
                    .map(e -> {
                        long[] st = e.getValue();
                        Map<String, Long> counts = new TreeMap<>();
                        for (int o = 0; o < ops.size(); o++) {
                            if (st[OPS + o] > 0) {
                                counts.merge(ops.get(o), st[OPS + o], Long::sum);
                            }
                        }
                        Map<String, Long> byOp = new LinkedHashMap<>();
                        counts.entrySet().stream()
                                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                                .forEach(o -> byOp.put(o.getKey(), o.getValue()));
                        return new PathRow(e.getKey(), st[COUNT], st[ERRORS], st[TOTAL],
                                st[ANSWERED] == 0 ? 0 : Math.round((double) st[TOTAL] / st[ANSWERED]), st[MAX], byOp);
                    })
                    .toList();
        }
    }
}
