package io.lookaside.capture;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip-compressed capture decompressed into a temporary file, because libpcap reads only
 * files. The copy is bounded ({@code limit} bytes; the free space of the temporary directory
 * is checked before and during the copy) and deleted by {@link #close()}, also when reading
 * fails. A gzip stream that is cut short or damaged keeps what came before the damage.
 */
final class GzipSpool implements AutoCloseable {
    /** Space left free in the temporary directory, so the machine keeps working. */
    static final long RESERVE = 64L << 20;
    private static final int CHUNK = 1 << 16;
    private static final long SPACE_CHECK_EVERY = 64L << 20;

    final Path file;
    final long size;
    /** Why the copy stopped before the end of the gzip stream, or null. */
    final String cut;
    final boolean limitHit;

    private GzipSpool(Path file, long size, String cut, boolean limitHit) {
        this.file = file;
        this.size = size;
        this.cut = cut;
        this.limitHit = limitHit;
    }

    /**
     * Decompresses {@code gz} into a new temporary file, at most {@code limit} bytes.
     * Progress goes from 0 to half the compressed size.
     */
    static GzipSpool decompress(Path gz, long limit, Path tempDir, LoadMonitor monitor) throws CaptureException {
        long compressed;
        try {
            compressed = Files.size(gz);
        } catch (IOException e) {
            throw InputFiles.unreadable(gz, e);
        }
        checkSpace(gz, tempDir, trailerSize(gz, compressed), 0);
        Path tmp;
        try {
            tmp = Files.createTempFile(tempDir, "lookaside-", ".pcap");
        } catch (IOException e) {
            throw new CaptureException("cannot create a temporary file in " + tempDir + " to decompress "
                    + gz.getFileName() + " (" + e.getMessage() + ")", e);
        }
        boolean ok = false;
        try {
            GzipSpool spool = copy(gz, tmp, compressed, limit, tempDir, monitor);
            ok = true;
            return spool;
        } finally {
            if (!ok) {
                delete(tmp);
            }
        }
    }

    private static GzipSpool copy(Path gz, Path tmp, long compressed, long limit, Path tempDir, LoadMonitor monitor)
            throws CaptureException {
        long written = 0;
        String cut = null;
        boolean limitHit = false;
        try (InputFiles.CountingStream raw = new InputFiles.CountingStream(Files.newInputStream(gz));
             OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            InputStream in;
            try {
                in = new GZIPInputStream(raw, CHUNK);
            } catch (ZipException | EOFException e) {
                throw new CaptureException(gz + ": not a readable gzip file (" + e.getMessage() + ")", e);
            }
            byte[] buf = new byte[CHUNK];
            long nextSpaceCheck = SPACE_CHECK_EVERY;
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (EOFException e) {
                    cut = "the gzip stream is cut short after " + written + " decompressed bytes";
                    break;
                } catch (ZipException e) {
                    cut = "the gzip stream is damaged after " + written + " decompressed bytes (" + e.getMessage() + ")";
                    break;
                }
                if (n < 0) {
                    break;
                }
                if (written + n > limit) {
                    out.write(buf, 0, (int) (limit - written));
                    written = limit;
                    limitHit = true;
                    break;
                }
                out.write(buf, 0, n);
                written += n;
                if (written >= nextSpaceCheck) {
                    nextSpaceCheck += SPACE_CHECK_EVERY;
                    checkSpace(gz, tempDir, 0, written);
                    monitor.progress(raw.count() / 2, compressed);
                    if (monitor.cancelled()) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new CaptureException("cannot decompress " + gz.getFileName() + " into " + tempDir
                    + " (" + e.getMessage() + ")", e);
        }
        monitor.progress(compressed / 2, compressed);
        return new GzipSpool(tmp, written, cut, limitHit);
    }

    /**
     * ISIZE, the gzip trailer's uncompressed size modulo 2^32 (RFC 1952 2.3.1): a lower bound
     * of the decompressed size, enough to refuse early when it cannot fit.
     */
    private static long trailerSize(Path gz, long compressed) {
        if (compressed < 18) {
            return 0;
        }
        try (var ch = Files.newByteChannel(gz)) {
            ch.position(compressed - 4);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (ch.read(b) < 0) {
                    return 0;
                }
            }
            return b.getInt(0) & 0xFFFF_FFFFL;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void checkSpace(Path gz, Path tempDir, long needed, long written) throws CaptureException {
        long free;
        try {
            free = Files.getFileStore(tempDir).getUsableSpace();
        } catch (IOException e) {
            return; // no way to know: the write itself will fail if space runs out
        }
        if (free - needed < RESERVE) {
            throw new CaptureException("not enough free space in " + tempDir + " to decompress " + gz.getFileName()
                    + " (" + (written > 0 ? written + " bytes written, " : "") + (needed > 0 ? "at least " + needed
                    + " bytes needed, " : "") + free + " bytes free); decompress it somewhere roomier "
                    + "(gunzip) and open the .pcap, or set java.io.tmpdir");
        }
    }

    /** Deletes the temporary file. */
    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            p.toFile().deleteOnExit();
        }
    }
}
