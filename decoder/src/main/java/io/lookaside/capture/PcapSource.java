package io.lookaside.capture;

import io.lookaside.net.LinkType;
import io.lookaside.net.Packet;
import io.lookaside.net.PacketParser;
import io.lookaside.tcp.FlowTracker;
import io.lookaside.tcp.TrackerLimits;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.concurrent.TimeoutException;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/**
 * pcap and pcapng files (optionally gzip-compressed) through libpcap, via pcap4j's raw read
 * path only: {@code pcap_next_ex} hands each record's bytes over as a {@code byte[]} and
 * Lookaside parses link layer, IP and TCP itself ({@link PacketParser}); pcap4j's Packet
 * object tree is never built.
 *
 * <p>Per record pcap4j still allocates the {@code byte[]} copy of the packet, two JNA
 * {@code PointerByReference}s (each a small native allocation), a {@code Timestamp} and a boxed
 * original length. That is its floor; nothing else is allocated per packet on the way to the
 * sink.
 *
 * <p>Frame numbers count every record from 1, as Wireshark does. Timestamps are epoch
 * nanoseconds: the file is opened with nanosecond precision, or libpcap would round them to
 * microseconds.
 */
public final class PcapSource implements CaptureSource {
    /** The most a gzip-compressed capture may decompress to. */
    public static final long MAX_DECOMPRESSED = 64L << 30;
    private static final int CHECK_EVERY = 1024;
    /** Per-record overhead of a classic pcap file, for progress (pcapng's differs a little). */
    private static final int RECORD_HEADER = 16;

    private final Path path;
    private final CaptureOptions options;
    private final long maxDecompressed;
    private final TrackerLimits limits;
    private final Path tempDir;

    public PcapSource(Path path, CaptureOptions options) {
        this(path, options, MAX_DECOMPRESSED, TrackerLimits.DEFAULT, Path.of(System.getProperty("java.io.tmpdir")));
    }

    PcapSource(Path path, CaptureOptions options, long maxDecompressed, TrackerLimits limits, Path tempDir) {
        this.path = path;
        this.options = options;
        this.maxDecompressed = maxDecompressed;
        this.limits = limits;
        this.tempDir = tempDir;
    }

    @Override
    public void read(MessageSink sink, LoadMonitor monitor) throws CaptureException {
        if (!InputFiles.isGzip(path)) {
            long size;
            try {
                size = Files.size(path);
            } catch (IOException e) {
                throw InputFiles.unreadable(path, e);
            }
            readPcap(path, sink, new Progress(monitor, 0, size, size));
            return;
        }
        try (GzipSpool spool = GzipSpool.decompress(path, maxDecompressed, tempDir, monitor)) {
            long compressed = Files.size(path);
            if (spool.limitHit) {
                sink.diagnostic(new Diagnostic(Diagnostic.Severity.ERROR, 0, -1, path.getFileName()
                        + " decompresses to more than " + maxDecompressed + " bytes: only the first "
                        + maxDecompressed + " were read; decompress it yourself (gunzip) to read all of it"));
                sink.truncated();
            }
            if (spool.cut != null) {
                sink.diagnostic(Diagnostic.warning(0, -1, path.getFileName() + ": " + spool.cut
                        + "; decoded up to there"));
                sink.truncated();
            }
            if (monitor.cancelled()) {
                return;
            }
            boolean quietAboutCut = spool.cut != null || spool.limitHit;
            readPcap(spool.file, sink, new Progress(monitor, compressed / 2, compressed - compressed / 2,
                    Math.max(1, spool.size)), quietAboutCut);
        } catch (IOException e) {
            throw InputFiles.unreadable(path, e);
        }
    }

    private void readPcap(Path file, MessageSink sink, Progress progress) throws CaptureException {
        readPcap(file, sink, progress, false);
    }

    /** {@code quietAboutCut}: the spool was already reported cut, so a cut last record is expected. */
    private void readPcap(Path file, MessageSink sink, Progress progress, boolean quietAboutCut) throws CaptureException {
        PcapHandle handle = open(file);
        try {
            int dlt = handle.getDlt().value();
            if (!LinkType.supported(dlt)) {
                throw new CaptureException(path + ": link type " + dlt + " (" + handle.getDlt().name()
                        + ") is not supported; Lookaside reads " + LinkType.supportedNames());
            }
            loop(handle, dlt, sink, progress, quietAboutCut);
        } finally {
            handle.close();
        }
    }

    private PcapHandle open(Path file) throws CaptureException {
        try {
            return Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        } catch (PcapNativeException e) {
            throw new CaptureException(path + ": not a pcap or pcapng file libpcap can read (" + e.getMessage() + ")", e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new CaptureException("libpcap is not installed, and pcap4j needs it to read " + path
                    + " (Debian: apt-get install libpcap0.8)", e);
        }
    }

    private void loop(PcapHandle handle, int dlt, MessageSink sink, Progress progress, boolean quietAboutCut) {
        FlowTracker tracker = new FlowTracker(sink, options.ninePPort(), limits);
        Packet packet = new Packet();
        RecordProblems problems = new RecordProblems(sink);
        long frame = 0;
        long bytes = 0;
        while (true) {
            byte[] data;
            try {
                data = handle.getNextRawPacketEx();
            } catch (EOFException e) {
                break;
            } catch (TimeoutException e) {
                continue; // only live captures time out
            } catch (PcapNativeException e) {
                // libpcap stops at a damaged or cut record: everything before it counts.
                if (!quietAboutCut) {
                    String what = String.valueOf(e.getMessage());
                    sink.diagnostic(Diagnostic.warning(frame + 1, -1, path.getFileName() + ": record " + (frame + 1)
                            + " cannot be read (" + what + "); decoded the " + frame + " records before it"));
                }
                sink.truncated();
                break;
            } catch (NotOpenException e) {
                throw new IllegalStateException(e);
            }
            frame++;
            Timestamp t = handle.getTimestamp();
            long ts = Math.floorDiv(t.getTime(), 1000L) * 1_000_000_000L + t.getNanos();
            switch (PacketParser.parse(data, data.length, dlt, packet)) {
                case PacketParser.TCP -> tracker.tcp(packet, data, frame, ts);
                case PacketParser.VSOCK -> tracker.vsock(packet, data, frame, ts);
                case PacketParser.FRAGMENT -> problems.fragment(frame);
                case PacketParser.MALFORMED -> problems.malformed(frame, packet.problem());
                default -> {
                }
            }
            bytes += data.length + RECORD_HEADER;
            if (frame % CHECK_EVERY == 0) {
                progress.at(bytes);
                if (progress.cancelled()) {
                    return;
                }
            }
        }
        tracker.finish();
        problems.report();
        progress.at(Long.MAX_VALUE);
    }

    /** Maps bytes read from the (decompressed) capture onto the monitor's scale. */
    private record Progress(LoadMonitor monitor, long base, long span, long fileSize) {
        void at(long bytes) {
            long total = base + span;
            long done = base + (long) (span * Math.min(1.0, bytes / (double) fileSize));
            monitor.progress(Math.min(done, total), total);
        }

        boolean cancelled() {
            return monitor.cancelled();
        }
    }

    /** Records that could not be read as packets: counted, the first one told. */
    private static final class RecordProblems {
        private final MessageSink sink;
        private long fragments;
        private long firstFragment;
        private long malformed;
        private long firstMalformed;
        private String firstProblem;

        RecordProblems(MessageSink sink) {
            this.sink = sink;
        }

        void fragment(long frame) {
            if (fragments++ == 0) {
                firstFragment = frame;
            }
        }

        void malformed(long frame, String problem) {
            if (malformed++ == 0) {
                firstMalformed = frame;
                firstProblem = problem;
            }
        }

        void report() {
            if (fragments > 0) {
                sink.diagnostic(Diagnostic.warning(firstFragment, -1, fragments + " IP fragments were skipped (first: frame "
                        + firstFragment + "); TCP over fragmented IP is not reassembled, so its streams show gaps"));
            }
            if (malformed > 0) {
                sink.diagnostic(Diagnostic.warning(firstMalformed, -1, malformed + " frames could not be read as IP/TCP (first: frame "
                        + firstMalformed + ", " + firstProblem + ")"));
            }
        }
    }
}
