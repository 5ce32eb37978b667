package io.lookaside.tcp;

import io.lookaside.Samples;
import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.MessageSink;
import io.lookaside.capture.PcapFiles;
import io.lookaside.capture.Protocol;
import io.lookaside.net.LinkType;
import io.lookaside.net.Packet;
import io.lookaside.net.PacketParser;
import java.nio.ByteBuffer;
import java.util.List;
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

/**
 * Link-layer parsing, TCP reassembly and 9P framing without any file reading: the 30 405 frames
 * of the busybox sample, already in memory, through {@link PacketParser} and
 * {@link FlowTracker} into a sink that only counts. The score is nanoseconds per frame.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FlowTrackerBenchmark {
    static final int FRAMES = 30_405;
    private byte[][] frames;
    private long[] ts;

    @Setup
    public void load() throws Exception {
        List<PcapFiles.Record> records = PcapFiles.read(Samples.path("a-v9fs-busybox-cachenone.pcap.gz")).records();
        if (records.size() != FRAMES) {
            throw new IllegalStateException("expected " + FRAMES + " frames, got " + records.size());
        }
        frames = records.stream().map(PcapFiles.Record::data).toArray(byte[][]::new);
        ts = records.stream().mapToLong(PcapFiles.Record::tsNanos).toArray();
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long reassembleAndFrame() {
        Counter sink = new Counter();
        FlowTracker tracker = new FlowTracker(sink, 0, TrackerLimits.DEFAULT);
        Packet p = new Packet();
        for (int i = 0; i < frames.length; i++) {
            byte[] a = frames[i];
            if (PacketParser.parse(a, a.length, LinkType.EN10MB, p) == PacketParser.TCP) {
                tracker.tcp(p, a, i + 1, ts[i]);
            }
        }
        tracker.finish();
        return sink.bytes;
    }

    /** Counts what it is given. */
    static final class Counter implements MessageSink {
        long bytes;

        @Override
        public void connection(int conn, Protocol protocol, String id) {
        }

        @Override
        public void message(int conn, boolean fromClient, long frame, long tsNanos, ByteBuffer b, int flags) {
            bytes += b.remaining();
        }

        @Override
        public void diagnostic(Diagnostic diagnostic) {
        }
    }
}
