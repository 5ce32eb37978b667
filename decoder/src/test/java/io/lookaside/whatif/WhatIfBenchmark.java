package io.lookaside.whatif;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the lifecycles pass and of every 9P model on the largest sample (the gcc build over
 * cache=none, 107 728 messages). Run it as {@code PcapSourceBenchmark} says, with
 * {@code org.openjdk.jmh.Main WhatIfBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WhatIfBenchmark {
    private Session session;
    private Lifecycles lifecycles;

    @Setup
    public void load() throws CaptureException {
        session = SessionLoader.load(Samples.path("a-v9fs-gccsplit-srccachenone.pcap.gz"), CaptureOptions.DEFAULT,
                LoadMonitor.NONE);
        lifecycles = Lifecycles.of(session);
    }

    @Benchmark
    public Lifecycles lifecycles() {
        return Lifecycles.of(session);
    }

    @Benchmark
    public int everyNinePModelAtInfinity() {
        int n = 0;
        for (WhatIfModel m : NinePModels.ALL) {
            n += m.simulate(session, lifecycles, Windows.INFINITE).eliminated().cardinality();
        }
        return n;
    }
}
