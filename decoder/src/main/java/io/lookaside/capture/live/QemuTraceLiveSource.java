package io.lookaside.capture.live;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.InputKind;
import io.lookaside.capture.LineDecoder;
import io.lookaside.capture.MessageSink;
import io.lookaside.capture.QemuTraceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Follows QEMU's virtio-9p trace log ({@code -trace 'v9fs_*' -D LOG -msg timestamp=on}) as
 * QEMU writes it: virtio-9p ({@code trans=virtio}) never touches a network interface, so its
 * trace is the one place to watch it. The log is read from its first line (a log that does not
 * exist yet is waited for: QEMU may start after the capture), its lines are copied to the
 * written file, which opens again as {@link InputKind#QEMU_TRACE}. It runs until stopped: the
 * log does not tell when QEMU has exited.
 */
public final class QemuTraceLiveSource extends GrowingFileSource {
    /** The longest trace line kept; as the offline reader's bound. */
    private static final int MAX_LINE = 16 << 10;

    private final Path log;

    public QemuTraceLiveSource(Path log, Path written, boolean force) {
        super(written, force);
        this.log = log;
    }

    @Override
    public void start() throws CaptureException {
        Path dir = log.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CaptureException(log + ": its directory does not exist (QEMU writes the log there with -D)");
        }
        if (Files.isDirectory(log)) {
            throw new CaptureException(log + ": is a directory, not QEMU's trace log");
        }
        try {
            if (Files.exists(written) && Files.exists(log) && Files.isSameFile(written, log)) {
                throw new CaptureException(written + ": is the followed log itself; write to another file");
            }
        } catch (IOException e) {
            throw new CaptureException(written + ": " + e.getMessage(), e);
        }
        refuseExisting();
        follow(log, MAX_LINE);
        openWritten();
    }

    @Override
    LineDecoder decoder(MessageSink sink) {
        return QemuTraceSource.lines(sink);
    }

    @Override
    String ended() {
        return null;
    }

    @Override
    void detach() {
        // QEMU goes on writing its log; nothing of ours to stop
    }

    @Override
    void finishNotes(MessageSink sink) {
        if (!follower.seen()) {
            sink.diagnostic(io.lookaside.capture.Diagnostic.warning(0, -1, log + " never appeared: did QEMU run with"
                    + " -trace 'v9fs_*' -D " + log + " -msg timestamp=on?"));
        }
        if (follower.restarts() > 0) {
            sink.diagnostic(io.lookaside.capture.Diagnostic.info(0, -1, log + " was truncated or replaced "
                    + follower.restarts() + " times; it was read again from its start each time"));
        }
    }

    @Override
    public InputKind writes() {
        return InputKind.QEMU_TRACE;
    }
}
