package io.lookaside.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Append-only store of message bytes, so that a message can be decoded again on demand
 * without keeping a record object per message (docs/decisions/0001 and 0011).
 *
 * <p>Bytes are gathered in a heap segment (64 KiB, doubling up to 4 MiB); a full segment is
 * written to a temporary file and from then on read through a read-only memory mapping of
 * that part of the file. The heap keeps only the segment being filled; the operating system
 * keeps the file's pages in its page cache while there is room and on disk when there is not.
 * The file is deleted as soon as it is created (its mappings stay valid), so nothing is left
 * behind. When no temporary file can be made, or the temporary directory runs short of
 * space, segments stay on the heap ({@link #spillProblem()} says why). Writing with
 * {@code write(2)} rather than through a writable mapping spares a page fault and a block
 * allocation per page, and turns a full disk into an exception instead of a SIGBUS.
 *
 * <p>Bulk payloads are not stored: the caller says how many leading bytes to keep (the
 * header of an Rread, a Twrite, a FUSE READ reply or WRITE request) and the rest of the
 * message reads back as zeros, never looked at by any decoder or analysis.
 *
 * <p>A position is {@code segment << 32 | offset}; a message larger than 4 MiB gets a segment
 * of its own.
 */
final class MessageStore implements AutoCloseable {
    private static final int FIRST_SEGMENT = 64 << 10;
    private static final int MAX_SEGMENT = 4 << 20;
    /** Space left free in the temporary directory, so the machine keeps working. */
    private static final long RESERVE = 256L << 20;
    /** Messages up to this size are expanded into a per-thread buffer for decoding. */
    private static final int MAX_SCRATCH = 4 << 20;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final Path tempDir;
    /** Read-only views of every segment: heap ones while they fill, mapped ones once written out. */
    private volatile ByteBuffer[] segments = new ByteBuffer[0];
    private int count;
    private byte[] current;
    private int used;
    private int nextSize = FIRST_SEGMENT;
    private FileChannel spill;
    private long spillEnd;
    private boolean spillTried;
    private String spillProblem;
    private long heapBytes;
    private long mappedBytes;

    /** A store that spills to a file in {@code tempDir}, or, when it is null, one that stays on the heap. */
    MessageStore(Path tempDir) {
        this.tempDir = tempDir;
        this.spillTried = tempDir == null;
    }

    /** Stores the first {@code keep} bytes of the message between {@code bytes}' position and limit. */
    long append(ByteBuffer bytes, int keep) {
        if (current == null || used + keep > current.length) {
            seal();
            current = new byte[Math.max(nextSize, keep)];
            nextSize = Math.min(MAX_SEGMENT, nextSize * 2);
            used = 0;
            heapBytes += current.length;
            publish(count++, ByteBuffer.wrap(current).asReadOnlyBuffer());
        }
        bytes.get(bytes.position(), current, used, keep);
        long pos = (long) (count - 1) << 32 | used;
        used += keep;
        return pos;
    }

    private void publish(int index, ByteBuffer segment) {
        ByteBuffer[] s = index < segments.length ? segments.clone() : Arrays.copyOf(segments, index + 1);
        s[index] = segment;
        segments = s;
    }

    /** Writes the segment being filled to the temporary file and reads it through a mapping from now on. */
    private void seal() {
        if (current == null || !spillReady()) {
            return;
        }
        try {
            long free = Files.getFileStore(tempDir).getUsableSpace();
            if (free - used < RESERVE) {
                giveUp("the temporary directory " + tempDir + " has " + (free >> 20) + " MiB free");
                return;
            }
            ByteBuffer src = ByteBuffer.wrap(current, 0, used);
            long at = spillEnd;
            while (src.hasRemaining()) {
                at += spill.write(src, at);
            }
            ByteBuffer mapped = spill.map(FileChannel.MapMode.READ_ONLY, spillEnd, used);
            spillEnd = at;
            publish(count - 1, mapped);
            heapBytes -= current.length;
            mappedBytes += used;
        } catch (IOException e) {
            giveUp("cannot write message bytes to the temporary file (" + e.getMessage() + ")");
        }
    }

    private boolean spillReady() {
        if (!spillTried) {
            spillTried = true;
            try {
                Path file = Files.createTempFile(tempDir, "lookaside-store-", ".bin");
                spill = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
                try {
                    Files.deleteIfExists(file); // POSIX: the open channel and its mappings live on
                } catch (IOException e) {
                    // Windows keeps an open file: DELETE_ON_CLOSE removes it when the store closes.
                }
            } catch (IOException | UnsupportedOperationException e) {
                spillProblem = "no temporary file for message bytes in " + tempDir + " (" + e.getMessage() + ")";
            }
        }
        return spill != null;
    }

    private void giveUp(String why) {
        spillProblem = why;
        closeSpill();
    }

    /** Why message bytes stayed on the heap, or null when they went to the temporary file. */
    String spillProblem() {
        return spillProblem;
    }

    /**
     * The stored message as a read-only buffer of {@code len} bytes: a view of the store when
     * it was kept whole, else a new copy whose bytes past {@code kept} are zero.
     */
    ByteBuffer view(ByteBuffer[] segs, long pos, int len, int kept) {
        ByteBuffer seg = segs[(int) (pos >>> 32)];
        int off = (int) pos;
        if (kept == len) {
            return seg.slice(off, len);
        }
        byte[] copy = new byte[len];
        seg.get(off, copy, 0, kept);
        return ByteBuffer.wrap(copy).asReadOnlyBuffer();
    }
    /**
     * Hands the message to {@code use} as a buffer of {@code len} bytes that lives only during
     * the call: a view when the message was kept whole, else a per-thread buffer whose bytes
     * past {@code kept} are zero (no allocation for the bulk payloads not kept).
     */
    <T> T withMessage(ByteBuffer[] segs, long pos, int len, int kept, java.util.function.Function<ByteBuffer, T> use) {
        if (kept == len) {
            return use.apply(view(segs, pos, len, kept));
        }
        Scratch s = SCRATCH.get();
        if (s.busy || len > MAX_SCRATCH) {
            return use.apply(view(segs, pos, len, kept));
        }
        s.busy = true;
        try {
            return use.apply(s.fill(segs[(int) (pos >>> 32)], (int) pos, len, kept));
        } finally {
            s.busy = false;
        }
    }

    /** The segments written so far, for a session (final or a prefix) to read from. */
    ByteBuffer[] segments() {
        return segments;
    }

    /** Heap held by segments not (yet) in the temporary file. */
    long heapBytes() {
        return heapBytes;
    }

    /** Bytes in the temporary file, read through mappings (page cache, not heap). */
    long mappedBytes() {
        return mappedBytes;
    }

    /**
     * Loading is done: the last segment goes to the file too, and the file is closed (its name
     * is gone; its mappings stay readable). Any later append starts a heap segment.
     */
    @Override
    public void close() {
        seal();
        current = null;
        closeSpill();
    }

    private void closeSpill() {
        if (spill != null) {
            try {
                spill.close();
            } catch (IOException e) {
                // Nothing is lost: the mappings do not depend on the channel.
            }
            spill = null;
        }
    }

    /** A per-thread buffer, zero beyond what the last message kept, reused for decoding. */
    private static final class Scratch {
        private byte[] a = new byte[0];
        private int dirty;
        private boolean busy;

        ByteBuffer fill(ByteBuffer seg, int off, int len, int kept) {
            if (a.length < len) {
                a = new byte[Math.min(MAX_SCRATCH, Math.max(len, a.length * 2))];
                dirty = 0;
            }
            if (dirty > kept) {
                Arrays.fill(a, kept, dirty, (byte) 0);
            }
            seg.get(off, a, 0, kept);
            dirty = kept;
            return ByteBuffer.wrap(a, 0, len).slice().asReadOnlyBuffer();
        }
    }
}
