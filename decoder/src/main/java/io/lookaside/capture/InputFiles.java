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
