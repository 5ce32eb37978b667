package io.lookaside.session;

import io.lookaside.capture.Protocol;
import io.lookaside.wire.ProtocolMessage;
import java.nio.ByteBuffer;

/**
 * Protocol state of one conversation while a session loads: it classifies each message in
 * capture order, pairs replies with requests (by tag for 9P, by unique for FUSE) and knows
 * how to decode a stored message again on demand. One subclass per protocol; correlation
 * lives here, never in a decoder.
 */
abstract class Conversation {
    final Connection connection;

    Conversation(int index, Protocol protocol, String id) {
        this.connection = new Connection(index, protocol, id);
    }

    /** Classifies and correlates message {@code i} (its bytes are already stored). */
    abstract void accept(SessionBuilder s, int i, ByteBuffer bytes, boolean fromClient, int flags);

    /** The capture ended: whatever is still pending stays unanswered, and correlation state is freed. */
    void finish(SessionBuilder s) {
    }

    /**
     * How many leading bytes of a message of this type, direction ({@link Direction} ordinal)
     * and length the session keeps: all but a bulk payload that no decoder looks into.
     */
    int kept(int type, int direction, int length) {
        return length;
    }

    /** Decodes message {@code i} again from its stored bytes. */
    abstract ProtocolMessage decode(Session s, int i, ByteBuffer bytes);

    /**
     * Decodes message {@code i} from the {@code length} bytes of {@code segment} at {@code offset}
     * (a store segment holding it whole); by default through a slice of them.
     */
    ProtocolMessage decode(Session s, int i, ByteBuffer segment, int offset, int length) {
        return decode(s, i, segment.slice(offset, length));
    }

    /** The spec name of a message type code in this protocol. */
    abstract String typeName(Session s, int i);

    /**
     * Who waits for request {@code i}: the unit of blocking in wall-clock wait. 9P has no pid
     * on the wire, so a connection is one requester; FUSE overrides this with the pid.
     */
    long requester(Session s, int i) {
        return s.conn(i);
    }

    /** The dialect or negotiated version that message {@code i} was decoded with. */
    abstract String dialect(Session s, int i);
}
