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
import java.util.Arrays;
import java.util.List;

/**
 * The CPU one thread spends simulating each named model at every window of the sweep, in one
 * call as the what-if engine makes it, on a capture of any size (a main, not a JMH benchmark).
 * Prints one line per model and run; compare the best of several runs. For example:
 * <pre>
 * java -cp decoder/target/test-classes:decoder/target/classes:$(cat decoder/target/cp.txt) \
 *      io.lookaside.whatif.ModelCpu bench/out/replay-200MB.pcap 3 positive-dentry negative-dentry
 * </pre>
 */
public final class ModelCpu {
    private ModelCpu() {
    }

    public static void main(String[] args) throws CaptureException {
        Session s = SessionLoader.load(Path.of(args[0]), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        Lifecycles l = Lifecycles.of(s);
        int runs = Integer.parseInt(args[1]);
        List<String> ids = Arrays.asList(args).subList(2, args.length);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 1; r <= runs; r++) {
            for (String id : ids) {
                WhatIfModel m = Models.byId(id);
                long cpu = threads.getCurrentThreadCpuTime();
                List<Outcome> outcomes = m.simulate(s, l, Windows.SWEEP);
                cpu = threads.getCurrentThreadCpuTime() - cpu;
                long eliminated = outcomes.stream().mapToLong(o -> o.eliminated().cardinality()).sum();
                System.out.printf("run %d %-22s %7.0f ms CPU  (%d eliminated over %d windows)%n", r, id, cpu / 1e6,
                        eliminated, outcomes.size());
            }
        }
    }
}
