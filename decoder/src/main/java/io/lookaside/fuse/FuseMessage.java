package io.lookaside.fuse;

import io.lookaside.wire.ProtocolMessage;

/**
 * A decoded FUSE message: a request (kernel to daemon), a reply, a notification (daemon to
 * kernel, unique 0), a message of which only the header was captured, or bytes that do not
 * form a valid message. Record components are named after the linux/fuse.h struct fields and
 * are the JSON keys; the header's fields come first, flattened.
 */
public sealed interface FuseMessage extends ProtocolMessage permits FuseRequest, FuseReply, FuseNotify,
        HeaderOnly, Malformed {
}
