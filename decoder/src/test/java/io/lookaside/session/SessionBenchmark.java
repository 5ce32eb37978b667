package io.lookaside.session;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.capture.PcapSource;
import io.lookaside.capture.Protocol;
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
 * The session on the busybox sample (30 288 messages): {@code correlate} feeds the messages,
 * already cut, into a {@link SessionBuilder} (columns, tag correlation, the store with its
 * temporary file) and builds the session; {@code message} decodes every row again from the
 * store, as the analyses and the GUI do. Scores are nanoseconds per message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SessionBenchmark {
    static final int MESSAGES = 30_288;
    private RecordingSink recorded;
    private Session session;

    @Setup
    public void load() throws Exception {
        recorded = new RecordingSink();
        new PcapSource(Samples.path("a-v9fs-busybox-cachenone.pcap.gz"), CaptureOptions.DEFAULT)
                .read(recorded, LoadMonitor.NONE);
        if (recorded.messages.size() != MESSAGES) {
            throw new IllegalStateException("expected " + MESSAGES + " messages, got " + recorded.messages.size());
        }
        session = correlate();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public Session correlate() {
        SessionBuilder b = new SessionBuilder("bench");
        for (int c = 0; c < recorded.connections.size(); c++) {
            b.connection(c, Protocol.NINEP, recorded.connections.get(c));
        }
        for (RecordingSink.Message m : recorded.messages) {
            b.message(m.conn(), m.fromClient(), m.frame(), m.tsNanos(), ByteBuffer.wrap(m.bytes()), m.flags());
        }
        return b.build();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void message(Blackhole bh) {
        for (int i = 0; i < session.size(); i++) {
            bh.consume(session.message(i));
        }
    }
}
