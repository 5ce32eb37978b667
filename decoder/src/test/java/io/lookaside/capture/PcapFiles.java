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
}
