package io.lookaside.capture.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A text source whose lines another program writes to a file (QEMU its trace log, strace its
 * output): the file is followed as it grows, and its last unfinished line is handed over once
 * the writer has stopped.
 */
abstract class GrowingFileSource extends FollowedTextSource {
    /** Set by {@link #follow} from start(), once what is watched is there. */
    LineFollower follower;

    GrowingFileSource(Path written, boolean force) {
        super(written, force);
    }

    /** Starts following {@code file}, whose lines are at most {@code maxLine} long. */
    final void follow(Path file, int maxLine) {
        follower = new LineFollower(file, maxLine);
    }

    @Override
    final long poll(Consumer<String> lines) throws IOException {
        return follower.poll(lines);
    }

    @Override
    final void flushLast(Consumer<String> lines) {
        follower.flush(lines);
        follower.close();
    }
}
