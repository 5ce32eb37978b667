package io.lookaside.app.messages;

import io.lookaside.capture.CaptureException;
import io.lookaside.session.FrameBytes;
import io.lookaside.session.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The capture file of the session on show, opened once for reading frames again (a gzip file
 * is decompressed once), and closed when another capture is shown. Frame tasks run one at a
 * time (one task key) but off the FX thread, which closes it: hence the lock.
 */
final class FrameFiles {
    private FrameBytes.Reader open;
    private String source;

    /** Frame {@code frame} of the session's file after up to {@code earlier} earlier segments of its flow. */
    synchronized List<FrameBytes.Frame> read(Session s, long frame, int earlier) throws IOException, CaptureException {
        if (open == null || !s.source().equals(source)) {
            close();
            open = FrameBytes.Reader.open(Path.of(s.source()));
            source = s.source();
        }
        return open.frameAndEarlierOfFlow(frame, earlier);
    }

    /** Writes the frames numbered in {@code frames} (ascending) of the session's file as pcapng; returns how many. */
    synchronized int export(Session s, long[] frames, Path out) throws IOException, CaptureException {
        if (open == null || !s.source().equals(source)) {
            close();
            open = FrameBytes.Reader.open(Path.of(s.source()));
            source = s.source();
        }
        return open.export(frames, out);
    }

    synchronized String source() {
        return source;
    }

    /**
     * Closes the file of {@code was} off the calling thread (the FX thread must not wait for a
     * frame being read), unless another capture's file was opened meanwhile.
     */
    void closeLater(String was) {
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            synchronized (this) {
                if (was != null && was.equals(source)) {
                    close();
                }
            }
        });
    }

    synchronized void close() {
        if (open != null) {
            open.close();
            open = null;
            source = null;
        }
    }
}
