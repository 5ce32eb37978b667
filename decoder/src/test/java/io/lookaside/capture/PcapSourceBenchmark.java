package io.lookaside.capture;

import io.lookaside.Samples;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the capture layer alone (reading records, link layers, TCP reassembly, 9P
 * framing) on the uncompressed busybox sample, 30 405 frames and 30 288 messages, into a sink
 * that only counts; {@code reader} is {@code fast} (the pure-Java reader, what Lookaside uses)
 * or {@code libpcap} (every record through libpcap and pcap4j, the reference). Run it with
 * <pre>
 * mvn -o -q -pl decoder test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp decoder/target/test-classes:decoder/target/classes:$(cat decoder/target/cp.txt) \
 *      -Dlookaside.samples=samples org.openjdk.jmh.Main PcapSourceBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PcapSourceBenchmark {
    @Param({"fast", "libpcap"})
    public String reader;

    private Path pcap;

    @Setup
    public void decompress() throws IOException {
        pcap = Files.createTempFile("lookaside-bench-", ".pcap");
        Files.write(pcap, PcapFiles.content(Samples.path("a-v9fs-busybox-cachenone.pcap.gz")));
    }

    @TearDown
    public void delete() throws IOException {
        Files.deleteIfExists(pcap);
    }

    @Benchmark
    public long readAndFrame() throws CaptureException {
        long[] count = new long[1];
        PcapSource source = reader.equals("fast") ? new PcapSource(pcap, CaptureOptions.DEFAULT)
                : PcapSource.libpcapOnly(pcap, CaptureOptions.DEFAULT);
        source.read(new MessageSink() {
            @Override
            public void connection(int conn, Protocol protocol, String id) {
            }

            @Override
            public void message(int conn, boolean fromClient, long frame, long tsNanos, ByteBuffer bytes, int flags) {
                count[0] += bytes.remaining();
            }

            @Override
            public void diagnostic(Diagnostic diagnostic) {
            }
        }, LoadMonitor.NONE);
        return count[0];
    }
}
