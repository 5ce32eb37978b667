package io.lookaside.session;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only store of message bytes in large chunks, so that a message can be decoded again
 * on demand without keeping a record object per message. A position is
 * {@code chunk << 32 | offset}. Messages larger than a chunk get a chunk of their own.
 */
final class MessageStore {
    private static final int CHUNK = 1 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current;
    private int used;

    long append(ByteBuffer bytes) {
        int len = bytes.remaining();
        if (current == null || used + len > current.length) {
            current = new byte[Math.max(CHUNK, len)];
            chunks.add(current);
            used = 0;
        }
        bytes.get(bytes.position(), current, used, len);
        long pos = ((long) (chunks.size() - 1) << 32) | used;
        used += len;
        return pos;
    }

    /** A read-only view of {@code len} bytes at {@code pos}, positioned at the message start. */
    ByteBuffer view(long pos, int len) {
        byte[] chunk = chunks.get((int) (pos >>> 32));
        return ByteBuffer.wrap(chunk, (int) pos, len).slice().asReadOnlyBuffer();
    }

    long retainedBytes() {
        long n = 0;
        for (byte[] c : chunks) {
            n += c.length;
        }
        return n;
    }
}
