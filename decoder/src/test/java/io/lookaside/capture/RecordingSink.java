package io.lookaside.capture;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything a source delivers, for tests. */
final class RecordingSink implements MessageSink {
    record Message(int conn, boolean fromClient, long frame, long tsNanos, byte[] bytes, int flags) {
        int u32(int at) {
            return ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(at);
        }
    }

    final List<String> connections = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    boolean truncated;

    @Override
    public void connection(int conn, Protocol protocol, String id) {
        if (conn != connections.size()) {
            throw new IllegalStateException("connection ids must be dense");
        }
        connections.add(id);
    }

    @Override
    public void message(int conn, boolean fromClient, long frame, long tsNanos, ByteBuffer bytes, int flags) {
        if (conn >= connections.size()) {
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

    boolean said(String text) {
        return diagnostics.stream().anyMatch(d -> d.text().contains(text));
    }
}
