package io.lookaside.analysis;

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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-message cost of the streaming analysis on a real sample: the lifecycles stream fed the
 * whole session in batches of {@code batch} rows (as a live capture hands them over), against
 * the same pass fed at once; and what a snapshot of the whole settled session costs (the
 * lifecycles copied, then the models, statistics and rules over it). Scores are per message
 * ({@link OperationsPerInvocation}): the gcc sample over cache=none has 107 728. Run it as
 * docs/performance.md says, with {@code org.openjdk.jmh.Main LiveAnalysisBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LiveAnalysisBenchmark {
    static final int MESSAGES = 107_728;

    @Param({"1000"})
    public int batch;

    private Session session;
    private Session[] prefixes;
    private LiveAnalysis settled;
    private Lifecycles.Stream completed;

    @Setup
    public void load() throws CaptureException {
        session = SessionLoader.load(Samples.path("a-v9fs-gccsplit-srccachenone.pcap.gz"), CaptureOptions.DEFAULT,
                LoadMonitor.NONE);
        if (session.size() != MESSAGES) {
            throw new IllegalStateException("expected " + MESSAGES + " messages, got " + session.size());
        }
        prefixes = new Session[(session.size() + batch - 1) / batch];
        for (int k = 0; k < prefixes.length; k++) {
            prefixes[k] = session.prefix(Math.min(session.size(), (k + 1) * batch));
        }
        settled = new LiveAnalysis();
        settled.complete(session);
        completed = new Lifecycles.Stream();
        completed.update(session, true);
    }

    /** The lifecycles stream fed batch by batch, then completed. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int lifecyclesStreamInBatches() {
        Lifecycles.Stream stream = new Lifecycles.Stream();
        for (Session p : prefixes) {
            stream.update(p, false);
        }
        return stream.update(session, true);
    }

    /** The same pass fed at once, as {@link Lifecycles#of} does for a loaded capture. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public Lifecycles lifecyclesAtOnce() {
        return Lifecycles.of(session);
    }

    /** A snapshot of the lifecycles only (copies of every lifetime and per-message column). */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public Lifecycles lifecyclesSnapshot() {
        return completed.snapshot();
    }

    /** A whole snapshot: the lifecycles copied, then statistics, every model and profile, and the rules. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public Analysis analysisSnapshot() {
        return settled.snapshot();
    }
}
