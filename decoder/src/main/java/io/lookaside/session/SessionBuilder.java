package io.lookaside.session;

import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.MessageSink;
import io.lookaside.capture.Protocol;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives messages from a capture source (it is the {@link MessageSink}), fills the columns,
 * lets each conversation correlate and stores the message bytes (bulk payloads left out).
 * {@link #build()} freezes the result; {@link #prefix()} gives the rows so far while loading.
 */
public final class SessionBuilder implements MessageSink, AutoCloseable {
    /** Diagnostics beyond this many are counted, not kept: a hostile capture must not fill the heap. */
    static final int MAX_DIAGNOSTICS = 10_000;

    final String source;
    String sourceKind = "unknown";
    int size;
    final Columns cols = new Columns();
    final MessageStore store;
    final List<Conversation> conversations = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    long droppedDiagnostics;
    boolean truncated;

    public SessionBuilder(String source) {
        this(source, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@code storeDir}: where message bytes spill to a temporary file, or null to keep them on the heap. */
    SessionBuilder(String source, Path storeDir) {
        this.source = source;
        this.store = new MessageStore(storeDir);
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
        cols.ensure(i);
        size++;
        int len = bytes.remaining();
        cols.tsNanos(i, ts);
        cols.frame(i, frameNo);
        cols.conn(i, c);
        cols.peer(i, -1);
        cols.storeLen(i, len);
        if ((msgFlags & HEADER_ONLY) != 0) {
            cols.addFlag(i, Session.HEADER_ONLY);
        }
        if ((msgFlags & SYNTHETIC_HEADER) != 0) {
            cols.addFlag(i, Session.SYNTHETIC_HEADER);
        }
        Conversation conversation = conversations.get(c);
        conversation.accept(this, i, bytes, fromClient, msgFlags);
        cols.storePos(i, store.append(bytes, conversation.kept(cols.type(i), cols.direction(i), len)));
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
        cols.peer(req, rep);
        cols.peer(rep, req);
    }

    void flag(int i, int f) {
        cols.addFlag(i, f);
    }

    long frame(int i) {
        return cols.frame(i);
    }

    int type(int i) {
        return cols.type(i);
    }

    void type(int i, int t) {
        cols.type(i, t);
    }

    void key(int i, long k) {
        cols.key(i, k);
    }

    void direction(int i, Direction d) {
        cols.direction(i, d);
    }

    void ctx(int i, int c) {
        cols.ctx(i, c);
    }

    /**
     * The rows so far as a session, while loading goes on: for a view that shows the first rows
     * early. Its rows do not change, except that a request may later gain its reply (peer, RTT)
     * or a flag; its conversations are those seen so far.
     */
    public Session prefix() {
        return new Session(this, size, List.copyOf(diagnostics), false);
    }

    public Session build() {
        for (Conversation c : conversations) {
            c.finish(this);
        }
        if (droppedDiagnostics > 0) {
            diagnostics.add(Diagnostic.warning(0, -1, droppedDiagnostics
                    + " more diagnostics were not kept (limit " + MAX_DIAGNOSTICS + ")"));
        }
        if (store.spillProblem() != null && size > 0) {
            diagnostics.add(Diagnostic.info(0, -1, "message bytes are kept in memory: " + store.spillProblem()));
        }
        close();
        cols.trim(size);
        return new Session(this, size, List.copyOf(diagnostics), truncated);
    }

    /** Releases the store's temporary file (its mappings stay readable); build() does it too. */
    @Override
    public void close() {
        store.close();
    }
}
