package io.lookaside.session;

import io.lookaside.capture.Diagnostic;
import io.lookaside.wire.Le;
import io.lookaside.wire.ProtocolMessage;
import java.util.List;

/**
 * An immutable, loaded capture: one row per protocol message in capture order, held as
 * primitive columns (49 bytes a message on the heap), with the message bytes in a store
 * outside the heap so that the full record is decoded again on demand ({@link #message(int)}).
 * This is all the GUI and the analyses see of a capture.
 *
 * <p>A session may also be a prefix of one still loading ({@link SessionLoader}): its rows
 * stay as they are, except that a request may gain its reply later. Sessions are safe to read
 * from any thread.
 */
public final class Session {
    private static final Direction[] DIRECTIONS = Direction.values();

    /** Message flag: only a header was captured (e.g. kernel tracepoints). */
    public static final int HEADER_ONLY = 1;
    /** Message flag: a reply whose request was not in the capture (capture started late). */
    public static final int NO_REQUEST = 2;
    /** Message flag: a request cancelled by Tflush before its reply (flush(5)): it never happened. */
    public static final int FLUSHED = 4;
    /** Message flag: a request that expects no reply (FUSE FORGET, BATCH_FORGET, NOTIFY_REPLY). */
    public static final int NO_REPLY_EXPECTED = 8;
    /** Message flag: a request re-sent after NOTIFY_RESEND (FUSE unique bit 63). */
    public static final int RESENT = 16;
    /**
     * Message flag: the header was rebuilt from an event that names only len, opcode or error,
     * and unique (a kernel tracepoint); the request header's nodeid, uid, gid and pid were not
     * captured.
     */
    public static final int SYNTHETIC_HEADER = 32;
    /** Message flag: a FUSE request the kernel sent an INTERRUPT for. */
    public static final int INTERRUPTED = 64;

    private final String source;
    private final String sourceKind;
    private final int size;
    private final Columns cols;
    private final MessageStore store;
    private final java.nio.ByteBuffer[] segments;
    private final List<Conversation> conversations;
    private final List<Connection> connections;
    /** The same as arrays, for the per-message accessors (no list's bounds check and dispatch a message). */
    private final Conversation[] conversationAt;
    private final Connection[] connectionAt;
    private final List<Diagnostic> diagnostics;
    private final boolean truncated;

    /** The first {@code size} rows of {@code b}: all of them when loading is done, a prefix while it goes on. */
    Session(SessionBuilder b, int size, List<Diagnostic> diagnostics, boolean truncated) {
        this.source = b.source;
        this.sourceKind = b.sourceKind;
        this.size = size;
        this.cols = b.cols.snapshot();
        this.store = b.store;
        this.segments = littleEndian(b.store.segments());
        this.conversations = List.copyOf(b.conversations);
        this.connections = conversations.stream().map(c -> c.connection).toList();
        this.conversationAt = conversations.toArray(new Conversation[0]);
        this.connectionAt = connections.toArray(new Connection[0]);
        this.diagnostics = diagnostics;
        this.truncated = truncated;
    }

    /** The same rows as {@code of}, the first {@code size} of them. */
    private Session(Session of, int size) {
        this.source = of.source;
        this.sourceKind = of.sourceKind;
        this.size = size;
        this.cols = of.cols;
        this.store = of.store;
        this.segments = of.segments;
        this.conversations = of.conversations;
        this.connections = of.connections;
        this.conversationAt = of.conversationAt;
        this.connectionAt = of.connectionAt;
        this.diagnostics = of.diagnostics;
        this.truncated = false;
    }

    /**
     * The first {@code size} rows as a session of their own: a reply beyond them is not there
     * ({@link #peer} says -1), as in a prefix handed out while loading. What a streaming
     * analysis has settled ({@code io.lookaside.analysis.LiveAnalysis}) is such a prefix.
     */
    public Session prefix(int size) {
        if (size < 0 || size > this.size) {
            throw new IllegalArgumentException("prefix of " + size + " rows of a session of " + this.size);
        }
        return size == this.size ? this : new Session(this, size);
    }

    /**
     * Views of the store's segments in little-endian order, 9P's (and FUSE's on every capture we
     * know of): the reads in place ({@link #message}'s 9P decoding, {@link #u16}, {@link #u32})
     * then take a field with one access and no byte swap, where the default big-endian order
     * swapped it twice (once in the buffer, once back in {@link Le}). Slices of them
     * ({@link #bytes}) are big-endian again, as {@code slice} makes them.
     */
    private static java.nio.ByteBuffer[] littleEndian(java.nio.ByteBuffer[] segments) {
        java.nio.ByteBuffer[] le = new java.nio.ByteBuffer[segments.length];
        for (int k = 0; k < segments.length; k++) {
            le[k] = segments[k].duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        }
        return le;
    }

    /** The file this session was loaded from, as the user named it. */
    public String source() {
        return source;
    }

    /** What kind of input it was: {@code pcap}, {@code pcapng}, {@code fusedump}, {@code strace}, {@code tracefs}. */
    public String sourceKind() {
        return sourceKind;
    }

    public int size() {
        return size;
    }

    public long tsNanos(int i) {
        return cols.tsNanos(i);
    }

    /** 1-based capture record in which the message completed (Wireshark's frame number). */
    public long frame(int i) {
        return cols.frame(i);
    }

    public int conn(int i) {
        return cols.conn(i);
    }

    public Connection connection(int i) {
        return connectionAt[cols.conn(i)];
    }

    public List<Connection> connections() {
        return connections;
    }

    /** The protocol type code: the 9P type byte, or the FUSE opcode (replies: the request's). */
    public int typeCode(int i) {
        return cols.type(i);
    }

    public String typeName(int i) {
        return conversation(i).typeName(this, i);
    }

    public Direction direction(int i) {
        return DIRECTIONS[cols.direction(i)];
    }

    /** The 9P tag or the FUSE unique. */
    public long key(int i) {
        return cols.key(i);
    }

    /**
     * The other message of this exchange (request for a reply, reply for a request), or -1.
     * While a session is a prefix of one still loading, a reply not yet loaded is -1.
     */
    public int peer(int i) {
        int p = cols.peer(i);
        return p < size ? p : -1;
    }

    /** Reply time minus request time for a reply whose request was seen, else -1. */
    public long rttNanos(int i) {
        int p = peer(i);
        if (p < 0 || cols.direction(i) != Direction.REPLY.ordinal()) {
            return -1;
        }
        return cols.tsNanos(i) - cols.tsNanos(p);
    }

    public int flags(int i) {
        return cols.flags(i);
    }

    public boolean hasFlag(int i, int flag) {
        return (cols.flags(i) & flag) != 0;
    }

    /** Per-message protocol context: the 9P dialect ordinal or a FUSE context index. */
    int ctx(int i) {
        return cols.ctx(i);
    }

    /** The dialect ({@code 9P2000.L}) or negotiated FUSE version ({@code 7.31}) of message {@code i}. */
    public String dialect(int i) {
        return conversation(i).dialect(this, i);
    }

    /**
     * Who waits for message {@code i}: a 9P connection, or a FUSE pid (ids of different kinds
     * never collide: FUSE requesters carry the connection in their high bits).
     */
    public long requester(int i) {
        return conversation(i).requester(this, i);
    }

    /** Decodes message {@code i} again from its stored bytes. Never throws on bad bytes. */
    public ProtocolMessage message(int i) {
        Conversation c = conversation(i);
        int len = cols.storeLen(i);
        int kept = c.kept(cols.type(i), cols.direction(i), len);
        if (kept == len) {
            // Most messages are kept whole: decode them in place in their segment, without the
            // capturing lambda or a slice (allocations per message in the analyses' hot loops).
            long pos = cols.storePos(i);
            return c.decode(this, i, segments[(int) (pos >>> 32)], (int) pos, len);
        }
        return store.withMessage(segments, cols.storePos(i), len, kept, b -> c.decode(this, i, b));
    }

    /**
     * The bytes of message {@code i} (read-only), {@link #length(int)} of them. Only the first
     * {@link #keptLength(int)} are the captured ones; the rest of a bulk payload that was not
     * kept reads as zeros, in a copy made for this call.
     */
    public java.nio.ByteBuffer bytes(int i) {
        return store.view(segments, cols.storePos(i), cols.storeLen(i), keptLength(i));
    }

    /**
     * The little-endian u16 at byte {@code offset} of message {@code i}, read in place (no buffer,
     * no decoding), or -1 when the message is shorter. As in {@link #bytes(int)}, the bytes of a
     * bulk payload that was not kept read as zeros.
     */
    public int u16(int i, int offset) {
        int len = cols.storeLen(i);
        if (offset < 0 || len - 2 < offset) {
            return -1;
        }
        if (offset + 2 <= keptLength(i)) {
            long pos = cols.storePos(i);
            return Le.u16(segments[(int) (pos >>> 32)], (int) pos + offset);
        }
        java.nio.ByteBuffer b = bytes(i);
        return Le.u16(b, b.position() + offset);
    }

    /** As {@link #u16(int, int)}, a u32 (-1 when the message is shorter). */
    public long u32(int i, int offset) {
        int len = cols.storeLen(i);
        if (offset < 0 || len - 4 < offset) {
            return -1;
        }
        if (offset + 4 <= keptLength(i)) {
            long pos = cols.storePos(i);
            return Le.u32(segments[(int) (pos >>> 32)], (int) pos + offset);
        }
        java.nio.ByteBuffer b = bytes(i);
        return Le.u32(b, b.position() + offset);
    }

    /** The message's length in bytes, as on the wire (9P size[4], FUSE len[4]). */
    public int length(int i) {
        return cols.storeLen(i);
    }

    /**
     * How many leading bytes of message {@code i} the session keeps: all of them, except for
     * bulk payloads (9P Rread and Twrite data, FUSE READ reply and WRITE request data,
     * NOTIFY_STORE and NOTIFY_REPLY data), of which only the header is kept.
     */
    public int keptLength(int i) {
        return conversation(i).kept(cols.type(i), cols.direction(i), cols.storeLen(i));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The input ended in the middle of a record: everything up to the cut was decoded. */
    public boolean truncated() {
        return truncated;
    }

    /**
     * Heap bytes this session holds for its rows: the columns (49 bytes a row, in chunks of
     * 32 768 rows) and any message bytes that could not go to the temporary file. The budget is
     * 64 bytes a message (docs/decisions/0011).
     */
    public long retainedHeapBytes() {
        return cols.retainedBytes() + store.heapBytes();
    }

    /**
     * Bytes held by the message store, on the heap or in the memory-mapped temporary file: at
     * most the bytes of the messages, less the bulk payloads that are not kept.
     */
    public long retainedStoreBytes() {
        return store.heapBytes() + store.mappedBytes();
    }

    /** Message bytes held in the memory-mapped temporary file (page cache, not heap). */
    public long mappedStoreBytes() {
        return store.mappedBytes();
    }

    Conversation conversation(int i) {
        return conversationAt[cols.conn(i)];
    }
}
