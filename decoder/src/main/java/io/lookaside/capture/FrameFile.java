package io.lookaside.capture;

import io.lookaside.net.Packet;
import io.lookaside.net.PacketParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The captured bytes of a frame, read again from its pcap or pcapng file, for the bytes pane
 * (every layer of the frame, as Wireshark shows it). A session keeps only the messages; a
 * frame is found by reading the file from its start with the fast reader up to that record
 * (frame numbers are 1-based record numbers), so it costs one pass over the file before it;
 * a gzip file is decompressed once, when opened, and the copy lives until {@link #close}.
 * Frames the fast reader leaves to libpcap (unusual files) are not available: null.
 */
public final class FrameFile implements AutoCloseable {
    /** One captured frame: its record number, time, bytes as captured, and link type. */
    public record RawFrame(long frame, long tsNanos, byte[] data, int linkType) {
    }

    private final Path file;
    private final GzipSpool spool;

    private FrameFile(Path file, GzipSpool spool) {
        this.file = file;
        this.spool = spool;
    }

    /** Opens a capture file ({@code .gz} too); fails when it is unreadable. */
    public static FrameFile open(Path path) throws CaptureException {
        if (!InputFiles.isGzip(path)) {
            return new FrameFile(path, null);
        }
        GzipSpool s = GzipSpool.decompress(path, PcapSource.MAX_DECOMPRESSED,
                Path.of(System.getProperty("java.io.tmpdir")), LoadMonitor.NONE);
        return new FrameFile(s.file, s);
    }

    /**
     * Frame {@code frame}, after up to {@code earlier} earlier frames of the same TCP flow and
     * direction that carried payload (the segments a message completed in {@code frame} may
     * have begun in), in capture order; empty when the frame cannot be read.
     */
    public List<RawFrame> frameAndEarlierOfFlow(long frame, int earlier) throws IOException {
        try (PcapFileReader r = PcapFileReader.open(file)) {
            if (r == null || frame < 1) {
                return List.of();
            }
            Ring ring = new Ring(Math.max(1, earlier), r.linkType());
            while (r.records() < frame - 1) {
                if (r.read(1, ring::offer) == 0) {
                    return List.of();
                }
            }
            RawFrame[] target = new RawFrame[1];
            if (r.read(1, (data, length, ts) -> target[0] = new RawFrame(frame, ts, Arrays.copyOf(data, length),
                    r.linkType())) == 0) {
                return List.of();
            }
            List<RawFrame> out = ring.sameFlowAs(target[0], earlier);
            out.add(target[0]);
            return out;
        }
    }

    @Override
    public void close() {
        if (spool != null) {
            spool.close();
        }
    }

    /** The last frames that carried TCP payload, with their flow, in a ring that reuses its buffers. */
    private static final class Ring {
        private final int linkType;
        private final byte[][] data;
        private final int[] lengths;
        private final long[] ts;
        private final long[] frames;
        private final long[][] flow;
        private final Packet p = new Packet();
        private long record;
        private int next;
        private int count;

        Ring(int slots, int linkType) {
            this.linkType = linkType;
            data = new byte[slots][];
            lengths = new int[slots];
            ts = new long[slots];
            frames = new long[slots];
            flow = new long[slots][];
        }

        void offer(byte[] a, int length, long tsNanos) {
            record++;
            if (PacketParser.parse(a, length, linkType, p) != PacketParser.TCP || p.payloadLength() == 0) {
                return;
            }
            int k = next;
            next = (next + 1) % data.length;
            count = Math.min(count + 1, data.length);
            if (data[k] == null || data[k].length < length) {
                data[k] = new byte[Math.max(length, 2048)];
            }
            System.arraycopy(a, 0, data[k], 0, length);
            lengths[k] = length;
            ts[k] = tsNanos;
            frames[k] = record;
            flow[k] = key(p);
        }

        List<RawFrame> sameFlowAs(RawFrame f, int max) {
            Packet q = new Packet();
            List<RawFrame> out = new ArrayList<>();
            if (PacketParser.parse(f.data(), f.data().length, linkType, q) != PacketParser.TCP) {
                return out;
            }
            long[] want = key(q);
            for (int n = 0; n < count && out.size() < max; n++) {
                int k = Math.floorMod(next - 1 - n, data.length);
                if (Arrays.equals(flow[k], want)) {
                    out.add(0, new RawFrame(frames[k], ts[k], Arrays.copyOf(data[k], lengths[k]), linkType));
                }
            }
            return out;
        }

        private static long[] key(Packet p) {
            return new long[] {p.srcHi(), p.srcLo(), p.dstHi(), p.dstLo(), p.srcPort(), p.dstPort()};
        }
    }
}
