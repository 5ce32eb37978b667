package io.lookaside.capture;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import io.lookaside.net.LinkType;
import io.lookaside.net.Packet;
import io.lookaside.net.PacketParser;
import io.lookaside.tcp.FlowTracker;
import io.lookaside.tcp.TrackerLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.core.RawPacketListener;

/**
 * pcap and pcapng files (optionally gzip-compressed) through libpcap, via pcap4j's raw read
 * path only: {@code pcap_dispatch} hands each record's bytes to a {@link RawPacketListener} as
 * a {@code byte[]} and Lookaside parses link layer, IP and TCP itself ({@link PacketParser});
 * pcap4j's Packet object tree is never built.
 *
 * <p>pcap4j's per-record cost is the floor of this reader: a JNA callback, a {@code byte[]}
 * copy of the packet, a {@code Timestamp} and a {@code Runnable}. On the way to the sink only a
 * {@code ByteBuffer} view of that array is added, for packets that complete a message.
 * {@code getNextRawPacketEx} costs about four times as much per record (two finalizable JNA
 * {@code Memory} objects per call): see docs/decisions/0005-capture-layer.md.
 *
 * <p>Frame numbers count every record from 1, as Wireshark does. Timestamps are epoch
 * nanoseconds: the file is opened with nanosecond precision, or libpcap would round them to
 * microseconds.
 */
public final class PcapSource implements CaptureSource {
    /** The most a gzip-compressed capture may decompress to. */
    public static final long MAX_DECOMPRESSED = 64L << 30;
    /** Records per pcap_dispatch call: progress and cancellation are checked between calls. */
    private static final int BATCH = 4096;
    /** Per-record overhead of a classic pcap file, for progress (pcapng's differs a little). */
    private static final int RECORD_HEADER = 16;

    /**
     * The reader of the record being dispatched on this thread. pcap4j builds a
     * {@code java.sql.Timestamp} from each record header before it calls the listener, and
     * Timestamp refuses a fraction of a second outside 0..999 999 999 (a damaged header; libpcap
     * does not check it). That exception is thrown inside the JNA callback, where JNA would log it
     * to stderr and drop the record unseen. A JNA callback exception handler, installed once,
     * hands it to this thread's reader instead, which counts the record, so that frame numbers
     * stay Wireshark's, and tells the user; other callbacks' exceptions go to the handler JNA had.
     */
    private static final ThreadLocal<Reader> DISPATCHING = new ThreadLocal<>();

    static {
        Callback.UncaughtExceptionHandler previous = Native.getCallbackExceptionHandler();
        Native.setCallbackExceptionHandler((callback, e) -> {
            Reader r = DISPATCHING.get();
            if (r != null) {
                r.unreadable(e);
            } else {
                previous.uncaughtException(callback, e);
            }
        });
    }

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
        Reader reader = new Reader(handle, dlt, new FlowTracker(sink, options.ninePPort(), limits), sink);
        DISPATCHING.set(reader);
        try {
            dispatchAll(handle, reader, sink, progress, quietAboutCut);
        } finally {
            DISPATCHING.remove();
        }
    }

    private void dispatchAll(PcapHandle handle, Reader reader, MessageSink sink, Progress progress, boolean quietAboutCut) {
        while (true) {
            int n;
            try {
                n = handle.dispatch(BATCH, reader);
            } catch (PcapNativeException e) {
                // libpcap stops at a damaged or cut record: everything before it counts.
                if (!quietAboutCut) {
                    long frame = reader.frame;
                    sink.diagnostic(Diagnostic.warning(frame + 1, -1, path.getFileName() + ": record " + (frame + 1)
                            + " cannot be read (" + libpcapSays(e) + "); decoded the " + frame + " records before it"));
                }
                sink.truncated();
                break;
            } catch (InterruptedException e) {
                // pcap_breakloop, which only Reader calls, after a failure of its own: not a thread interrupt.
                n = 0;
            } catch (NotOpenException e) {
                throw new IllegalStateException(e);
            }
            if (reader.failure != null) {
                throw new IllegalStateException("decoding record " + reader.frame + " failed", reader.failure);
            }
            if (n == 0) {
                break; // pcap_dispatch returns 0 at the end of a savefile
            }
            progress.at(reader.bytes);
            if (progress.cancelled()) {
                return;
            }
        }
        reader.tracker.finish();
        reader.problems.report();
        progress.at(Long.MAX_VALUE);
    }

    /** "Error occurred: truncated dump file; ..." without pcap4j's prefix. */
    private static String libpcapSays(PcapNativeException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("Error occurred: ") ? m.substring("Error occurred: ".length()) : m;
    }

    /**
     * Receives each record from {@code pcap_dispatch}. pcap4j logs and drops what a listener
     * throws, so a failure is kept, the loop broken, and the failure rethrown by the caller.
     */
    private static final class Reader implements RawPacketListener {
        final PcapHandle handle;
        final int dlt;
        final FlowTracker tracker;
        final RecordProblems problems;
        final Packet packet = new Packet();
        long frame;
        long bytes;
        Throwable failure;

        Reader(PcapHandle handle, int dlt, FlowTracker tracker, MessageSink sink) {
            this.handle = handle;
            this.dlt = dlt;
            this.tracker = tracker;
            this.problems = new RecordProblems(sink);
        }

        /** pcap4j failed on record {@code frame + 1} before handing it over (see {@link #DISPATCHING}). */
        void unreadable(Throwable e) {
            frame++;
            problems.unreadable(frame, String.valueOf(e.getMessage()));
        }

        @Override
        public void gotPacket(byte[] data) {
            if (failure != null) {
                return;
            }
            try {
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
            } catch (RuntimeException | Error e) {
                failure = e;
                try {
                    handle.breakLoop();
                } catch (NotOpenException closed) {
                    failure.addSuppressed(closed);
                }
            }
        }
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
        private long unreadable;
        private long firstUnreadable;
        private String firstUnreadableWhy;

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

        void unreadable(long frame, String why) {
            if (unreadable++ == 0) {
                firstUnreadable = frame;
                firstUnreadableWhy = why;
            }
        }

        void report() {
            if (unreadable > 0) {
                sink.diagnostic(Diagnostic.warning(firstUnreadable, -1, unreadable + " records were skipped because"
                        + " their header cannot be read (first: frame " + firstUnreadable + ", " + firstUnreadableWhy
                        + "); their streams show gaps"));
            }
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
