package io.lookaside.session;

import io.lookaside.capture.Diagnostic;
import io.lookaside.wire.ProtocolMessage;
import java.util.List;

/**
 * An immutable, loaded capture: one row per protocol message in capture order, held as
 * primitive columns (about 50 bytes a message), with the message bytes in a chunked store so
 * that the full record is decoded again on demand ({@link #message(int)}). This is all the
 * GUI and the analyses see of a capture.
 */
public final class Session {
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
    private final long[] tsNanos;
    private final long[] frame;
    private final int[] conn;
    private final short[] type;
    private final byte[] direction;
    private final byte[] ctx;
    private final byte[] flags;
    private final long[] key;
    private final int[] peer;
    private final long[] storePos;
    private final int[] storeLen;
    private final MessageStore store;
    private final List<Conversation> conversations;
    private final List<Connection> connections;
    private final List<Diagnostic> diagnostics;
    private final boolean truncated;

    Session(SessionBuilder b) {
        this.source = b.source;
        this.sourceKind = b.sourceKind;
        this.size = b.size;
        this.tsNanos = java.util.Arrays.copyOf(b.tsNanos, size);
        this.frame = java.util.Arrays.copyOf(b.frame, size);
        this.conn = java.util.Arrays.copyOf(b.conn, size);
        this.type = java.util.Arrays.copyOf(b.type, size);
        this.direction = java.util.Arrays.copyOf(b.direction, size);
        this.ctx = java.util.Arrays.copyOf(b.ctx, size);
        this.flags = java.util.Arrays.copyOf(b.flags, size);
        this.key = java.util.Arrays.copyOf(b.key, size);
        this.peer = java.util.Arrays.copyOf(b.peer, size);
        this.storePos = java.util.Arrays.copyOf(b.storePos, size);
        this.storeLen = java.util.Arrays.copyOf(b.storeLen, size);
        this.store = b.store;
        this.conversations = List.copyOf(b.conversations);
        this.connections = conversations.stream().map(c -> c.connection).toList();
        this.diagnostics = List.copyOf(b.diagnostics);
        this.truncated = b.truncated;
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
        return tsNanos[i];
    }

    /** 1-based capture record in which the message completed (Wireshark's frame number). */
    public long frame(int i) {
        return frame[i];
    }

    public int conn(int i) {
        return conn[i];
    }

    public Connection connection(int i) {
        return connections.get(conn[i]);
    }

    public List<Connection> connections() {
        return connections;
    }

    /** The protocol type code: the 9P type byte, or the FUSE opcode (replies: the request's). */
    public int typeCode(int i) {
        return type[i];
    }

    public String typeName(int i) {
        return conversations.get(conn[i]).typeName(this, i);
    }

    public Direction direction(int i) {
        return Direction.values()[direction[i]];
    }

    /** The 9P tag or the FUSE unique. */
    public long key(int i) {
        return key[i];
    }

    /** The other message of this exchange (request for a reply, reply for a request), or -1. */
    public int peer(int i) {
        return peer[i];
    }

    /** Reply time minus request time for a reply whose request was seen, else -1. */
    public long rttNanos(int i) {
        int p = peer[i];
        if (p < 0 || direction[i] != Direction.REPLY.ordinal()) {
            return -1;
        }
        return tsNanos[i] - tsNanos[p];
    }

    public int flags(int i) {
        return flags[i];
    }

    public boolean hasFlag(int i, int flag) {
        return (flags[i] & flag) != 0;
    }

    /** Per-message protocol context: the 9P dialect ordinal or a FUSE context index. */
    int ctx(int i) {
        return ctx[i];
    }

    /** The dialect ({@code 9P2000.L}) or negotiated FUSE version ({@code 7.31}) of message {@code i}. */
    public String dialect(int i) {
        return conversations.get(conn[i]).dialect(this, i);
    }

    /**
     * Who waits for message {@code i}: a 9P connection, or a FUSE pid (ids of different kinds
     * never collide: FUSE requesters carry the connection in their high bits).
     */
    public long requester(int i) {
        return conversations.get(conn[i]).requester(this, i);
    }

    /** Decodes message {@code i} again from its stored bytes. Never throws on bad bytes. */
    public ProtocolMessage message(int i) {
        return conversations.get(conn[i]).decode(this, i, store.view(storePos[i], storeLen[i]));
    }

    /** The stored bytes of message {@code i} (read-only), for hex views. */
    public java.nio.ByteBuffer bytes(int i) {
        return store.view(storePos[i], storeLen[i]);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The input ended in the middle of a record: everything up to the cut was decoded. */
    public boolean truncated() {
        return truncated;
    }

    /** Bytes held by the message store (for the memory budget). */
    public long retainedStoreBytes() {
        return store.retainedBytes();
    }
}
