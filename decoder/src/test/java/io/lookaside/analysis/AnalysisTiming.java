package io.lookaside.analysis;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.report.Report;
import io.lookaside.report.ReportBuilder;
import io.lookaside.report.ReportJson;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import io.lookaside.whatif.Models;
import io.lookaside.whatif.Outcome;
import io.lookaside.whatif.Profiles;
import io.lookaside.whatif.WhatIfModel;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times what a report costs besides the what-if models' own simulations (a main, not a JMH
 * benchmark: it takes captures of any size). Loads the capture once, then per run: the
 * lifecycles pass, and {@link Analyzer#analyze} with every model replaced by a recording of its
 * outcomes (simulated once, before the first run), so that what is timed is the analysis
 * around the models: request facts, wall-clock index, type counts, {@code Savings} of every
 * outcome, profiles, rules; then the report builder and the JSON writer. CPU is summed over
 * every thread (the engine works on the common fork-join pool). Run it as
 * docs/performance.md says:
 * <pre>
 * java -cp decoder/target/test-classes:decoder/target/classes:$(cat decoder/target/cp.txt) \
 *      io.lookaside.analysis.AnalysisTiming bench/out/replay-200MB.pcap [RUNS]
 * </pre>
 */
public final class AnalysisTiming {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AnalysisTiming() {
    }

    public static void main(String[] args) throws CaptureException, IOException {
        Session s = SessionLoader.load(Path.of(args[0]), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Lifecycles first = Lifecycles.of(s);
        List<WhatIfModel> recorded = Models.ALL.stream().<WhatIfModel>map(Recorded::new).toList();
        Analyzer.analyze(s, first, recorded, Profiles.ALL, Rules.ALL);
        System.out.printf("%d messages; models recorded%n", s.size());
        for (int r = 1; r <= runs; r++) {
            long c0 = cpu();
            Lifecycles l = Lifecycles.of(s);
            long c1 = cpu();
            Analysis a = Analyzer.analyze(s, l, recorded, Profiles.ALL, Rules.ALL);
            long c2 = cpu();
            Report report = ReportBuilder.build(a, ReportBuilder.Options.DEFAULT);
            long c3 = cpu();
            ReportJson.write(report, OutputStream.nullOutputStream());
            long c4 = cpu();
            System.out.printf("run %d: lifecycles %.3f s, analysis without models %.3f s, report builder %.3f s, "
                            + "json %.3f s (CPU, all threads)%n",
                    r, (c1 - c0) / 1e9, (c2 - c1) / 1e9, (c3 - c2) / 1e9, (c4 - c3) / 1e9);
        }
    }

    /** CPU time of every live Java thread so far. */
    private static long cpu() {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }

    /** A model whose outcomes are simulated once per window and then replayed. */
    private static final class Recorded implements WhatIfModel {
        private final WhatIfModel model;
        private final Map<Long, Outcome> outcomes = new ConcurrentHashMap<>();

        Recorded(WhatIfModel model) {
            this.model = model;
        }

        @Override
        public String id() {
            return model.id();
        }

        @Override
        public String title() {
            return model.title();
        }

        @Override
        public String assumptions() {
            return model.assumptions();
        }

        @Override
        public Set<Protocol> protocols() {
            return model.protocols();
        }

        @Override
        public boolean windowed() {
            return model.windowed();
        }

        @Override
        public boolean applicable(Session session) {
            return model.applicable(session);
        }

        @Override
        public List<String> remarks(Session session) {
            return model.remarks(session);
        }

        @Override
        public Outcome simulate(Session session, Lifecycles lifecycles, long windowNanos) {
            return outcomes.computeIfAbsent(windowNanos, w -> model.simulate(session, lifecycles, w));
        }

        @Override
        public List<Outcome> simulate(Session session, Lifecycles lifecycles, List<Long> windowsNanos) {
            List<Long> missing = windowsNanos.stream().filter(w -> !outcomes.containsKey(w)).toList();
            if (!missing.isEmpty()) {
                List<Outcome> fresh = model.simulate(session, lifecycles, missing);
                for (int k = 0; k < missing.size(); k++) {
                    outcomes.put(missing.get(k), fresh.get(k));
                }
            }
            List<Outcome> out = new ArrayList<>();
            for (long w : windowsNanos) {
                out.add(outcomes.get(w));
            }
            return out;
        }
    }
}
