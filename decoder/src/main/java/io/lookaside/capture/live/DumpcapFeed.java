package io.lookaside.capture.live;

import io.lookaside.capture.CaptureException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Packets from Wireshark's {@code dumpcap}, for a process that may not capture itself: dumpcap
 * is usually installed with the capabilities (or a group) that let a user capture, and Wireshark
 * captures through it the same way ({@code dumpcap -i IF -f FILTER -w -}, a pcapng stream on its
 * standard output). The stream is read as it grows: a thread moves its bytes into a bounded
 * queue, and {@link #poll} cuts blocks out of them. dumpcap 4.0 stamps microseconds.
 *
 * <p>The dumpcap used is the {@code lookaside.dumpcap} system property, else the
 * {@code LOOKASIDE_DUMPCAP} environment variable, else {@code dumpcap} on the PATH.
 */
final class DumpcapFeed implements PacketFeed {
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int SPB = 3;
    private static final int ISB = 5;
    private static final int EPB = 6;
    /** The largest block accepted: a packet of the snap length and then some; anything bigger is not dumpcap's. */
    private static final int MAX_BLOCK = PcapLiveSource.SNAPLEN + (1 << 16);
    private static final long START_TIMEOUT_MS = 10_000;
    private static final byte[] EOF = new byte[0];

    private final String iface;
    private final Process process;
    /** Chunks of dumpcap's output; bounded, so a stalled consumer stalls dumpcap (whose kernel buffer then drops, and says so). */
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(256);
    private final List<String> stderr = new ArrayList<>();
    private ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final List<Interface> interfaces = new ArrayList<>();
    private int linkType = -1;
    private boolean ended;
    private volatile boolean interrupted;
    private String endReason;
    private long received = -1;
    private long dropped = -1;
    private byte[] packet = new byte[1 << 16];

    private record Interface(int linkType, long unitsPerSecond) {
    }

    private DumpcapFeed(String iface, Process process) {
        this.iface = iface;
        this.process = process;
    }

    /** The dumpcap to use, or null when there is none. */
    static Path locate() {
        String configured = System.getProperty("lookaside.dumpcap");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("LOOKASIDE_DUMPCAP");
        }
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(List.of((path == null ? "" : path).split(":")));
        dirs.add("/usr/bin");
        dirs.add("/usr/sbin");
        for (String d : dirs) {
            if (!d.isEmpty()) {
                Path p = Path.of(d, "dumpcap");
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * This process may not capture ({@code why}: libpcap's words): capture through dumpcap, or
     * fail with the one message that says what to do.
     */
    static DumpcapFeed openInstead(String iface, String filter, int bufferMiB, String why) throws CaptureException {
        Path dumpcap = locate();
        if (dumpcap == null) {
            throw new CaptureException(Permissions.message(iface, why, null));
        }
        List<String> cmd = new ArrayList<>(List.of(dumpcap.toString(), "-i", iface, "-s",
                String.valueOf(PcapLiveSource.SNAPLEN), "-B", String.valueOf(bufferMiB), "-n", "-w", "-"));
        if (filter != null && !filter.isBlank()) {
            cmd.add("-f");
            cmd.add(filter);
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new CaptureException(Permissions.message(iface, why, dumpcap + " cannot be run (" + e.getMessage() + ")"), e);
        }
        try {
            p.getOutputStream().close();
        } catch (IOException e) {
            // dumpcap reads nothing from us.
        }
        DumpcapFeed feed = new DumpcapFeed(iface, p);
        feed.startThreads();
        feed.awaitInterface(dumpcap, why);
        return feed;
    }

    private void startThreads() {
        Thread out = new Thread(this::pump, "dumpcap-stdout");
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (stderr) {
                        if (stderr.size() < 50) {
                            stderr.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                // dumpcap is gone; its exit says the rest.
            }
        }, "dumpcap-stderr");
        err.setDaemon(true);
        err.start();
    }

    /** Moves dumpcap's standard output into the queue; an empty chunk marks its end. */
    private void pump() {
        try (InputStream in = process.getInputStream()) {
            byte[] b = new byte[1 << 16];
            for (int n; (n = in.read(b)) >= 0; ) {
                if (n > 0) {
                    chunks.put(java.util.Arrays.copyOf(b, n));
                }
            }
        } catch (IOException e) {
            // The pipe broke: dumpcap is gone.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            chunks.put(EOF);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until dumpcap has described its interface (it captures then), or fails with what it said. */
    private void awaitInterface(Path dumpcap, String why) throws CaptureException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (linkType < 0 && !ended && System.currentTimeMillis() < deadline) {
            take(100);
        }
        if (linkType >= 0) {
            return;
        }
        close();
        String said = firstError();
        throw new CaptureException(Permissions.message(iface, why, said == null
                ? dumpcap + " did not start capturing within " + START_TIMEOUT_MS / 1000 + " s"
                : dumpcap + " cannot capture either: " + said));
    }

    private String firstError() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderr) {
            for (String line : stderr) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("Capturing on") && !l.startsWith("File:")) {
                    return l;
                }
            }
        }
        return null;
    }

    @Override
    public int linkType() {
        return linkType;
    }

    @Override
    public int poll(Packets packets) {
        if (ended) {
            return -1;
        }
        int n = take(LiveSource.TICK.toMillis(), packets);
        if (ended) {
            finishProcess();
        }
        return n < 0 ? -1 : n;
    }

    private int take(long waitMs) {
        return take(waitMs, (d, c, o, t) -> {
            throw new IllegalStateException("dumpcap sent a packet before its interface");
        });
    }

    /** Takes what dumpcap wrote within {@code waitMs} and hands over the packets of its complete blocks. */
    private int take(long waitMs, Packets packets) {
        int count = 0;
        try {
            byte[] chunk = chunks.poll(waitMs, TimeUnit.MILLISECONDS);
            while (chunk != null) {
                if (chunk == EOF) {
                    ended = true;
                    break;
                }
                append(chunk);
                int n = blocks(packets);
                if (n < 0) {
                    ended = true;
                    break;
                }
                count += n;
                chunk = chunks.poll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = true;
        }
        return count;
    }

    private void append(byte[] chunk) {
        if (buf.remaining() < chunk.length) {
            buf.flip();
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity(), buf.remaining() + chunk.length))
                    .order(buf.order());
            bigger.put(buf);
            buf = bigger;
        }
        buf.put(chunk);
    }

    /** Cuts complete blocks from the buffer; -1 when the stream is not pcapng as dumpcap writes it. */
    private int blocks(Packets packets) {
        buf.flip();
        int count = 0;
        try {
            while (buf.remaining() >= 12) {
                int at = buf.position();
                int type = buf.getInt(at);
                if (type == SHB) {
                    int bom = buf.getInt(at + 8);
                    if (bom == 0x4D3C2B1A) {
                        buf.order(buf.order() == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                    } else if (bom != 0x1A2B3C4D) {
                        return fail("dumpcap's output is not pcapng");
                    }
                    interfaces.clear();
                }
                int len = buf.getInt(at + 4);
                if (len < 12 || len > MAX_BLOCK || (len & 3) != 0) {
                    return fail("dumpcap's output has a block of " + len + " bytes");
                }
                if (buf.remaining() < len) {
                    break;
                }
                switch (type) {
                    case IDB -> interfaces.add(new Interface(buf.getShort(at + 8) & 0xffff, unitsPerSecond(at, len)));
                    case EPB -> {
                        int id = buf.getInt(at + 8);
                        if (id < 0 || id >= interfaces.size()) {
                            return fail("dumpcap's output names interface " + id + " before describing it");
                        }
                        long units = ((long) buf.getInt(at + 12) << 32) | (buf.getInt(at + 16) & 0xffffffffL);
                        int caplen = buf.getInt(at + 20);
                        int origLen = buf.getInt(at + 24);
                        if (caplen < 0 || caplen > len - 32) {
                            return fail("dumpcap's output has a packet of " + caplen + " bytes in a block of " + len);
                        }
                        packets.packet(copy(at + 28, caplen), caplen, origLen, nanos(units, interfaces.get(id).unitsPerSecond()));
                        count++;
                    }
                    case SPB -> {
                        // No interface, no time stamp: dumpcap does not write these.
                    }
                    case ISB -> statistics(at, len);
                    default -> {
                    }
                }
                if (type == IDB && linkType < 0) {
                    linkType = interfaces.get(0).linkType();
                }
                buf.position(at + len);
            }
        } finally {
            buf.compact();
        }
        return count;
    }

    private int fail(String why) {
        endReason = why;
        return -1;
    }

    private byte[] copy(int at, int n) {
        if (packet.length < n) {
            packet = new byte[n];
        }
        buf.get(at, packet, 0, n);
        return packet;
    }

    /** if_tsresol: 10^-v or, with the top bit, 2^-v; microseconds when absent. */
    private long unitsPerSecond(int at, int len) {
        long[] perSecond = {1_000_000L};
        options(at + 16, at + len - 4, (code, value, olen) -> {
            if (code != 9 || olen < 1) {
                return true;
            }
            int v = buf.get(value) & 0xff;
            if ((v & 0x80) != 0) {
                perSecond[0] = (v & 0x7f) < 63 ? 1L << (v & 0x7f) : 1_000_000L;
            } else {
                long u = 1;
                for (int i = 0; i < Math.min(v, 18); i++) {
                    u *= 10;
                }
                perSecond[0] = u;
            }
            return false;
        });
        return perSecond[0];
    }

    /** Receives one pcapng option: its code, where its value starts, its length; false stops the walk. */
    private interface OptionVisitor {
        boolean option(int code, int value, int length);
    }

    /** Walks the options from {@code o} to {@code end} (the block's trailing length excluded) up to opt_endofopt. */
    private void options(int o, int end, OptionVisitor visitor) {
        while (o + 4 <= end) {
            int code = buf.getShort(o) & 0xffff;
            int olen = buf.getShort(o + 2) & 0xffff;
            if (code == 0 || !visitor.option(code, o + 4, olen)) {
                return;
            }
            o += 4 + ((olen + 3) & ~3);
        }
    }

    private static long nanos(long units, long perSecond) {
        long s = Long.divideUnsigned(units, perSecond);
        long r = Long.remainderUnsigned(units, perSecond);
        return s * 1_000_000_000L + (long) (r * (1e9 / perSecond));
    }

    /** isb_ifrecv (4) and isb_ifdrop (5). */
    private void statistics(int at, int len) {
        int end = at + len - 4;
        options(at + 20, end, (code, value, olen) -> {
            if (olen == 8 && value + 8 <= end) {
                if (code == 4) {
                    received = buf.getLong(value);
                } else if (code == 5) {
                    dropped = buf.getLong(value);
                }
            }
            return true;
        });
    }

    /** dumpcap's stream ended: why, unless we asked for it. */
    private void finishProcess() {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!interrupted && endReason == null) {
            String said = firstError();
            boolean gone = !Files.exists(Path.of("/sys/class/net", iface));
            endReason = gone ? "interface " + iface + " went away" + (said == null ? "" : " (dumpcap: " + said + ")")
                    : "dumpcap stopped" + (said == null ? "" : ": " + said);
        }
    }

    @Override
    public long[] stats() {
        return new long[] {received, dropped, -1};
    }

    @Override
    public String endReason() {
        return interrupted ? null : endReason;
    }

    /**
     * SIGTERM: dumpcap writes its statistics, closes its output, and the stream ends. Through
     * the process handle: {@code Process.destroy()} would also close our end of its output and
     * lose what is still in the pipe.
     */
    @Override
    public void interrupt() {
        if (!interrupted) {
            interrupted = true;
            process.toHandle().destroy();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
