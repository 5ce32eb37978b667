package io.lookaside.ninep;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.capture.PcapSource;
import io.lookaside.capture.RecordingSink;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The 9P decoder alone: every message of the busybox sample (30 288 messages, a metadata-heavy
 * mix of Twalk, Tgetattr/Rgetattr, Tlopen, Tclunk, Treaddir), decoded from heap buffers. The
 * score is nanoseconds per message. Run it as docs/performance.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NinePDecoderBenchmark {
    static final int MESSAGES = 30_288;
    private ByteBuffer[] messages;

    @Setup
    public void load() throws Exception {
        RecordingSink sink = new RecordingSink();
        new PcapSource(Samples.path("a-v9fs-busybox-cachenone.pcap.gz"), CaptureOptions.DEFAULT).read(sink, LoadMonitor.NONE);
        if (sink.messages.size() != MESSAGES) {
            throw new IllegalStateException("expected " + MESSAGES + " messages, got " + sink.messages.size());
        }
        messages = sink.messages.stream().map(m -> ByteBuffer.wrap(m.bytes()).asReadOnlyBuffer())
                .toArray(ByteBuffer[]::new);
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void decode(Blackhole bh) {
        for (ByteBuffer m : messages) {
            bh.consume(NinePDecoder.decode(m, Dialect.P9P2000_L));
        }
    }
}
