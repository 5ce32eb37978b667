package io.lookaside.whatif;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Thread CPU of each 9P model over the sweep's windows in one call (as the what-if engine runs
 * them), on any capture, with a digest of every outcome so that two builds can be compared:
 * {@code ModelCpu FILE [ROUNDS] [model-id,...]}. A main, not a JMH benchmark (docs/performance.md).
 */
public final class ModelCpu {
    private ModelCpu() {
    }

    public static void main(String[] args) throws CaptureException {
        Session s = SessionLoader.load(Path.of(args[0]), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        Lifecycles l = Lifecycles.of(s);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of();
        List<Long> windows = new ArrayList<>(Windows.SWEEP);
        windows.add(NinePModels.WRITEBACK_DELAY);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (WhatIfModel m : NinePModels.ALL) {
            if (!only.isEmpty() && !only.contains(m.id())) {
                continue;
            }
            List<Long> ws = m.windowed() ? windows : List.of(Windows.INFINITE);
            StringBuilder times = new StringBuilder();
            List<Outcome> outcomes = null;
            for (int r = 0; r < rounds; r++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                outcomes = m.simulate(s, l, ws);
                times.append(String.format(" %.3f", (cpu.getCurrentThreadCpuTime() - t0) / 1e9));
            }
            System.out.printf("%-22s cpu s:%s%n", m.id(), times);
            for (int w = 0; w < ws.size(); w++) {
                Outcome o = outcomes.get(w);
                System.out.printf("  %-8s eliminated %d/%08x unblocked %d/%08x stale %d/%08x%n", Windows.label(ws.get(w)),
                        o.eliminated().cardinality(), o.eliminated().hashCode(), o.unblocked().cardinality(),
                        o.unblocked().hashCode(), o.stale().cardinality(), o.stale().hashCode());
            }
        }
    }
}
