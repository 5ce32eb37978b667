package io.lookaside.capture;

import java.nio.ByteBuffer;

/**
 * Where every capture source delivers what it cut out of its input: whole protocol messages,
 * still undecoded, in capture order. This is the one seam between the capture layers
 * (pcap + net + tcp + framing, or a FUSE dump reader) and the session that decodes and
 * correlates. Data flows one way: sources call the sink, never the reverse.
 */
public interface MessageSink {

    /** The message bytes hold only a header (e.g. a kernel tracepoint: no payload was seen). */
    int HEADER_ONLY = 1;

    /**
     * The header was rebuilt from an event that names only some of its fields (a kernel
     * tracepoint: len, opcode or error, unique); the others are zero, not captured.
     */
    int SYNTHETIC_HEADER = 2;

    /**
     * A new conversation: a TCP connection carrying 9P, a vsock stream, or one FUSE
     * connection/daemon. Ids are dense and start at 0; {@code id} is a stable,
     * human-readable name such as {@code 10.0.2.15:41000>127.0.0.1:564} (client first).
     */
    void connection(int conn, Protocol protocol, String id);

    /**
     * One whole message. {@code bytes} holds exactly the message between position and limit
     * and is valid only during the call (the sink copies what it keeps).
     *
     * @param fromClient 9P: sent by the client (T-messages); FUSE: sent by the kernel
     *                   (requests), false for replies and notifications
     * @param frame      1-based number of the capture record in which the message completed
     * @param tsNanos    epoch nanoseconds of that record
     * @param flags      0, or {@link #HEADER_ONLY} and possibly {@link #SYNTHETIC_HEADER}
     */
    void message(int conn, boolean fromClient, long frame, long tsNanos, ByteBuffer bytes, int flags);

    /** Something in the input that the user should know about; decoding goes on. */
    void diagnostic(Diagnostic diagnostic);

    /**
     * The input ends in the middle of a record (a cut file, a cut gzip stream): everything up
     * to the cut was delivered. May be called more than once.
     */
    default void truncated() {
    }
}
