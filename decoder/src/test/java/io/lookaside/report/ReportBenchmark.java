package io.lookaside.report;

import io.lookaside.Samples;
import io.lookaside.analysis.Analysis;
import io.lookaside.analysis.Analyzer;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The report path after loading: the analysis (lifecycles, per-request facts, every model over
 * the sweep, profiles, rules) and the JSON and HTML writers, on a loaded sample (the largest 9P
 * sample has 107 728 messages). Run it with
 * <pre>
 * mvn -o -q -pl decoder test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp decoder/target/test-classes:decoder/target/classes:$(cat decoder/target/cp.txt) \
 *      -Dlookaside.samples=samples org.openjdk.jmh.Main ReportBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReportBenchmark {
    @Param({"a-v9fs-gccsplit-srccachenone.pcap.gz", "b-fuse-bindfs.fusedump.gz"})
    public String sample;

    private Session session;
    private Analysis analysis;

    @Setup
    public void load() throws CaptureException {
        session = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        analysis = Analyzer.analyze(session);
    }

    @Benchmark
    public Analysis analyze() {
        return Analyzer.analyze(session);
    }

    @Benchmark
    public long writeJsonAndHtml() throws IOException {
        Report r = ReportBuilder.build(analysis, ReportBuilder.Options.DEFAULT);
        Counting out = new Counting();
        ReportJson.write(r, out);
        ReportHtml.write(r, out);
        return out.n;
    }

    /** Counts bytes and keeps none. */
    private static final class Counting extends OutputStream {
        long n;

        @Override
        public void write(int b) {
            n++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            n += len;
        }
    }
}
