package io.lookaside.capture.live;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.InputKind;
import io.lookaside.capture.MessageSink;
import io.lookaside.capture.PacketFrames;
import io.lookaside.net.LinkType;
import io.lookaside.tcp.FlowTracker;
import io.lookaside.tcp.TrackerLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Live capture on a network interface (a VM's tap or vnetN, a bridge, a veth, loopback,
 * vsockmon): every packet goes through the same pipeline as a capture file's records
 * ({@link PacketFrames}: link layer, IP, TCP reassembly, 9P framing) and is written to a pcapng
 * (or nanosecond pcap) file, so that the file reopens with the same frames and messages.
 *
 * <p>Packets come from libpcap (pcap4j) when this process may capture; otherwise, as Wireshark
 * does, from its {@code dumpcap} where that is installed and allowed to capture
 * ({@link DumpcapFeed}); otherwise {@link #start()} says what to do.
 */
public final class PcapLiveSource implements LiveSource {
    /** Keeps whole 9P messages: an msize of 256 KiB fits in one snapshot (and it is libpcap's maximum). */
    public static final int SNAPLEN = 262_144;
    /** The kernel buffer by default, as the lab's {@code tcpdump -B 65536}: bursts wait there instead of being dropped. */
    public static final int BUFFER_BYTES = 64 << 20;
    /** {@link #BUFFER_BYTES} in MiB, the unit of {@code --buffer} and dumpcap's {@code -B}. */
    public static final int DEFAULT_BUFFER_MIB = 64;
    /** libpcap takes the buffer size as an int of bytes: 2047 MiB is the most that fits. */
    public static final int MAX_BUFFER_MIB = 2047;
    /** The 9P port registered with IANA. */
    public static final int NINEP_PORT = 564;

    /**
     * What to capture and where to write it.
     *
     * @param iface         interface name, as {@link CaptureInterfaces#list()} gives it
     * @param filter        a BPF filter, or null for {@link #defaultFilter}
     * @param ninePPort     a TCP port to treat as 9P besides 564 (0: none); also added to the default filter
     * @param output        the file to write: pcapng, or nanosecond pcap when its name ends in .pcap
     * @param overwrite     replace an existing output file
     * @param ringFiles     with a ring, keep only the newest this many files (0: keep all)
     * @param ringFileBytes start a new file when the current one reaches this size (0: one file, no ring)
     * @param bufferMiB     the kernel buffer in MiB (dumpcap's -B), 1 to {@link #MAX_BUFFER_MIB}
     */
    public record Options(String iface, String filter, int ninePPort, Path output, boolean overwrite, int ringFiles,
                          long ringFileBytes, int bufferMiB) {
        /** With the default kernel buffer. */
        public Options(String iface, String filter, int ninePPort, Path output, boolean overwrite, int ringFiles,
                       long ringFileBytes) {
            this(iface, filter, ninePPort, output, overwrite, ringFiles, ringFileBytes, DEFAULT_BUFFER_MIB);
        }

        public static Options of(String iface, Path output) {
            return new Options(iface, null, 0, output, false, 0, 0);
        }

        public Options withFilter(String f) {
            return new Options(iface, f, ninePPort, output, overwrite, ringFiles, ringFileBytes, bufferMiB);
        }

        public Options withPort(int port) {
            return new Options(iface, filter, port, output, overwrite, ringFiles, ringFileBytes, bufferMiB);
        }

        public Options withOverwrite(boolean o) {
            return new Options(iface, filter, ninePPort, output, o, ringFiles, ringFileBytes, bufferMiB);
        }

        public Options withRing(int files, long fileBytes) {
            return new Options(iface, filter, ninePPort, output, overwrite, files, fileBytes, bufferMiB);
        }

        /** A larger kernel buffer holds longer bursts while the decoder catches up. */
        public Options withBuffer(int mib) {
            return new Options(iface, filter, ninePPort, output, overwrite, ringFiles, ringFileBytes, mib);
        }
    }

    private final Options options;
    private PacketFeed feed;
    private CaptureFileWriter writer;
    private volatile boolean stopping;
    private volatile String endReason;
    private volatile LiveCounters counters = LiveCounters.NONE;
    private volatile String via = "libpcap";
    private long records;
    private long bytes;
    private IOException writeFailure;

    public PcapLiveSource(Options options) {
        this.options = options;
    }

    /**
     * The default filter: 9P's port 564 and {@code port} (0: none). None on a vsockmon
     * interface ({@link LinkType#VSOCK}), where TCP filters do not apply.
     */
    public static String defaultFilter(int port, int linkType) {
        if (linkType == LinkType.VSOCK) {
            return "";
        }
        return port > 0 && port != NINEP_PORT ? "tcp port " + NINEP_PORT + " or tcp port " + port : "tcp port " + NINEP_PORT;
    }

    /** What is wrong with a kernel buffer of {@code mib} MiB: the words of --buffer's refusal. */
    public static String bufferProblem(int mib) {
        return "buffer " + mib + " MB: must be 1 to " + MAX_BUFFER_MIB + " (MiB, as dumpcap's -B)";
    }

    @Override
    public void start() throws CaptureException {
        if (feed != null) {
            throw new IllegalStateException("started twice");
        }
        if (options.ninePPort() < 0 || options.ninePPort() > 65535) {
            throw new CaptureException("port " + options.ninePPort() + ": not a TCP port");
        }
        if (options.bufferMiB() < 1 || options.bufferMiB() > MAX_BUFFER_MIB) {
            throw new CaptureException(bufferProblem(options.bufferMiB()));
        }
        CaptureFileWriter.check(options.output(), options.overwrite());
        int expectedLinkType = CaptureInterfaces.linkTypeOf(options.iface());
        String filter = options.filter() != null ? options.filter() : defaultFilter(options.ninePPort(), expectedLinkType);
        if (expectedLinkType >= 0) {
            // Checked here so that a bad filter gets the same words whether libpcap or dumpcap captures.
            String bad = BpfCheck.check(filter, expectedLinkType);
            if (bad != null) {
                throw new CaptureException("filter '" + filter + "': " + bad);
            }
        }
        try {
            feed = LibpcapFeed.open(options.iface(), filter, SNAPLEN, options.bufferMiB() << 20);
        } catch (LibpcapFeed.NoPermission e) {
            feed = DumpcapFeed.openInstead(options.iface(), filter, options.bufferMiB(), e.getMessage());
            via = "dumpcap";
        }
        if (!LinkType.supported(feed.linkType())) {
            int dlt = feed.linkType();
            feed.close();
            throw new CaptureException(options.iface() + ": link type " + dlt + " (" + CaptureInterfaces.linkTypeName(dlt)
                    + ") is not supported; Lookaside reads " + LinkType.supportedNames());
        }
        try {
            writer = CaptureFileWriter.open(options.output(), feed.linkType(), SNAPLEN, options.overwrite(),
                    options.ringFileBytes(), options.ringFiles(), options.iface());
        } catch (CaptureException e) {
            feed.close();
            throw e;
        }
    }

    /**
     * {@inheritDoc} Throws when the file cannot be written on (a full disk), after finishing
     * what was written.
     */
    @Override
    public void run(MessageSink sink, Runnable tick) throws CaptureException {
        if (feed == null) {
            throw new IllegalStateException("run before start");
        }
        PacketFrames frames = new PacketFrames(feed.linkType(),
                new FlowTracker(sink, options.ninePPort(), TrackerLimits.DEFAULT), sink);
        PacketFeed.Packets packets = (data, caplen, origLen, ts) -> {
            if (writeFailure == null) {
                try {
                    writer.packet(data, caplen, origLen, ts);
                } catch (IOException e) {
                    writeFailure = e;
                }
            }
            frames.record(data, caplen, ts);
            records++;
            bytes += caplen;
        };
        long[] stats = {-1, -1, -1};
        try {
            while (true) {
                if (stopping) {
                    feed.interrupt(); // a stop() before start() had no feed to tell
                }
                int n = feed.poll(packets);
                if (writeFailure == null) {
                    try {
                        writer.flush();
                    } catch (IOException e) {
                        writeFailure = e;
                    }
                }
                stats = feed.stats();
                counters = new LiveCounters(records, bytes, stats[1], stats[2]);
                if (writeFailure != null) {
                    break;
                }
                if (n < 0) {
                    if (!stopping) {
                        endReason = feed.endReason();
                    }
                    break;
                }
                tick.run();
            }
        } finally {
            try {
                frames.finish();
            } finally {
                stats = feed.stats();
                counters = new LiveCounters(records, bytes, stats[1], stats[2]);
                feed.close();
                closeWriter(stats);
            }
        }
        if (writeFailure != null) {
            throw new CaptureException("writing " + options.output() + " failed (" + writeFailure.getMessage()
                    + "); the capture stopped, and what was written before is kept", writeFailure);
        }
    }

    private void closeWriter(long[] stats) throws CaptureException {
        long dropped = stats[1] < 0 && stats[2] < 0 ? -1 : Math.max(0, stats[1]) + Math.max(0, stats[2]);
        try {
            writer.close(stats[0], dropped);
        } catch (IOException e) {
            if (writeFailure == null) {
                throw new CaptureException("finishing " + options.output() + " failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
        PacketFeed f = feed;
        if (f != null) {
            f.interrupt();
        }
    }

    @Override
    public LiveCounters counters() {
        return counters;
    }

    @Override
    public InputKind writes() {
        return CaptureFileWriter.isPcap(options.output()) ? InputKind.PCAP : InputKind.PCAPNG;
    }

    @Override
    public String endReason() {
        return stopping ? null : endReason;
    }

    /** The files written so far (more than one with a ring), oldest first. */
    public List<Path> files() {
        return writer == null ? List.of() : writer.files();
    }

    /** "libpcap", or "dumpcap" when this process may not capture and dumpcap captures for it. */
    public String via() {
        return via;
    }

    public Options options() {
        return options;
    }
}
