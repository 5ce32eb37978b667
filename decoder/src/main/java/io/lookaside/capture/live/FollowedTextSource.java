package io.lookaside.capture.live;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.LineDecoder;
import io.lookaside.capture.MessageSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The common loop of the text sources (a QEMU trace log, an strace log, tracefs lines): lines
 * come in, each goes to the offline reader's {@link LineDecoder}, and, when the lines are not
 * already in a file of their own, to the written file, so that reading that file again gives
 * the same lines with the same numbers, and so the same messages.
 */
abstract class FollowedTextSource implements LiveSource {
    /** How long the loop sleeps when nothing new has arrived. */
    private static final long IDLE_MILLIS = 20;

    protected final Path written;
    private final boolean force;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean stopRequested;
    private volatile String endReason;
    private OutputStream copy;

    FollowedTextSource(Path written, boolean force) {
        this.written = written;
        this.force = force;
    }

    /** Refuses to replace an existing file unless told to (--force), as the interface capture does. */
    final void refuseExisting() throws CaptureException {
        if (Files.isDirectory(written)) {
            throw new CaptureException(written + ": is a directory");
        }
        if (!force && Files.exists(written)) {
            throw new CaptureException(written + ": exists (use --force to overwrite)");
        }
    }

    /** The offline reader's line decoder for this source. */
    abstract LineDecoder decoder(MessageSink sink);

    /** Reads what arrived since the last call, handing each whole line to {@code lines}; returns the bytes read. */
    abstract long poll(java.util.function.Consumer<String> lines) throws IOException;

    /** Why the watched thing ended by itself, or null while it runs. */
    abstract String ended();

    /** After the loop, before the last lines are read: detach, stop helpers, let the writer finish. */
    abstract void detach();

    /** Hands over an unfinished last line once nothing more will come. */
    abstract void flushLast(java.util.function.Consumer<String> lines);

    /** True when the source writes the lines itself (the written file is strace's own output). */
    boolean copies() {
        return true;
    }

    /**
     * Drops counted by the mechanism (tracefs lost events). A log written by the traced program
     * itself (QEMU's trace, strace's output) loses nothing: the program waits for its write.
     */
    long dropped() {
        return 0;
    }

    /** Diagnostics the source adds at the end (what it lacks, what it skipped). */
    void finishNotes(MessageSink sink) {
    }

    /** Opens the written file; subclasses call it from start() once what is watched is there. */
    final void openWritten() throws CaptureException {
        if (!copies()) {
            return;
        }
        try {
            copy = new BufferedOutputStream(Files.newOutputStream(written), 1 << 16);
        } catch (IOException e) {
            throw new CaptureException(written + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void run(MessageSink sink, Runnable tick) throws CaptureException {
        LineDecoder decoder = decoder(sink);
        java.util.function.Consumer<String> lines = line -> take(line, decoder);
        long lastTick = System.nanoTime();
        try {
            while (!stopRequested) {
                long n = poll(lines);
                if (System.nanoTime() - lastTick >= TICK.toNanos() || n == 0) {
                    flushCopy();
                    tick.run();
                    lastTick = System.nanoTime();
                }
                String end = ended();
                if (end != null) {
                    endReason = end;
                    break;
                }
                if (n == 0) {
                    sleep();
                }
            }
            detach();
            while (poll(lines) > 0) {
                // the lines written before the writer stopped
            }
            flushLast(lines);
        } catch (IOException e) {
            endReason = "reading stopped: " + e.getMessage();
            sink.diagnostic(Diagnostic.warning(0, -1, endReason));
            detach();
        } finally {
            decoder.finish();
            finishNotes(sink);
            closeCopy(sink);
        }
        tick.run();
    }

    private void take(String line, LineDecoder decoder) {
        records.incrementAndGet();
        bytes.addAndGet(line.length() + 1L);
        if (copy != null) {
            try {
                copy.write(line.getBytes(StandardCharsets.ISO_8859_1));
                copy.write('\n');
            } catch (IOException e) {
                copyFailed = e;
                closeQuietly();
            }
        }
        decoder.line(line);
    }

    private IOException copyFailed;

    private void flushCopy() {
        if (copy != null) {
            try {
                copy.flush();
            } catch (IOException e) {
                copyFailed = e;
                closeQuietly();
            }
        }
    }

    private void closeCopy(MessageSink sink) {
        if (copy != null) {
            try {
                copy.close();
            } catch (IOException e) {
                copyFailed = e;
            }
            copy = null;
        }
        if (copyFailed != null) {
            sink.diagnostic(Diagnostic.warning(0, -1, written + ": writing failed (" + copyFailed.getMessage()
                    + "); the file holds only what came before"));
        }
    }

    private void closeQuietly() {
        try {
            copy.close();
        } catch (IOException e) {
            // already failing: reported once at the end
        }
        copy = null;
    }

    private static void sleep() {
        try {
            Thread.sleep(IDLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        stopRequested = true;
    }

    final boolean stopRequested() {
        return stopRequested;
    }

    @Override
    public LiveCounters counters() {
        return new LiveCounters(records.get(), bytes.get(), dropped(), -1);
    }

    @Override
    public String endReason() {
        return stopRequested ? null : endReason;
    }
}
