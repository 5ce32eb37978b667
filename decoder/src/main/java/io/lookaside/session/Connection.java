package io.lookaside.session;

import io.lookaside.capture.Protocol;

/**
 * One conversation in a session: a TCP (or vsock) connection carrying 9P, or one FUSE
 * connection. {@code id} is stable and human-readable, e.g. {@code 10.0.2.15:41000>127.0.0.1:564}.
 */
public record Connection(int index, Protocol protocol, String id) {
}
