package io.lookaside.capture.live;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.PcapListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;

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
    /** The longest a stop reads on what arrived before it (a backlog in the kernel buffer). */
    private static final long MAX_DRAIN_NANOS = 10_000_000_000L;
    /** A stop's reading ends once nothing has come for this long (a block is handed over after {@link #BLOCK_TIMEOUT_MS}). */
    private static final long DRAIN_QUIET_NANOS = 4L * BLOCK_TIMEOUT_MS * 1_000_000L;
    private volatile boolean interrupted;
    private boolean drained;
    /** Packets handed over so far. */
    private long delivered;
    /** While a stop reads the backlog: how many packets had arrived (less drops) when it came, and until when to read. */
    private long drainTarget = -1;
    private long drainDeadline;
    private long quietSince;
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
        Listener listener = new Listener(this, handle, packets);
        if (interrupted) {
            return drain(listener);
        }
        long deadline = System.nanoTime() + LiveSource.TICK.toNanos();
        long waitMs = 1;
        try {
            while (true) {
                int n = handle.dispatch(BATCH, listener);
                if (listener.failure() != null) {
                    throw new IllegalStateException("handling a captured packet failed", listener.failure());
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
            if (listener.failure() != null) {
                throw new IllegalStateException("handling a captured packet failed", listener.failure());
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
     * After a stop: what had arrived before it is read too, so that a stop keeps everything
     * captured until then, including a backlog the kernel buffer holds when the capture is
     * behind (libpcap's ps_recv less ps_drop says how many that is). One batch per call, so the
     * caller still ticks; bounded by {@link #MAX_DRAIN_NANOS}, so that a flood cannot hold a
     * stop off, and it ends once nothing has come for {@link #DRAIN_QUIET_NANOS}.
     */
    private int drain(Listener listener) {
        long now = System.nanoTime();
        if (drainTarget < 0) {
            long[] st = stats();
            drainTarget = st[0] < 0 ? Long.MAX_VALUE : st[0] - Math.max(0, st[1]);
            drainDeadline = now + MAX_DRAIN_NANOS;
            quietSince = now;
        }
        int n;
        try {
            n = handle.dispatch(BATCH, listener);
        } catch (PcapNativeException | InterruptedException e) {
            drained = true; // gone, or broken off: what was read stands
            n = 0;
        } catch (NotOpenException e) {
            throw new IllegalStateException(e);
        }
        if (listener.failure() != null) {
            throw new IllegalStateException("handling a captured packet failed", listener.failure());
        }
        if (n > 0) {
            quietSince = now;
        }
        if (delivered >= drainTarget || now - drainDeadline >= 0 || now - quietSince >= DRAIN_QUIET_NANOS) {
            drained = true;
        } else if (n == 0) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                drained = true;
            }
        }
        return Math.max(0, n);
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

    /** libpcap's words, without pcap4j's "Error occurred: " or "Error occurred in pcap_compile: ". */
    static String libpcapSays(PcapNativeException e) {
        return String.valueOf(e.getMessage()).replaceFirst("^Error occurred( in \\w+)?: ", "");
    }

    /** Copies each packet's header fields; what the listener throws is kept (pcap4j would log and drop it). */
    private static final class Listener extends PcapListener {
        final LibpcapFeed feed;
        final Packets packets;

        Listener(LibpcapFeed feed, PcapHandle handle, Packets packets) {
            super(handle);
            this.feed = feed;
            this.packets = packets;
        }

        @Override
        protected void take(byte[] data) {
            long ts = nanos();
            Integer orig = handle.getOriginalLength();
            feed.delivered++;
            packets.packet(data, data.length, orig == null ? data.length : orig, ts);
        }
    }
}
