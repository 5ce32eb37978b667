package io.lookaside.wire;

/**
 * A decoded 9P or FUSE message record. Records name their components after the protocol
 * specification's fields, so JSON output and filters use the spec's names ({@code fid},
 * {@code newfid}, {@code wnames}, {@code nodeid}, {@code unique}).
 */
public interface ProtocolMessage {

    /** The spec name of the message type: {@code Twalk}, {@code Rlerror}, {@code LOOKUP}. */
    String typeName();
}
