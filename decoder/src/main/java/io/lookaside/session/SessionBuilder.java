package io.lookaside.session;

import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.MessageSink;
import io.lookaside.capture.Protocol;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Receives messages from a capture source (it is the {@link MessageSink}), stores their bytes,
 * fills the columns and lets each conversation correlate. {@link #build()} freezes the result.
 */
public final class SessionBuilder implements MessageSink {
    /** Diagnostics beyond this many are counted, not kept: a hostile capture must not fill the heap. */
    static final int MAX_DIAGNOSTICS = 10_000;

    final String source;
    String sourceKind = "unknown";
    int size;
    long[] tsNanos = new long[1024];
    long[] frame = new long[1024];
    int[] conn = new int[1024];
    short[] type = new short[1024];
    byte[] direction = new byte[1024];
    byte[] ctx = new byte[1024];
    byte[] flags = new byte[1024];
    long[] key = new long[1024];
    int[] peer = new int[1024];
    long[] storePos = new long[1024];
    int[] storeLen = new int[1024];
    final MessageStore store = new MessageStore();
    final List<Conversation> conversations = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    long droppedDiagnostics;
    boolean truncated;

    public SessionBuilder(String source) {
        this.source = source;
    }

    public void sourceKind(String kind) {
        this.sourceKind = kind;
    }

    /** The input ended inside a record; the session says so. */
    @Override
    public void truncated() {
        this.truncated = true;
    }

    @Override
    public void connection(int index, Protocol protocol, String id) {
        if (index != conversations.size()) {
            throw new IllegalArgumentException("connection ids must be dense: expected "
                    + conversations.size() + ", got " + index);
        }
        conversations.add(switch (protocol) {
            case NINEP -> new NinePConversation(index, id);
            case FUSE -> new FuseConversation(index, id);
        });
    }

    @Override
    public void message(int c, boolean fromClient, long frameNo, long ts, ByteBuffer bytes, int msgFlags) {
        int i = size;
        if (i == tsNanos.length) {
            grow();
        }
        size++;
        tsNanos[i] = ts;
        frame[i] = frameNo;
        conn[i] = c;
        peer[i] = -1;
        storeLen[i] = bytes.remaining();
        storePos[i] = store.append(bytes);
        if ((msgFlags & HEADER_ONLY) != 0) {
            flags[i] |= Session.HEADER_ONLY;
        }
        if ((msgFlags & SYNTHETIC_HEADER) != 0) {
            flags[i] |= Session.SYNTHETIC_HEADER;
        }
        conversations.get(c).accept(this, i, bytes, fromClient, msgFlags);
    }

    @Override
    public void diagnostic(Diagnostic d) {
        if (diagnostics.size() < MAX_DIAGNOSTICS) {
            diagnostics.add(d);
        } else {
            droppedDiagnostics++;
        }
    }

    /** Pairs request {@code req} with reply {@code rep}. */
    void pair(int req, int rep) {
        peer[req] = rep;
        peer[rep] = req;
    }

    void flag(int i, int f) {
        flags[i] |= (byte) f;
    }

    public Session build() {
        for (Conversation c : conversations) {
            c.finish(this);
        }
        if (droppedDiagnostics > 0) {
            diagnostics.add(Diagnostic.warning(0, -1, droppedDiagnostics
                    + " more diagnostics were not kept (limit " + MAX_DIAGNOSTICS + ")"));
        }
        return new Session(this);
    }

    private void grow() {
        int n = tsNanos.length * 2;
        tsNanos = Arrays.copyOf(tsNanos, n);
        frame = Arrays.copyOf(frame, n);
        conn = Arrays.copyOf(conn, n);
        type = Arrays.copyOf(type, n);
        direction = Arrays.copyOf(direction, n);
        ctx = Arrays.copyOf(ctx, n);
        flags = Arrays.copyOf(flags, n);
        key = Arrays.copyOf(key, n);
        peer = Arrays.copyOf(peer, n);
        storePos = Arrays.copyOf(storePos, n);
        storeLen = Arrays.copyOf(storeLen, n);
    }
}
