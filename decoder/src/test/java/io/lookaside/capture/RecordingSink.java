package io.lookaside.capture;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything a source delivers, for tests (the bytes of each message copied). */
public final class RecordingSink implements MessageSink {

    /** One delivered message. */
    public record Message(int conn, boolean fromClient, long frame, long tsNanos, byte[] bytes, int flags) {
        public int u32(int at) {
            return ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(at);
        }

        /** The 9P type byte. */
        public int type() {
            return bytes.length > 4 ? bytes[4] & 0xFF : -1;
        }

        /** The 9P tag. */
        public int tag() {
            return bytes.length > 6 ? (bytes[5] & 0xFF) | (bytes[6] & 0xFF) << 8 : -1;
        }

        /** frame:type:tag:c|s, what per-frame comparisons look at. */
        public String key() {
            return frame + ":" + type() + ":" + tag() + ":" + (fromClient ? "c" : "s");
        }
    }

    public final List<String> connections = new ArrayList<>();
    public final List<Protocol> protocols = new ArrayList<>();
    public final List<Message> messages = new ArrayList<>();
    public final List<Diagnostic> diagnostics = new ArrayList<>();
    public boolean truncated;

    @Override
    public void connection(int conn, Protocol protocol, String id) {
        if (conn != connections.size()) {
            throw new IllegalStateException("connection ids must be dense: expected " + connections.size() + ", got " + conn);
        }
        connections.add(id);
        protocols.add(protocol);
    }

    @Override
    public void message(int conn, boolean fromClient, long frame, long tsNanos, ByteBuffer bytes, int flags) {
        if (conn < 0 || conn >= connections.size()) {
            throw new IllegalStateException("message before its connection");
        }
        byte[] b = new byte[bytes.remaining()];
        bytes.get(bytes.position(), b);
        messages.add(new Message(conn, fromClient, frame, tsNanos, b, flags));
    }

    @Override
    public void diagnostic(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    @Override
    public void truncated() {
        truncated = true;
    }

    public boolean said(String text) {
        return diagnostics.stream().anyMatch(d -> d.text().contains(text));
    }

    public List<String> keys() {
        return messages.stream().map(Message::key).toList();
    }

    public List<String> texts() {
        return diagnostics.stream().map(Diagnostic::text).toList();
    }
}
