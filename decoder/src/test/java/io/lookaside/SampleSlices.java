package io.lookaside;

import io.lookaside.capture.PcapFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small slices of the real samples, whole records only (the first records of a pcap, the first
 * blocks of a pcapng, the first records of a fusedump, the first lines of a text log), and the
 * record boundaries of such files, for seed corpora and mutation tests. Written from the
 * formats (pcap-savefile(5), the pcapng draft, fusedump as glusterfs writes it), not from the
 * readers under test.
 */
public final class SampleSlices {
    /** Slices stay small: mutation and fuzzing work byte by byte. */
    public static final int MAX_BYTES = 32 << 10;

    private SampleSlices() {
    }

    /** Classic pcap with records {@code from} (0-based) up to {@code to} or {@link #MAX_BYTES}, nanosecond resolution. */
    public static byte[] pcap(Path sample, int from, int to) throws IOException {
        PcapFiles.Capture c = PcapFiles.read(sample);
        List<PcapFiles.Record> records = new ArrayList<>();
        int total = 0;
        for (int i = from; i < Math.min(to, c.records().size()) && total < MAX_BYTES; i++) {
            records.add(c.records().get(i));
            total += c.records().get(i).data().length;
        }
        Path tmp = Files.createTempFile("slice", ".pcap");
        try {
            PcapFiles.write(tmp, c.linkType(), records, false);
            return Files.readAllBytes(tmp);
        } finally {
            Files.delete(tmp);
        }
    }

    /** The first {@code n} pcapng blocks: type[4] length[4] … length[4] (little-endian sections). */
    public static byte[] pcapng(Path sample, int n) throws IOException {
        byte[] ng = PcapFiles.content(sample);
        List<int[]> blocks = pcapngBlocks(ng);
        int end = blocks.isEmpty() ? 0 : blocks.get(Math.min(n, blocks.size()) - 1)[1];
        return Arrays.copyOf(ng, end);
    }

    /** The first {@code n} records of a v2 little-endian fusedump. */
    public static byte[] fusedump(Path sample, int n) throws IOException {
        byte[] all = PcapFiles.content(sample);
        List<int[]> records = fusedumpRecords(all);
        int end = records.isEmpty() ? 0 : records.get(Math.min(n, records.size()) - 1)[1];
        return Arrays.copyOf(all, Math.min(end, all.length));
    }

    /** The first {@code n} lines no longer than {@code max} (longer ones are left out), each with its newline. */
    public static byte[] lines(Path sample, int n, int max) throws IOException {
        String text = new String(PcapFiles.content(sample), StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int kept = 0;
        for (String line : text.split("\n")) {
            if (kept == n || out.size() >= MAX_BYTES) {
                break;
            }
            if (line.length() <= max) {
                out.writeBytes((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                kept++;
            }
        }
        return out.toByteArray();
    }

    /** [start, end) of each record of a classic pcap (after its 24-byte file header). */
    public static List<int[]> pcapRecords(byte[] f) {
        List<int[]> out = new ArrayList<>();
        if (f.length < 24) {
            return out;
        }
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0xA1B2C3D4 && b.getInt(0) != 0xA1B23C4D) {
            b.order(ByteOrder.BIG_ENDIAN);
        }
        for (int at = 24; at + 16 <= f.length; ) {
            long end = at + 16L + (b.getInt(at + 8) & 0xFFFF_FFFFL);
            if (end > f.length) {
                break;
            }
            out.add(new int[] {at, (int) end});
            at = (int) end;
        }
        return out;
    }

    /** [start, end) of each pcapng block. */
    public static List<int[]> pcapngBlocks(byte[] f) {
        List<int[]> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 12 <= f.length; ) {
            long len = b.getInt(at + 4) & 0xFFFF_FFFFL;
            if (len < 12 || at + len > f.length) {
                break;
            }
            out.add(new int[] {at, (int) (at + len)});
            at += (int) len;
        }
        return out;
    }

    /** [start, end) of each record of a v2 little-endian fusedump: dir[1] nitems[4] (len[4] data)×nitems. */
    public static List<int[]> fusedumpRecords(byte[] f) {
        List<int[]> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 5 <= f.length && at < MAX_BYTES; ) {
            int items = b.getInt(at + 1);
            long p = at + 5;
            for (int j = 0; j < items && p + 4 <= f.length; j++) {
                p += Math.max(4, b.getInt((int) p) & 0xFFFF_FFFFL);
            }
            if (p > f.length) {
                break;
            }
            out.add(new int[] {at, (int) p});
            at = (int) p;
        }
        return out;
    }

    /** [start, end) of each line, its newline included. */
    public static List<int[]> lineRecords(byte[] f) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < f.length; i++) {
            if (f[i] == '\n') {
                out.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        if (start < f.length) {
            out.add(new int[] {start, f.length});
        }
        return out;
    }
}
