package io.lookaside.fuse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Decodes single FUSE messages (linux/fuse.h, protocol 7.45 and every older minor version).
 * Stateless and total: any bytes give a record, bad ones a {@link Malformed} with a reason,
 * never an exception. Replies carry no opcode, so the caller says which request a reply
 * answers; pairing replies with requests is the session's job, never the decoder's.
 *
 * <p>Every message is {@code header + body}, and {@code header.len} must equal the bytes
 * given. Structs are parsed by length: shorter structs of older minor versions are accepted
 * (missing fields are null), longer ones of newer versions too (the extra bytes are skipped),
 * a body shorter than the oldest form of its struct is malformed. Where length alone cannot
 * tell (CREATE, MKNOD, WRITE, SETXATTR) the {@link FuseContext} decides.
 */
public final class FuseDecoder {
    private FuseDecoder() {
    }

    /** A request (kernel to daemon): {@code fuse_in_header} + arguments. */
    public static FuseMessage decodeRequest(ByteBuffer msg, FuseContext ctx) {
        return RequestDecoder.decode(msg, ctx);
    }

    /** A reply to a request of {@code requestOpcode} (its wire number, or -1 when the request was not seen). */
    public static FuseMessage decodeReply(ByteBuffer msg, int requestOpcode, FuseContext ctx) {
        return ReplyDecoder.decode(msg, FuseOpcode.of(requestOpcode), null, ctx);
    }

    /**
     * A reply to a decoded {@code request}. Same as {@link #decodeReply(ByteBuffer, int, FuseContext)}
     * except where the request changes the reply's shape: GETXATTR/LISTXATTR with size 0 get
     * the length needed, with size &gt; 0 the value itself (both may be 8 bytes).
     */
    public static FuseMessage decodeReply(ByteBuffer msg, FuseRequest request, FuseContext ctx) {
        return ReplyDecoder.decode(msg, request.header().opcode(), request, ctx);
    }

    /** A notification (daemon to kernel, unique 0, code in {@code error}). */
    public static FuseMessage decodeNotify(ByteBuffer msg, FuseContext ctx) {
        return NotifyDecoder.decode(msg, ctx);
    }

    /**
     * A request of which only the header was captured. With {@code idsKnown} false (a kernel
     * tracepoint names only len, opcode and unique) nodeid, uid, gid and pid are null.
     */
    public static FuseMessage decodeRequestHeader(ByteBuffer msg, FuseContext ctx, boolean idsKnown) {
        if (msg.remaining() < InHeader.SIZE) {
            return new Malformed(null, "request header of " + msg.remaining() + " bytes, fuse_in_header is 40", 0);
        }
        Cursor c = new Cursor(msg, ctx.order());
        long len = c.u32();
        FuseOpcode op = FuseOpcode.of(c.u32());
        long unique = c.u64();
        long nodeid = c.u64();
        long uid = c.u32();
        long gid = c.u32();
        long pid = c.u32();
        if (idsKnown) {
            return new HeaderOnly.Request(op, unique, nodeid, uid, gid, pid, len, List.of("body"));
        }
        if (pid != 0) {
            // A tracepoint names the sending task: the pid is real, the ids are not.
            return new HeaderOnly.Request(op, unique, null, null, null, pid, len, List.of("nodeid", "uid", "gid", "body"));
        }
        return new HeaderOnly.Request(op, unique, null, null, null, null, len,
                List.of("nodeid", "uid", "gid", "pid", "body"));
    }

    /** A reply of which only the 16-byte header was captured; {@code len} still tells the whole length. */
    public static FuseMessage decodeReplyHeader(ByteBuffer msg, int requestOpcode, FuseContext ctx) {
        if (msg.remaining() < OutHeader.SIZE) {
            return new Malformed(null, "reply header of " + msg.remaining() + " bytes, fuse_out_header is 16", 0);
        }
        Cursor c = new Cursor(msg, ctx.order());
        OutHeader h = ReplyDecoder.header(c, FuseOpcode.of(requestOpcode));
        return new HeaderOnly.Reply(h, List.of("body"));
    }

    /**
     * The byte order of a capture told by a request: FUSE is host-endian and every session
     * starts with INIT (or CUSE_INIT), whose opcode read the wrong way round is
     * {@link FuseOpcode#INIT_SWAPPED}. Other requests count when only one order gives a known
     * opcode and a length equal to the message size. Null when the request does not tell.
     */
    public static ByteOrder orderOf(ByteBuffer request) {
        if (request.remaining() < InHeader.SIZE) {
            return null;
        }
        int p = request.position();
        ByteBuffer le = request.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer be = request.duplicate().order(ByteOrder.BIG_ENDIAN);
        int opLe = le.getInt(p + InHeader.OPCODE);
        if (opLe == FuseOpcode.INIT_SWAPPED || opLe == FuseOpcode.CUSE_INIT_SWAPPED) {
            return ByteOrder.BIG_ENDIAN;
        }
        boolean leOk = plausible(le, p, request.remaining());
        boolean beOk = plausible(be, p, request.remaining());
        if (leOk != beOk) {
            return leOk ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        }
        return null;
    }

    private static boolean plausible(ByteBuffer b, int p, int size) {
        return FuseOpcode.of(b.getInt(p + InHeader.OPCODE) & 0xFFFF_FFFFL) != FuseOpcode.UNKNOWN
                && (b.getInt(p + InHeader.LEN) & 0xFFFF_FFFFL) == size;
    }
}
