package io.lookaside.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A test-side classic pcap reader and writer, independent of libpcap, for making captures
 * with other link layers out of the real samples' frames.
 */
public final class PcapFiles {
    private static final int MAGIC_MICRO = 0xA1B2C3D4;
    private static final int MAGIC_NANO = 0xA1B23C4D;

    private PcapFiles() {
    }

    public record Record(long tsNanos, byte[] data, int originalLength) {
        public Record(long tsNanos, byte[] data) {
            this(tsNanos, data, data.length);
        }
    }

    public record Capture(int linkType, List<Record> records) {
    }

    /** The bytes of a file, gunzipped when it is gzip. */
    public static byte[] content(Path p) throws IOException {
        byte[] raw = Files.readAllBytes(p);
        if (raw.length >= 2 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                return in.readAllBytes();
            }
        }
        return raw;
    }

    public static Capture read(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(content(p)).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        if (magic != MAGIC_MICRO && magic != MAGIC_NANO) {
            b.order(ByteOrder.BIG_ENDIAN);
            magic = b.getInt(0);
        }
        boolean nano = magic == MAGIC_NANO;
        if (!nano && magic != MAGIC_MICRO) {
            throw new IOException(p + ": not a classic pcap");
        }
        int linkType = b.getInt(20);
        List<Record> records = new ArrayList<>();
        int at = 24;
        while (at + 16 <= b.limit()) {
            long sec = b.getInt(at) & 0xFFFF_FFFFL;
            long frac = b.getInt(at + 4) & 0xFFFF_FFFFL;
            int incl = b.getInt(at + 8);
            int orig = b.getInt(at + 12);
            byte[] data = new byte[incl];
            b.get(at + 16, data);
            records.add(new Record(sec * 1_000_000_000L + (nano ? frac : frac * 1000), data, orig));
            at += 16 + incl;
        }
        return new Capture(linkType, records);
    }

    /** The offsets at which each record's header starts, for cutting a file inside a record. */
    public static List<Integer> recordOffsets(byte[] pcap) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> offsets = new ArrayList<>();
        int at = 24;
        while (at + 16 <= pcap.length) {
            offsets.add(at);
            at += 16 + b.getInt(at + 8);
        }
        return offsets;
    }

    /** Writes a little-endian, nanosecond-resolution classic pcap (optionally gzip-compressed). */
    public static void write(Path p, int linkType, List<Record> records, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(MAGIC_NANO).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(linkType);
        bytes.writeBytes(h.array());
        for (Record r : records) {
            ByteBuffer rh = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            rh.putInt((int) (r.tsNanos() / 1_000_000_000L)).putInt((int) (r.tsNanos() % 1_000_000_000L))
                    .putInt(r.data().length).putInt(r.originalLength());
            bytes.writeBytes(rh.array());
            bytes.writeBytes(r.data());
        }
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            bytes.writeTo(out);
        }
    }

    /**
     * A classic pcap in the given byte order and time stamp resolution, with the given header
     * snapshot length and version.
     */
    public static byte[] classic(int linkType, List<Record> records, ByteOrder order, boolean nano, int snaplen,
                                 int versionMinor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(order);
        h.putInt(nano ? MAGIC_NANO : MAGIC_MICRO).putShort((short) 2).putShort((short) versionMinor).putInt(0).putInt(0)
                .putInt(snaplen).putInt(linkType);
        bytes.writeBytes(h.array());
        long unit = nano ? 1 : 1000;
        for (Record r : records) {
            ByteBuffer rh = ByteBuffer.allocate(16).order(order);
            rh.putInt((int) Math.floorDiv(r.tsNanos(), 1_000_000_000L))
                    .putInt((int) (Math.floorMod(r.tsNanos(), 1_000_000_000L) / unit))
                    .putInt(r.data().length).putInt(r.originalLength());
            bytes.writeBytes(rh.array());
            bytes.writeBytes(r.data());
        }
        return bytes.toByteArray();
    }

    /**
     * A pcapng file: a section header, one interface description (with an if_tsresol option
     * of {@code tsresol} unless it is negative) and an enhanced packet block per record, in
     * little-endian order. Time stamps are written in units of 10^-6 s or 10^-9 s.
     */
    public static byte[] pcapng(int linkType, List<Record> records, int tsresol) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(block(0x0A0D0D0A, le(16).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0)
                .putLong(-1).array()));
        bytes.writeBytes(idb(linkType, 262144, tsresol));
        for (Record r : records) {
            bytes.writeBytes(epb(r, tsresol == 9 ? 1 : 1000));
        }
        return bytes.toByteArray();
    }

    /** An interface description block, with an if_tsresol option unless {@code tsresol} is negative. */
    public static byte[] idb(int linkType, int snaplen, int tsresol) {
        ByteBuffer b = le(tsresol < 0 ? 8 : 20).putShort((short) linkType).putShort((short) 0).putInt(snaplen);
        if (tsresol >= 0) {
            b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]).putInt(0);
        }
        return block(1, b.array());
    }

    /** An enhanced packet block on interface 0, its time stamp in units of {@code unitNanos}. */
    public static byte[] epb(Record r, long unitNanos) {
        int padded = (r.data().length + 3) & ~3;
        long t = r.tsNanos() / unitNanos;
        return block(6, le(20 + padded).putInt(0).putInt((int) (t >>> 32)).putInt((int) t).putInt(r.data().length)
                .putInt(r.originalLength()).put(r.data()).array());
    }

    /** A block: type, total length, body (already padded to 4 bytes), total length again. */
    public static byte[] block(int type, byte[] body) {
        return le(12 + body.length).putInt(type).putInt(12 + body.length).put(body).putInt(12 + body.length).array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
