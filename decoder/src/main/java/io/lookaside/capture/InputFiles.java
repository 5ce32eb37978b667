package io.lookaside.capture;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening inputs that may be gzip-compressed, detected by content rather than by name. */
public final class InputFiles {
    private InputFiles() {
    }

    /** True when the file starts with the gzip magic 1f 8b. */
    public static boolean isGzip(Path path) throws CaptureException {
        byte[] head = rawHead(path, 2);
        return head.length == 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    }

    /**
     * A buffered stream of the file's content, decompressed when it is gzip. Decompression
     * stops with an IOException after {@link PcapSource#MAX_DECOMPRESSED} bytes, as for pcap
     * files: the readers report it and keep what came before.
     */
    public static InputStream open(Path path) throws CaptureException {
        return open(path, PcapSource.MAX_DECOMPRESSED);
    }

    static InputStream open(Path path, long maxDecompressed) throws CaptureException {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            return isGzip(path) ? gunzip(in, maxDecompressed) : in;
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /**
     * As {@link #open(Path)}, and counts the bytes taken from the file itself (compressed
     * bytes for gzip), for progress against {@link Counted#total()}.
     */
    public static Counted openCounted(Path path) throws CaptureException {
        try {
            long total = Files.size(path);
            CountingStream raw = new CountingStream(Files.newInputStream(path));
            InputStream buffered = new BufferedInputStream(raw, 1 << 16);
            InputStream in = isGzip(path) ? gunzip(buffered, PcapSource.MAX_DECOMPRESSED) : buffered;
            return new Counted(in, raw, total);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    private static InputStream gunzip(InputStream in, long maxDecompressed) throws IOException {
        return new BufferedInputStream(new Bounded(new GZIPInputStream(in, 1 << 16), maxDecompressed), 1 << 16);
    }

    /** Fails the read that would go past {@code limit} decompressed bytes (a gzip bomb stops there). */
    private static final class Bounded extends java.io.FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (count >= limit) {
                if (super.read() < 0) {
                    return -1;
                }
                throw new IOException("the gzip stream decompresses to more than " + limit + " bytes; only the first "
                        + limit + " were read (decompress it yourself to read it all)");
            }
            int n = super.read(b, off, (int) Math.min(len, limit - count));
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[(int) Math.min(n, 8192)];
            int k = read(scratch, 0, scratch.length);
            return Math.max(0, k);
        }
    }

    /** An opened input and how far into the file reading has got. */
    public record Counted(InputStream in, CountingStream raw, long total) {
        public long consumed() {
            return raw.count();
        }
    }

    /** Counts the bytes read through it. */
    public static final class CountingStream extends java.io.FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        public long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += k;
            return k;
        }
    }

    /**
     * Up to {@code n} bytes of the (decompressed) content, for detecting what the input is. A gzip
     * stream cut short (or damaged) gives the bytes before the cut, so a truncated .gz is detected
     * as what it starts with and decodes up to the cut, like a truncated uncompressed file.
     */
    public static byte[] head(Path path, int n) throws CaptureException {
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        try (InputStream in = open(path)) {
            byte[] buf = new byte[4096];
            while (got.size() < n) {
                int k = in.read(buf, 0, Math.min(buf.length, n - got.size()));
                if (k < 0) {
                    break;
                }
                got.write(buf, 0, k);
            }
        } catch (IOException e) {
            // Cut short or corrupt: what came before still says what the input is (or is not).
        }
        return got.toByteArray();
    }

    private static byte[] rawHead(Path path, int n) throws CaptureException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** One clear sentence for a file that cannot be opened. */
    public static CaptureException unreadable(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new CaptureException(path + ": no such file");
        }
        if (Files.isDirectory(path)) {
            return new CaptureException(path + ": is a directory, not a capture");
        }
        return new CaptureException(path + ": cannot be read (" + e.getMessage() + ")", e);
    }
}
