package io.lookaside.session;

import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.Protocol;
import io.lookaside.fuse.FuseContext;
import io.lookaside.fuse.FuseDecoder;
import io.lookaside.fuse.FuseMessage;
import io.lookaside.fuse.FuseNotifyCode;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.fuse.InHeader;
import io.lookaside.wire.ProtocolMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Correlation of one FUSE connection (linux/fuse.h, fs/fuse/dev.c): a reply pairs with the
 * outstanding request of the same unique; FORGET, BATCH_FORGET and NOTIFY_REPLY expect no
 * reply; INTERRUPT (unique = original | 1) pairs with its own answer and marks the request
 * it interrupts; bit 63 of unique marks a request re-sent after NOTIFY_RESEND; a write with
 * unique 0 is a notification whose code is in {@code error}. The byte order is learnt from the
 * first request that tells (INIT read the wrong way round is 0x1A000000), the protocol
 * version from the INIT exchange: the kernel proposes, the daemon's answer is what both use.
 */
final class FuseConversation extends Conversation {
    /** A row's ctx byte indexes this list; a connection sees a handful of contexts at most. */
    private static final int MAX_CONTEXTS = 120;

    /** fuse_write_in (40 bytes since 7.9, 24 before): the WRITE data after it is not kept. */
    private static final int WRITE_HEADER = InHeader.SIZE + 40;
    /** fuse_out_header: the READ data after it is not kept. */
    private static final int READ_REPLY_HEADER = 16;
    /** fuse_out_header + fuse_notify_store_out{nodeid offset size[4] padding[4]}: the data after it is not kept. */
    private static final int NOTIFY_STORE_HEADER = 16 + 24;
    /** fuse_in_header + fuse_notify_retrieve_in (40 bytes): the retrieved data after it is not kept. */
    private static final int NOTIFY_REPLY_HEADER = InHeader.SIZE + 40;

    /** Copy-on-write: a session prefix decodes with it while loading adds to it. */
    private final List<FuseContext> contexts = new CopyOnWriteArrayList<>(List.of(FuseContext.DEFAULT));
    private int current;
    private boolean orderKnown;
    private UniqueMap pending = new UniqueMap();

    FuseConversation(int index, String id) {
        super(index, Protocol.FUSE, id);
    }

    @Override
    void accept(SessionBuilder s, int i, ByteBuffer b, boolean fromClient, int flags) {
        boolean headerOnly = (flags & io.lookaside.capture.MessageSink.HEADER_ONLY) != 0;
        if (fromClient) {
            request(s, i, b, headerOnly);
        } else {
            replyOrNotify(s, i, b, headerOnly);
        }
        s.ctx(i, current);
    }

    private void request(SessionBuilder s, int i, ByteBuffer b, boolean headerOnly) {
        s.direction(i, Direction.REQUEST);
        s.type(i, -1);
        if (!orderKnown && !headerOnly) {
            ByteOrder o = FuseDecoder.orderOf(b);
            if (o != null) {
                orderKnown = true;
                if (o != ctx().order()) {
                    use(ctx().withOrder(o));
                    s.diagnostic(Diagnostic.info(s.frame(i), connection.index(),
                            "the capture is " + o + " (FUSE is host-endian); decoding in that order"));
                }
            }
        }
        if (b.remaining() < InHeader.SIZE) {
            return;
        }
        ByteBuffer h = b.duplicate().order(ctx().order());
        int p = b.position();
        FuseOpcode op = FuseOpcode.of(h.getInt(p + 4) & 0xFFFF_FFFFL);
        long unique = h.getLong(p + 8);
        s.type(i, op.code());
        s.key(i, unique);
        if ((unique & InHeader.UNIQUE_RESEND) != 0) {
            s.flag(i, Session.RESENT);
            int original = pending.remove(unique & ~InHeader.UNIQUE_RESEND);
            if (original >= 0) {
                s.diagnostic(Diagnostic.info(s.frame(i), connection.index(), op + " unique "
                        + Long.toUnsignedString(unique & ~InHeader.UNIQUE_RESEND)
                        + " re-sent after NOTIFY_RESEND (first sent in frame " + s.frame(original) + ")"));
            }
        }
        if (op == FuseOpcode.INTERRUPT) {
            interrupt(s, i, h, p, unique, headerOnly);
        }
        if (op.expectsNoReply()) {
            s.flag(i, Session.NO_REPLY_EXPECTED);
        } else {
            int earlier = pending.put(unique, i);
            if (earlier >= 0) {
                s.diagnostic(Diagnostic.warning(s.frame(i), connection.index(), "unique "
                        + Long.toUnsignedString(unique) + " reused while the request of frame " + s.frame(earlier)
                        + " was outstanding"));
            }
        }
        if ((op == FuseOpcode.INIT || op == FuseOpcode.CUSE_INIT) && !headerOnly) {
            FuseMessage m = FuseDecoder.decodeRequest(b, ctx());
            if (m instanceof FuseRequest.Init init) {
                // the kernel's proposal holds until the daemon answers
                use(ctx().withVersion((int) init.major(), (int) init.minor(), 0));
            } else if (m instanceof FuseRequest.CuseInit init) {
                use(ctx().withVersion((int) init.major(), (int) init.minor(), 0));
            }
        }
    }

    /** INTERRUPT's body names the request to interrupt; its own unique is that one | 1 (dev.c). */
    private void interrupt(SessionBuilder s, int i, ByteBuffer h, int p, long unique, boolean headerOnly) {
        long target = !headerOnly && h.limit() - p >= InHeader.SIZE + 8 ? h.getLong(p + InHeader.SIZE)
                : unique & ~InHeader.UNIQUE_INTERRUPT;
        int victim = pending.get(target);
        if (victim >= 0) {
            s.flag(victim, Session.INTERRUPTED);
            s.diagnostic(Diagnostic.info(s.frame(i), connection.index(), "INTERRUPT of "
                    + FuseOpcode.of(s.type(victim)) + " unique " + Long.toUnsignedString(target) + " (frame "
                    + s.frame(victim) + ")"));
        } else {
            s.diagnostic(Diagnostic.info(s.frame(i), connection.index(), "INTERRUPT of unique "
                    + Long.toUnsignedString(target) + ", which is not outstanding (answered already or not captured)"));
        }
    }

    private void replyOrNotify(SessionBuilder s, int i, ByteBuffer b, boolean headerOnly) {
        s.direction(i, Direction.REPLY);
        s.type(i, -1);
        if (b.remaining() < 16) {
            return;
        }
        ByteBuffer h = b.duplicate().order(ctx().order());
        int p = b.position();
        int error = h.getInt(p + 4);
        long unique = h.getLong(p + 8);
        s.key(i, unique);
        if (unique == 0) {
            // dev.c fuse_dev_do_write(): unique 0 is an unsolicited notification, code in error
            s.direction(i, Direction.NOTIFY);
            s.type(i, Math.max(-1, Math.min(error, Short.MAX_VALUE)));
            return;
        }
        int req = pending.remove(unique);
        if (req < 0) {
            s.flag(i, Session.NO_REQUEST);
            return;
        }
        s.pair(req, i);
        s.type(i, s.type(req));
        FuseOpcode op = FuseOpcode.of(s.type(req));
        if ((op == FuseOpcode.INIT || op == FuseOpcode.CUSE_INIT) && error == 0 && !headerOnly) {
            FuseMessage m = FuseDecoder.decodeReply(b, op.code(), ctx());
            if (m instanceof FuseReply.Init init && init.major() == 7) {
                long agreed = io.lookaside.fuse.FuseFlags.initBits(init.flags(), init.flags2());
                use(ctx().withVersion(7, (int) init.minor(), agreed));
            } else if (m instanceof FuseReply.CuseInit init) {
                use(ctx().withVersion((int) init.major(), (int) init.minor(), init.flags()));
            }
        }
    }

    @Override
    void finish(SessionBuilder s) {
        pending = null;
    }

    @Override
    int kept(int type, int direction, int length) {
        int keep = length;
        if (direction == Direction.REQUEST.ordinal()) {
            if (type == FuseOpcode.WRITE.code()) {
                keep = WRITE_HEADER;
            } else if (type == FuseOpcode.NOTIFY_REPLY.code()) {
                keep = NOTIFY_REPLY_HEADER;
            }
        } else if (direction == Direction.REPLY.ordinal() && type == FuseOpcode.READ.code()) {
            keep = READ_REPLY_HEADER;
        } else if (direction == Direction.NOTIFY.ordinal() && type == FuseNotifyCode.STORE.code()) {
            keep = NOTIFY_STORE_HEADER;
        }
        return Math.min(length, keep);
    }

    private FuseContext ctx() {
        return contexts.get(current);
    }

    private void use(FuseContext c) {
        int at = contexts.indexOf(c);
        if (at < 0 && contexts.size() < MAX_CONTEXTS) {
            contexts.add(c);
            at = contexts.size() - 1;
        }
        if (at >= 0) {
            current = at;
        }
    }

    @Override
    ProtocolMessage decode(Session s, int i, ByteBuffer bytes) {
        FuseContext ctx = contexts.get(s.ctx(i));
        boolean headerOnly = s.hasFlag(i, Session.HEADER_ONLY);
        return switch (s.direction(i)) {
            case REQUEST -> headerOnly
                    ? FuseDecoder.decodeRequestHeader(bytes, ctx, !s.hasFlag(i, Session.SYNTHETIC_HEADER))
                    : FuseDecoder.decodeRequest(bytes, ctx);
            case NOTIFY -> FuseDecoder.decodeNotify(bytes, ctx);
            case REPLY -> headerOnly ? FuseDecoder.decodeReplyHeader(bytes, s.typeCode(i), ctx) : reply(s, i, bytes, ctx);
        };
    }

    /** GETXATTR and LISTXATTR replies take their shape from the request's size. */
    private ProtocolMessage reply(Session s, int i, ByteBuffer bytes, FuseContext ctx) {
        int type = s.typeCode(i);
        int req = s.peer(i);
        if ((type == FuseOpcode.GETXATTR.code() || type == FuseOpcode.LISTXATTR.code()) && req >= 0
                && !s.hasFlag(req, Session.HEADER_ONLY)
                && FuseDecoder.decodeRequest(s.bytes(req), contexts.get(s.ctx(req))) instanceof FuseRequest r) {
            return FuseDecoder.decodeReply(bytes, r, ctx);
        }
        return FuseDecoder.decodeReply(bytes, type, ctx);
    }

    @Override
    String typeName(Session s, int i) {
        if (s.direction(i) == Direction.NOTIFY) {
            return FuseNotifyCode.of(s.typeCode(i)).wireName();
        }
        return FuseOpcode.of(s.typeCode(i)).name();
    }

    /**
     * The pid in the request's fuse_in_header (the caller's thread), tagged with the connection
     * in the high bits; a reply waits for its request's caller. Kernel tracepoints give the
     * sending task's pid in a rebuilt header; a request whose pid was not captured (0 there, or
     * no request) counts as one requester per connection.
     */
    @Override
    long requester(Session s, int i) {
        int req = s.direction(i) == Direction.REQUEST ? i : s.peer(i);
        long tag = 1L << 62 | (long) connection.index() << 32;
        if (req < 0) {
            return tag | 0xFFFF_FFFFL;
        }
        ByteBuffer b = s.bytes(req);
        if (b.remaining() < InHeader.SIZE) {
            return tag | 0xFFFF_FFFFL;
        }
        long pid = b.order(contexts.get(s.ctx(req)).order()).getInt(b.position() + 32) & 0xFFFF_FFFFL;
        if (pid == 0 && s.hasFlag(req, Session.SYNTHETIC_HEADER)) {
            return tag | 0xFFFF_FFFFL;
        }
        return tag | pid;
    }

    @Override
    String dialect(Session s, int i) {
        return contexts.get(s.ctx(i)).version();
    }
}
