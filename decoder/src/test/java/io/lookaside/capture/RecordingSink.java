package io.lookaside.capture;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A {@link MessageSink} that keeps everything it is given, for assertions. */
public final class RecordingSink implements MessageSink {

    /** One delivered message, its bytes copied. */
    public record Message(int conn, boolean fromClient, long frame, long tsNanos, byte[] bytes) {
        public int type() {
            return bytes.length > 4 ? bytes[4] & 0xFF : -1;
        }

        public int tag() {
            return bytes.length > 6 ? (bytes[5] & 0xFF) | (bytes[6] & 0xFF) << 8 : -1;
        }

        /** frame:type:tag:c|s, what the per-frame comparisons look at. */
        public String key() {
            return frame + ":" + type() + ":" + tag() + ":" + (fromClient ? "c" : "s");
        }
    }

    public final List<String> connections = new ArrayList<>();
    public final List<Protocol> protocols = new ArrayList<>();
    public final List<Message> messages = new ArrayList<>();
    public final List<Diagnostic> diagnostics = new ArrayList<>();
    public int truncatedCalls;

    @Override
    public void connection(int conn, Protocol protocol, String id) {
        if (conn != connections.size()) {
            throw new AssertionError("connection ids must be dense: expected " + connections.size() + ", got " + conn);
        }
        connections.add(id);
        protocols.add(protocol);
    }

    @Override
    public void message(int conn, boolean fromClient, long frame, long tsNanos, ByteBuffer bytes, int flags) {
        if (conn < 0 || conn >= connections.size()) {
            throw new AssertionError("message for unknown connection " + conn);
        }
        byte[] b = new byte[bytes.remaining()];
        bytes.get(bytes.position(), b);
        messages.add(new Message(conn, fromClient, frame, tsNanos, b));
    }

    @Override
    public void diagnostic(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    @Override
    public void truncated() {
        truncatedCalls++;
    }

    public List<String> keys() {
        return messages.stream().map(Message::key).toList();
    }

    public List<String> texts() {
        return diagnostics.stream().map(Diagnostic::text).toList();
    }
}
