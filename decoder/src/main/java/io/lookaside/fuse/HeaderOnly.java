package io.lookaside.fuse;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A message of which the capture holds only the header: kernel tracepoints
 * (fuse:fuse_request_send / fuse_request_end carry opcode, unique, length and error, no body),
 * or a reply whose payload was moved with splice(2) and never passed through user memory.
 * Nothing is invented: fields the source did not carry are null, and {@code missing} lists
 * them by name ({@code body} always).
 */
public sealed interface HeaderOnly extends FuseMessage {

    /** A request header; nodeid, uid, gid and pid are null when the source did not carry them. */
    record Request(FuseOpcode opcode, long unique, Long nodeid, Long uid, Long gid, Long pid, long len,
            List<String> missing) implements HeaderOnly {
        @Override
        public String typeName() {
            return opcode.name();
        }
    }

    /** A reply header: {@code len} still tells how long the reply was. */
    record Reply(@JsonUnwrapped OutHeader header, List<String> missing) implements HeaderOnly {
        @Override
        public String typeName() {
            return header.opcode().name();
        }
    }
}
