package io.lookaside.capture.live;

import io.lookaside.capture.CaptureException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.RawPacketListener;

/**
 * libpcap on a live interface, through pcap4j's raw path: nanosecond time stamps and a large
 * kernel buffer, so that bursts wait there instead of being dropped.
 *
 * <p>Not libpcap's immediate mode: on Linux it switches to TPACKET_V2, whose ring has one slot
 * per packet sized for the snap length, so a 64 MiB buffer holds only about 240 packets of any
 * size and a getattr storm on loopback loses thousands in a second (measured). TPACKET_V3 packs
 * packets into blocks and hands a block over when it is full or {@link #BLOCK_TIMEOUT_MS} old,
 * which bounds how late a packet shows in the live view.
 *
 * <p>The handle is non-blocking, and an empty read waits a little (1 ms, growing to
 * {@link #MAX_WAIT_MS} while nothing comes) before the next: libpcap's read timeout does not
 * return while no packet arrives on Linux (pcap(3) warns of it: with TPACKET_V3 libpcap blocks
 * in poll until the kernel retires a block, which it never does while the block is empty), so a
 * blocking read would never let an idle capture tick or stop.
 */
final class LibpcapFeed implements PacketFeed {
    /** Packets per pcap_dispatch call. */
    private static final int BATCH = 4096;
    /** The kernel hands over a block of packets at the latest this long after its first packet. */
    static final int BLOCK_TIMEOUT_MS = 50;
    /** The longest wait between two reads of an idle interface. */
    static final long MAX_WAIT_MS = 10;

    private final String iface;
    private final PcapHandle handle;
    private final int linkType;
    /** The most packets read after a stop. */
    private static final int MAX_DRAIN = 1 << 16;
    private volatile boolean interrupted;
    private boolean drained;
    private String endReason;
    private long[] lastStats = {-1, -1, -1};

    private LibpcapFeed(String iface, PcapHandle handle) {
        this.iface = iface;
        this.handle = handle;
        this.linkType = handle.getDlt().value();
    }

    /**
     * Opens {@code iface} and sets {@code filter} (null or blank: none).
     *
     * @throws NoPermission when this process may not capture (no CAP_NET_RAW)
     */
    static LibpcapFeed open(String iface, String filter, int snaplen, int bufferBytes) throws CaptureException, NoPermission {
        PcapHandle handle;
        try {
            handle = new PcapHandle.Builder(iface)
                    .snaplen(snaplen)
                    .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(BLOCK_TIMEOUT_MS)
                    .bufferSize(bufferBytes)
                    .timestampPrecision(PcapHandle.TimestampPrecision.NANO)
                    .build();
        } catch (PcapNativeException e) {
            String why = libpcapSays(e);
            if (isPermission(why)) {
                throw new NoPermission(why);
            }
            if (!Files.exists(Path.of("/sys/class/net", iface)) || why.contains("No such device")) {
                throw new CaptureException("no interface " + iface + " (lookaside capture --list-interfaces lists them)", e);
            }
            throw new CaptureException("cannot capture on " + iface + ": " + why, e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new CaptureException("libpcap is not installed, and live capture needs it (Debian: apt-get install libpcap0.8)", e);
        }
        LibpcapFeed feed = new LibpcapFeed(iface, handle);
        try {
            handle.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
            if (filter != null && !filter.isBlank()) {
                handle.setFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE);
            }
        } catch (PcapNativeException e) {
            feed.close();
            throw new CaptureException("filter '" + filter + "': " + libpcapSays(e), e);
        } catch (NotOpenException e) {
            feed.close();
            throw new IllegalStateException(e);
        }
        return feed;
    }

    /** This process may not capture: libpcap's words for it. */
    static final class NoPermission extends Exception {
        private static final long serialVersionUID = 1L;

        NoPermission(String why) {
            super(why);
        }
    }

    static boolean isPermission(String why) {
        String w = why.toLowerCase(java.util.Locale.ROOT);
        return w.contains("permission") || w.contains("not permitted");
    }

    @Override
    public int linkType() {
        return linkType;
    }

    @Override
    public int poll(Packets packets) {
        if (drained) {
            return -1;
        }
        Listener listener = new Listener(handle, packets);
        if (interrupted) {
            return drain(listener);
        }
        long deadline = System.nanoTime() + LiveSource.TICK.toNanos();
        long waitMs = 1;
        try {
            while (true) {
                int n = handle.dispatch(BATCH, listener);
                if (listener.failure != null) {
                    throw new IllegalStateException("handling a captured packet failed", listener.failure);
                }
                if (n > 0 || interrupted || System.nanoTime() - deadline >= 0) {
                    return Math.max(0, n);
                }
                Thread.sleep(waitMs);
                waitMs = Math.min(MAX_WAIT_MS, waitMs * 2);
            }
        } catch (PcapNativeException e) {
            drained = true;
            endReason = gone() ? "interface " + iface + " went away (" + libpcapSays(e) + ")"
                    : "capture on " + iface + " failed: " + libpcapSays(e);
            return -1;
        } catch (InterruptedException e) {
            // pcap_breakloop (only after a listener failure) or a thread interrupt: stop.
            if (listener.failure != null) {
                throw new IllegalStateException("handling a captured packet failed", listener.failure);
            }
            Thread.currentThread().interrupt();
            interrupted = true;
            drained = true;
            return -1;
        } catch (NotOpenException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * After a stop: what the kernel already holds is read too (a stop keeps everything captured
     * until then), up to {@link #MAX_DRAIN} packets, so that a flood cannot hold a stop off.
     */
    private int drain(Listener listener) {
        drained = true;
        int total = 0;
        try {
            for (int n; total < MAX_DRAIN && (n = handle.dispatch(BATCH, listener)) > 0; ) {
                total += n;
            }
        } catch (PcapNativeException | InterruptedException e) {
            // Gone, or broken off: what was read stands.
        } catch (NotOpenException e) {
            throw new IllegalStateException(e);
        }
        if (listener.failure != null) {
            throw new IllegalStateException("handling a captured packet failed", listener.failure);
        }
        return total;
    }

    private boolean gone() {
        return !Files.exists(Path.of("/sys/class/net", iface));
    }

    @Override
    public long[] stats() {
        try {
            PcapStat s = handle.getStats();
            lastStats = new long[] {s.getNumPacketsReceived(), s.getNumPacketsDropped(), s.getNumPacketsDroppedByIf()};
        } catch (PcapNativeException | NotOpenException e) {
            // The interface went away: the last counters stand.
        }
        return lastStats.clone();
    }

    @Override
    public String endReason() {
        return interrupted ? null : endReason;
    }

    @Override
    public void interrupt() {
        interrupted = true;
    }

    @Override
    public void close() {
        handle.close();
    }

    static String libpcapSays(PcapNativeException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("Error occurred: ") ? m.substring("Error occurred: ".length()) : m;
    }

    /** Copies each packet's header fields; what the listener throws is kept (pcap4j would log and drop it). */
    private static final class Listener implements RawPacketListener {
        final PcapHandle handle;
        final Packets packets;
        Throwable failure;

        Listener(PcapHandle handle, Packets packets) {
            this.handle = handle;
            this.packets = packets;
        }

        @Override
        public void gotPacket(byte[] data) {
            if (failure != null) {
                return;
            }
            try {
                Timestamp t = handle.getTimestamp();
                long ts = Math.floorDiv(t.getTime(), 1000L) * 1_000_000_000L + t.getNanos();
                Integer orig = handle.getOriginalLength();
                packets.packet(data, data.length, orig == null ? data.length : orig, ts);
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
}
