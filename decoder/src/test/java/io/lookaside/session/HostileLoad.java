package io.lookaside.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Allocation;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;

/**
 * Loads untrusted bytes the way a user's file is loaded ({@link SessionLoader}, real libpcap,
 * real temporary files) and says what happened: a session, or the one-line message of the
 * {@link CaptureException} that refused the whole file (the one failure a source may report by
 * throwing, so it is an outcome here, not an error), with the bytes allocated by this thread
 * and the time taken. Any other exception propagates and fails the caller, and so does a
 * warning logged through java.util.logging while loading.
 */
public final class HostileLoad {
    private HostileLoad() {
    }

    /** A session or a refusal, and what loading cost. */
    public record Outcome(Session session, String refusal, long allocatedBytes, long nanos) {
    }

    /** Writes {@code content} (gzip-compressed when asked) to a temporary file and loads it. */
    public static Outcome load(byte[] content, boolean gzip, CaptureOptions options) throws IOException {
        Path file = Files.createTempFile("lookaside-hostile-", gzip ? ".gz" : ".bin");
        try {
            try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file))
                    : Files.newOutputStream(file)) {
                out.write(content);
            }
            return load(file, options);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public static Outcome load(Path file, CaptureOptions options) {
        Logged logged = new Logged();
        Logger root = Logger.getLogger("");
        root.addHandler(logged);
        long allocated = Allocation.allocatedBytes();
        long start = System.nanoTime();
        Session session = null;
        String refusal = null;
        try {
            session = SessionLoader.load(file, options, LoadMonitor.NONE);
        } catch (CaptureException e) {
            refusal = e.getMessage();
            assertThat(refusal).isNotBlank().doesNotContain("\n", "\r");
        } finally {
            root.removeHandler(logged);
        }
        long nanos = System.nanoTime() - start;
        assertThat(logged.first).as("what a library logged while loading (a failure the user would not see)").isNull();
        return new Outcome(session, refusal, Allocation.allocatedBytes() - allocated, nanos);
    }

    /**
     * Keeps the first log record at WARNING or above: JNA logs an exception thrown inside a
     * native callback and carries on, so a record dropped that way would otherwise go unseen.
     */
    private static final class Logged extends Handler {
        volatile String first;

        Logged() {
            setLevel(Level.WARNING);
        }

        @Override
        public void publish(LogRecord r) {
            if (first == null && isLoggable(r)) {
                first = r.getLoggerName() + ": " + r.getMessage() + (r.getThrown() != null ? " " + r.getThrown() : "");
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
