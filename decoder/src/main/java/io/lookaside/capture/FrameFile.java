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

    /**
     * Writes the frames numbered in {@code frames} (ascending, 1-based) to {@code out} as a
     * pcapng file, bytes and times as captured: Wireshark's Export Specified Packets. Returns
     * how many were written; frames the fast reader cannot reach are not.
     */
    public int export(long[] frames, Path out) throws IOException {
        try (PcapFileReader r = PcapFileReader.open(file);
             java.io.OutputStream os = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(out))) {
            if (r == null) {
                return 0;
            }
            PcapngWriter w = new PcapngWriter(os, r.linkType());
            int[] k = {0};
            int[] written = {0};
            while (k[0] < frames.length) {
                long want = frames[k[0]];
                int n = r.read(1, (data, length, ts) -> {
                    if (r.records() == want) {
                        try {
                            w.packet(data, length, ts);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        written[0]++;
                    }
                });
                if (n == 0) {
                    break;
                }
                while (k[0] < frames.length && frames[k[0]] <= r.records()) {
                    k[0]++;
                }
            }
            return written[0];
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The least of pcapng: a section header, one interface, enhanced packet blocks with nanosecond times. */
    private static final class PcapngWriter {
        private final java.io.OutputStream out;

        PcapngWriter(java.io.OutputStream out, int linkType) throws IOException {
            this.out = out;
            java.nio.ByteBuffer shb = le(28);
            shb.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0)
                    .putLong(-1L).putInt(28);
            out.write(shb.array());
            // if_tsresol = 9: nanoseconds, as the session's times.
            java.nio.ByteBuffer idb = le(32);
            idb.putInt(1).putInt(32).putShort((short) linkType).putShort((short) 0).putInt(0)
                    .putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3])
                    .putShort((short) 0).putShort((short) 0).putInt(32);
            out.write(idb.array());
        }

        void packet(byte[] data, int length, long tsNanos) throws IOException {
            int padded = (length + 3) & ~3;
            int total = 32 + padded;
            java.nio.ByteBuffer epb = le(total);
            epb.putInt(6).putInt(total).putInt(0).putInt((int) (tsNanos >>> 32)).putInt((int) tsNanos)
                    .putInt(length).putInt(length).put(data, 0, length).put(new byte[padded - length]).putInt(total);
            out.write(epb.array());
        }

        private static java.nio.ByteBuffer le(int n) {
            return java.nio.ByteBuffer.allocate(n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
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
