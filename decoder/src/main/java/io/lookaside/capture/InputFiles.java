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

    /** A buffered stream of the file's content, decompressed when it is gzip. */
    public static InputStream open(Path path) throws CaptureException {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            return isGzip(path) ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
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
            InputStream in = isGzip(path) ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
                    : buffered;
            return new Counted(in, raw, total);
        } catch (IOException e) {
            throw unreadable(path, e);
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

    /** Up to {@code n} bytes of the (decompressed) content, for detecting what the input is. */
    public static byte[] head(Path path, int n) throws CaptureException {
        try (InputStream in = open(path)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            // A corrupt gzip member still lets us say what it is not.
            return new byte[0];
        }
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
