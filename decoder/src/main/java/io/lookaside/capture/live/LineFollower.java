package io.lookaside.capture.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows a text file as another program writes it, as {@code tail -F} does: from its first
 * byte, waiting for it when it does not exist yet, starting again from the top when it is
 * truncated or replaced (a new file under the same name). Hands over whole lines only; the
 * last, unfinished one waits for its newline until {@link #flush}. A line longer than the bound
 * is skipped (the input is untrusted) and counted.
 */
final class LineFollower implements AutoCloseable {
    /** Bytes read in one {@link #poll}: bounds the time between ticks of a source. */
    private static final int MAX_POLL = 1 << 20;

    private final Path path;
    private final int maxLine;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private FileChannel channel;
    private Object fileKey;
    private long position;
    private boolean tooLong;
    private long overlong;
    private long restarts;

    LineFollower(Path path, int maxLine) {
        this.path = Objects.requireNonNull(path);
        this.maxLine = maxLine;
    }

    /** Reads what was written since the last call; returns the bytes read (0: nothing new). */
    long poll(Consumer<String> lines) throws IOException {
        if (channel == null && !open()) {
            return 0;
        }
        long size = channel.size();
        if (size < position || replaced()) {
            // truncated or replaced: what is there now is a new log, read from its start
            restarts++;
            close();
            line.reset();
            tooLong = false;
            if (!open()) {
                return 0;
            }
        }
        long total = 0;
        while (total < MAX_POLL) {
            buf.clear();
            int n = channel.read(buf, position);
            if (n <= 0) {
                break;
            }
            position += n;
            total += n;
            split(buf.array(), n, lines);
        }
        return total;
    }

    private void split(byte[] b, int n, Consumer<String> lines) {
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == '\n') {
                append(b, start, i - start);
                emit(lines);
                start = i + 1;
            }
        }
        append(b, start, n - start);
    }

    private void append(byte[] b, int off, int len) {
        if (tooLong) {
            return;
        }
        if (line.size() + len > maxLine) {
            tooLong = true;
            line.reset();
            return;
        }
        line.write(b, off, len);
    }

    private void emit(Consumer<String> lines) {
        if (tooLong) {
            overlong++;
            tooLong = false;
            lines.accept(""); // line numbers stay those of the file, as LineReader keeps them
            return;
        }
        int n = line.size();
        byte[] bytes = line.toByteArray();
        if (n > 0 && bytes[n - 1] == '\r') {
            n--;
        }
        lines.accept(new String(bytes, 0, n, StandardCharsets.ISO_8859_1));
        line.reset();
    }

    /** Hands over the last line even without its newline: the writer has finished. */
    void flush(Consumer<String> lines) {
        if (line.size() > 0 || tooLong) {
            emit(lines);
        }
    }

    /** True once the file has been opened at least once. */
    boolean seen() {
        return fileKey != null || channel != null;
    }

    long overlong() {
        return overlong;
    }

    /** How often the file was truncated or replaced while followed. */
    long restarts() {
        return restarts;
    }

    private boolean open() throws IOException {
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return false;
        }
        fileKey = key();
        position = 0;
        return true;
    }

    private boolean replaced() {
        try {
            Object now = key();
            return now != null && !now.equals(fileKey);
        } catch (IOException e) {
            return false; // gone for the moment: keep reading what is open
        }
    }

    private Object key() throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // a read-only channel: nothing was lost
            }
            channel = null;
        }
    }
}
