package io.lookaside.capture.live;

import io.lookaside.capture.CaptureException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Writes captured packets as they arrive: pcapng (section header, one interface with
 * {@code if_tsresol} 9 and the snap length, enhanced packet blocks, and an interface statistics
 * block with {@code isb_ifrecv}/{@code isb_ifdrop} at the end), or classic pcap with the
 * nanosecond magic when the name ends in {@code .pcap}. Both formats are small enough to write
 * here; libpcap's dumper cannot write pcapng. {@link #flush()} after each batch puts what was
 * captured on disk, so a crash loses at most the batch in flight.
 *
 * <p>With a ring ({@code ringBytes > 0}) the output is a series of files named as dumpcap names
 * them ({@code base_00001_20261207231600.pcapng}); a new one starts when the current one reaches
 * {@code ringBytes}, and with {@code ringFiles > 0} only the newest that many are kept.
 */
final class CaptureFileWriter implements AutoCloseable {
    private static final int PCAP_NANO_MAGIC = 0xa1b23c4d;
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int ISB = 5;
    private static final int EPB = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final DateTimeFormatter RING_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Path output;
    private final boolean pcapng;
    private final int linkType;
    private final int snaplen;
    private final boolean overwrite;
    private final long ringBytes;
    private final int ringFiles;
    private final String ifName;
    private final Deque<Path> ring = new ArrayDeque<>();
    private final List<Path> written = new ArrayList<>();
    private final ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    private OutputStream out;
    private Path current;
    private long currentBytes;
    private int fileNumber;

    private CaptureFileWriter(Path output, int linkType, int snaplen, boolean overwrite, long ringBytes, int ringFiles,
                              String ifName) {
        this.output = output;
        this.pcapng = !isPcap(output);
        this.linkType = linkType;
        this.snaplen = snaplen;
        this.overwrite = overwrite;
        this.ringBytes = ringBytes;
        this.ringFiles = ringFiles;
        this.ifName = ifName;
    }

    /** Whether {@code output} is written as classic pcap (its name ends in .pcap) rather than pcapng. */
    static boolean isPcap(Path output) {
        return output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pcap");
    }

    /**
     * Refuses what cannot be written, before anything is captured: a name that says gzip, an
     * existing file without {@code overwrite}, a missing directory.
     */
    static void check(Path output, boolean overwrite) throws CaptureException {
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".gz")) {
            throw new CaptureException(output + ": a live capture is written uncompressed (name it .pcapng or .pcap)");
        }
        if (Files.isDirectory(output)) {
            throw new CaptureException(output + ": is a directory");
        }
        if (Files.exists(output) && !overwrite) {
            throw new CaptureException(output + ": exists (use --force to overwrite)");
        }
        Path dir = output.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new CaptureException(output + ": directory " + dir + " does not exist");
        }
    }

    static CaptureFileWriter open(Path output, int linkType, int snaplen, boolean overwrite, long ringBytes,
                                  int ringFiles, String ifName) throws CaptureException {
        check(output, overwrite);
        CaptureFileWriter w = new CaptureFileWriter(output, linkType, snaplen, overwrite, ringBytes, ringFiles, ifName);
        try {
            w.next();
        } catch (IOException e) {
            throw new CaptureException(w.current + ": cannot be written (" + e.getMessage() + ")", e);
        }
        return w;
    }

    /** The files written so far, oldest first (one without a ring); those the ring deleted are not among them. */
    List<Path> files() {
        return List.copyOf(written);
    }

    void packet(byte[] data, int caplen, int origLen, long tsNanos) throws IOException {
        if (ringBytes > 0 && currentBytes >= ringBytes) {
            finishFile(-1, -1);
            next();
        }
        header.clear();
        if (pcapng) {
            int padded = (caplen + 3) & ~3;
            int total = 32 + padded;
            header.putInt(EPB).putInt(total).putInt(0)
                    .putInt((int) (tsNanos >>> 32)).putInt((int) tsNanos)
                    .putInt(caplen).putInt(origLen);
            out.write(header.array(), 0, header.position());
            out.write(data, 0, caplen);
            out.write(ZEROS, 0, padded - caplen);
            header.clear();
            header.putInt(total);
            out.write(header.array(), 0, 4);
            currentBytes += total;
        } else {
            header.putInt((int) Math.floorDiv(tsNanos, 1_000_000_000L)).putInt((int) Math.floorMod(tsNanos, 1_000_000_000L))
                    .putInt(caplen).putInt(origLen);
            out.write(header.array(), 0, 16);
            out.write(data, 0, caplen);
            currentBytes += 16 + caplen;
        }
    }

    private static final byte[] ZEROS = new byte[4];

    /** Puts what was written so far on disk (the OS's page cache: it survives a crash of this process). */
    void flush() throws IOException {
        out.flush();
    }

    /**
     * Ends the last file: pcapng gets an interface statistics block with the packets the
     * interface received and dropped ({@code received}/{@code dropped} -1: unknown, left out).
     */
    void close(long received, long dropped) throws IOException {
        if (out != null) {
            finishFile(received, dropped);
        }
    }

    @Override
    public void close() throws IOException {
        close(-1, -1);
    }

    private void finishFile(long received, long dropped) throws IOException {
        try {
            if (pcapng && (received >= 0 || dropped >= 0)) {
                writeStatistics(received, dropped);
            }
            out.flush();
        } finally {
            out.close();
            out = null;
        }
    }

    private void writeStatistics(long received, long dropped) throws IOException {
        long now = System.currentTimeMillis() * 1_000_000L;
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(ISB).putInt(0).putInt(0).putInt((int) (now >>> 32)).putInt((int) now);
        if (received >= 0) {
            b.putShort((short) 4).putShort((short) 8).putLong(received); // isb_ifrecv
        }
        if (dropped >= 0) {
            b.putShort((short) 5).putShort((short) 8).putLong(dropped); // isb_ifdrop
        }
        b.putInt(0); // opt_endofopt
        int total = b.position() + 4;
        b.putInt(total);
        b.putInt(4, total);
        out.write(b.array(), 0, total);
    }

    private void next() throws IOException {
        fileNumber++;
        current = ringBytes > 0 ? ringName(fileNumber) : output;
        if (ringBytes > 0 && Files.exists(current) && !overwrite) {
            throw new FileAlreadyExistsException(current + " exists (use --force to overwrite)");
        }
        out = Files.newOutputStream(current, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        out = new java.io.BufferedOutputStream(out, 1 << 16);
        currentBytes = 0;
        written.add(current);
        ring.addLast(current);
        while (ringFiles > 0 && ring.size() > ringFiles) {
            Path old = ring.removeFirst();
            Files.deleteIfExists(old);
            written.remove(old);
        }
        writeFileHeader();
    }

    /** dumpcap's ring names: the output's name with _NNNNN_YYYYmmddHHMMSS before its extension. */
    private Path ringName(int n) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return output.resolveSibling(String.format("%s_%05d_%s%s", base, n, LocalDateTime.now().format(RING_TIME), ext));
    }

    private void writeFileHeader() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        if (!pcapng) {
            b.putInt(PCAP_NANO_MAGIC).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                    .putInt(snaplen).putInt(linkType);
            out.write(b.array(), 0, b.position());
            currentBytes += b.position();
            return;
        }
        byte[] app = "Lookaside live capture".getBytes(StandardCharsets.UTF_8);
        int start = b.position();
        b.putInt(SHB).putInt(0).putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L);
        option(b, 4, app); // shb_userappl
        b.putInt(0);
        endBlock(b, start);
        start = b.position();
        b.putInt(IDB).putInt(0).putShort((short) linkType).putShort((short) 0).putInt(snaplen);
        if (ifName != null) {
            option(b, 2, ifName.getBytes(StandardCharsets.UTF_8)); // if_name
        }
        option(b, 9, new byte[] {9}); // if_tsresol: 10^-9 s
        b.putInt(0);
        endBlock(b, start);
        out.write(b.array(), 0, b.position());
        currentBytes += b.position();
    }

    private static void option(ByteBuffer b, int code, byte[] value) {
        b.putShort((short) code).putShort((short) value.length).put(value);
        while ((b.position() & 3) != 0) {
            b.put((byte) 0);
        }
    }

    private static void endBlock(ByteBuffer b, int start) {
        int total = b.position() - start + 4;
        b.putInt(total);
        b.putInt(start + 4, total);
    }
}
