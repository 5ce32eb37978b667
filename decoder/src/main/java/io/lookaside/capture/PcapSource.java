package io.lookaside.capture;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import io.lookaside.net.LinkType;
import io.lookaside.net.PacketParser;
import io.lookaside.tcp.FlowTracker;
import io.lookaside.tcp.TrackerLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/**
 * pcap and pcapng files (optionally gzip-compressed). Records are read by
 * {@link PcapFileReader}, a pure-Java reader of the common file shapes, as long as it is sure
 * to read them exactly as libpcap does; libpcap (through pcap4j's raw path) takes over at the
 * first record it is not sure about, and reads every file whose header it does not handle.
 * Either way Lookaside parses link layer, IP and TCP itself ({@link PacketParser}); pcap4j's
 * Packet object tree is never built.
 *
 * <p>Through libpcap, {@code pcap_dispatch} hands each record's bytes to a
 * {@link org.pcap4j.core.RawPacketListener}; pcap4j's per-record cost (a JNA callback, a {@code byte[]} copy of
 * the packet, a {@code Timestamp} and a {@code Runnable}) is then the floor of reading, five to
 * ten times that of the pure-Java reader ({@code PcapSourceBenchmark} measures both);
 * {@code getNextRawPacketEx} costs about four times as much again: see
 * docs/decisions/0005-capture-layer.md and 0011-fast-reader-and-spilled-store.md.
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

    /**
     * The reader of the record being dispatched on this thread. pcap4j builds a
     * {@code java.sql.Timestamp} from each record header before it calls the listener, and
     * Timestamp refuses a fraction of a second outside 0..999 999 999 (a damaged header; libpcap
     * does not check it). That exception is thrown inside the JNA callback, where JNA would log it
     * to stderr and drop the record unseen. A JNA callback exception handler, installed once,
     * hands it to this thread's reader instead, which counts the record, so that frame numbers
     * stay Wireshark's, and tells the user; other callbacks' exceptions go to the handler JNA had.
     */
    private static final ThreadLocal<Listener> DISPATCHING = new ThreadLocal<>();

    static {
        Callback.UncaughtExceptionHandler previous = Native.getCallbackExceptionHandler();
        Native.setCallbackExceptionHandler((callback, e) -> {
            Listener r = DISPATCHING.get();
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
    private final boolean fastPath;

    public PcapSource(Path path, CaptureOptions options) {
        this(path, options, MAX_DECOMPRESSED, TrackerLimits.DEFAULT, Path.of(System.getProperty("java.io.tmpdir")), true);
    }

    PcapSource(Path path, CaptureOptions options, long maxDecompressed, TrackerLimits limits, Path tempDir) {
        this(path, options, maxDecompressed, limits, tempDir, true);
    }

    /** {@code fastPath} false: libpcap reads every record (the reference the fast reader is tested against). */
    PcapSource(Path path, CaptureOptions options, long maxDecompressed, TrackerLimits limits, Path tempDir,
               boolean fastPath) {
        this.path = path;
        this.options = options;
        this.maxDecompressed = maxDecompressed;
        this.limits = limits;
        this.tempDir = tempDir;
        this.fastPath = fastPath;
    }

    /** A source that reads every record through libpcap, for comparisons with the fast reader. */
    static PcapSource libpcapOnly(Path path, CaptureOptions options) {
        return new PcapSource(path, options, MAX_DECOMPRESSED, TrackerLimits.DEFAULT,
                Path.of(System.getProperty("java.io.tmpdir")), false);
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

    /**
     * The fast reader takes the records it handles; libpcap takes over at the first one it does
     * not (or reads everything, when the fast reader does not handle the file's header).
     * {@code quietAboutCut}: the spool was already reported cut, so a cut last record is expected.
     */
    private void readPcap(Path file, MessageSink sink, Progress progress, boolean quietAboutCut) throws CaptureException {
        PacketFrames frames = null;
        if (fastPath) {
            try (PcapFileReader fast = PcapFileReader.open(file)) {
                if (fast != null) {
                    frames = new PacketFrames(fast.linkType(), new FlowTracker(sink, options.ninePPort(), limits), sink);
                    while (read(fast, frames) > 0) {
                        progress.at(frames.bytes());
                        if (progress.cancelled()) {
                            return;
                        }
                    }
                    if (fast.ended()) {
                        frames.finish();
        progress.at(Long.MAX_VALUE);
                        return;
                    }
                }
            } catch (IOException e) {
                // libpcap reads on from the record where this went wrong, and says what it finds there.
            }
        }
        PcapHandle handle = open(file);
        try {
            if (frames == null) {
                int dlt = handle.getDlt().value();
                if (!LinkType.supported(dlt)) {
                    throw new CaptureException(path + ": link type " + dlt + " (" + handle.getDlt().name()
                            + ") is not supported; Lookaside reads " + LinkType.supportedNames());
                }
                frames = new PacketFrames(dlt, new FlowTracker(sink, options.ninePPort(), limits), sink);
            }
            loop(handle, frames, sink, progress, quietAboutCut);
        } finally {
            handle.close();
        }
    }

    private static int read(PcapFileReader fast, PacketFrames frames) throws IOException {
        try {
            return fast.read(BATCH, frames);
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException("decoding record " + frames.frame() + " failed", e);
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

    /** libpcap from the first record the fast reader left (skipping those it handed over), to the end. */
    private void loop(PcapHandle handle, PacketFrames frames, MessageSink sink, Progress progress, boolean quietAboutCut) {
        Listener listener = new Listener(handle, frames);
        DISPATCHING.set(listener);
        try {
            dispatchAll(handle, listener, frames, sink, progress, quietAboutCut);
        } finally {
            DISPATCHING.remove();
        }
    }

    private void dispatchAll(PcapHandle handle, Listener listener, PacketFrames frames, MessageSink sink, Progress progress,
                             boolean quietAboutCut) {
        while (true) {
            int n;
            try {
                n = handle.dispatch(BATCH, listener);
            } catch (PcapNativeException e) {
                // libpcap stops at a damaged or cut record: everything before it counts.
                if (!quietAboutCut) {
                    long frame = frames.frame();
                    sink.diagnostic(Diagnostic.warning(frame + 1, -1, path.getFileName() + ": record " + (frame + 1)
                            + " cannot be read (" + libpcapSays(e) + "); decoded the " + frame + " records before it"));
                }
                sink.truncated();
                break;
            } catch (InterruptedException e) {
                // pcap_breakloop, which only Listener calls, after a failure of its own: not a thread interrupt.
                n = 0;
            } catch (NotOpenException e) {
                throw new IllegalStateException(e);
            }
            if (listener.failure() != null) {
                throw new IllegalStateException("decoding record " + frames.frame() + " failed", listener.failure());
            }
            if (n == 0) {
                break; // pcap_dispatch returns 0 at the end of a savefile
            }
            progress.at(frames.bytes());
            if (progress.cancelled()) {
                return;
            }
        }
        frames.finish();
        progress.at(Long.MAX_VALUE);
    }

    /** "Error occurred: truncated dump file; ..." without pcap4j's prefix. */
    private static String libpcapSays(PcapNativeException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("Error occurred: ") ? m.substring("Error occurred: ".length()) : m;
    }

    /**
     * Receives each record from {@code pcap_dispatch}, after skipping those the fast reader
     * already handed over.
     */
    private static final class Listener extends PcapListener {
        final PacketFrames frames;
        long skip;

        Listener(PcapHandle handle, PacketFrames frames) {
            super(handle);
            this.frames = frames;
            this.skip = frames.frame();
        }

        /**
         * pcap4j failed on a record before handing it over (see {@link #DISPATCHING}). The fast
         * reader never hands over such a record (it stops at a time stamp fraction outside a
         * second), so one met while skipping is still skipped.
         */
        void unreadable(Throwable e) {
            if (skip > 0) {
                skip--;
                return;
            }
            frames.unreadable(e);
        }

        @Override
        protected void take(byte[] data) {
            if (skip > 0) {
                skip--;
                return;
            }
            frames.record(data, data.length, nanos());
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
}
