package io.lookaside.fuse;

import io.lookaside.wire.Wire;
import java.nio.ByteBuffer;
import java.util.List;

/** FUSE message fixtures: headers around a body built with {@link Wire}. */
final class Fixtures {
    static final long UNIQUE = 42;
    static final long NODEID = 7;
    static final long UID = 1000;
    static final long GID = 100;
    static final long PID = 4242;
    static final FuseContext CTX = FuseContext.of(7, 45);

    private Fixtures() {
    }

    /** A request: fuse_in_header (len computed) + body, little-endian. */
    static ByteBuffer request(FuseOpcode op, Wire body) {
        return request(Wire.le(), op.code(), UNIQUE, 0, body);
    }

    static ByteBuffer request(Wire header, long opcode, long unique, int extlen, Wire body) {
        byte[] b = body.bytes();
        return ByteBuffer.wrap(header.u32(40 + b.length).u32(opcode).u64(unique).u64(NODEID).u32(UID).u32(GID)
                .u32(PID).u16(extlen).u16(0).raw(b).bytes());
    }

    /** A reply: fuse_out_header (len computed) + body, little-endian. */
    static ByteBuffer reply(int error, Wire body) {
        return reply(Wire.le(), error, UNIQUE, body);
    }

    static ByteBuffer reply(Wire header, int error, long unique, Wire body) {
        byte[] b = body.bytes();
        return ByteBuffer.wrap(header.u32(16 + b.length).u32(error).u64(unique).raw(b).bytes());
    }

    /** The header {@link #request(FuseOpcode, Wire)} writes. */
    static InHeader in(FuseOpcode op, Wire body) {
        return new InHeader(op, UNIQUE, NODEID, UID, GID, PID, 40 + body.length(), 0, List.of());
    }

    /** The header {@link #reply(int, Wire)} writes, success. */
    static OutHeader out(FuseOpcode op, Wire body) {
        return new OutHeader(op, UNIQUE, 0, null, 16 + body.length());
    }

    static FuseMessage decodeRequest(FuseOpcode op, Wire body) {
        return FuseDecoder.decodeRequest(request(op, body), CTX);
    }

    static FuseMessage decodeReply(FuseOpcode op, Wire body) {
        return FuseDecoder.decodeReply(reply(0, body), op.code(), CTX);
    }

    /** fuse_attr with recognisable values (ino 0x10 …). */
    static Wire attr(Wire w) {
        return w.u64(0x10).u64(4096).u64(8).u64(1_700_000_000L).u64(1_700_000_001L).u64(1_700_000_002L)
                .u32(1).u32(2).u32(3).u32(0100644).u32(1).u32(UID).u32(GID).u32(0).u32(4096).u32(0);
    }

    static Attr attr() {
        return new Attr(0x10, 4096, 8, 1_700_000_000L, 1_700_000_001L, 1_700_000_002L, 1, 2, 3, 0100644, 1, UID,
                GID, 0, 4096L, 0L);
    }

    /** fuse_entry_out for nodeid 9. */
    static Wire entry(Wire w) {
        return attr(w.u64(9).u64(1).u64(1).u64(2).u32(500).u32(600));
    }

    static EntryOut entry() {
        return new EntryOut(9, 1, 1, 2, 500, 600, attr());
    }
}
