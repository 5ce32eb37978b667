package io.lookaside.session;

import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.Protocol;
import io.lookaside.ninep.Dialect;
import io.lookaside.ninep.NinePDecoder;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.wire.Le;
import io.lookaside.wire.ProtocolMessage;
import java.nio.ByteBuffer;

/**
 * Tag correlation of one 9P connection (intro(5), flush(5), version(5)):
 * a reply pairs with the outstanding request of the same tag; Tversion abandons everything
 * outstanding; Rflush before the original reply means the original never happened; a reply
 * with no outstanding request (capture started late) is kept and flagged. The dialect follows
 * the version exchange; before one is seen it is 9P2000.L, what Linux speaks.
 */
final class NinePConversation extends Conversation {
    /** Dialect by ordinal: {@code values()} copies its array on every call, and decoding is per message. */
    private static final Dialect[] DIALECTS = Dialect.values();
    private static final int TVERSION = 100;
    private static final int RVERSION = 101;
    private static final int TFLUSH = 108;
    private static final int RFLUSH = 109;
    private static final int RERROR = 107;
    private static final int RLERROR = 7;

    /** Rread: size[4] type[1] tag[2] count[4], then the data, which is not kept. */
    private static final int RREAD_HEADER = 11;
    /** Twrite: size[4] type[1] tag[2] fid[4] offset[8] count[4], then the data, which is not kept. */
    private static final int TWRITE_HEADER = 23;

    /**
     * A connection has a handful of requests outstanding (Linux allows a few hundred), so these
     * are small tables that grow with use rather than two flat arrays of 2^16 tags: a capture of
     * 100 000 short connections must not cost 512 KiB each.
     */
    private static final int INITIAL_TAGS = 16;

    /** tag → index of the outstanding request. */
    private UniqueMap pending = new UniqueMap(INITIAL_TAGS);
    /** flush tag → the tag it flushes. */
    private UniqueMap flushing = new UniqueMap(INITIAL_TAGS);
    private Dialect dialect = Dialect.P9P2000_L;

    NinePConversation(int index, String id) {
        super(index, Protocol.NINEP, id);
    }

    @Override
    void accept(SessionBuilder s, int i, ByteBuffer b, boolean fromClient, int flags) {
        int p = b.position();
        if (b.remaining() < 7) {
            // The framer never cuts less than a header; keep the row as an unknown.
            s.direction(i, fromClient ? Direction.REQUEST : Direction.REPLY);
            s.ctx(i, dialect.ordinal());
            return;
        }
        int type = Le.u8(b, p + 4);
        int tag = Le.u16(b, p + 5);
        s.type(i, type);
        s.key(i, tag);
        boolean request = (type & 1) == 0;
        s.direction(i, request ? Direction.REQUEST : Direction.REPLY);
        if (request) {
            if (type == TVERSION) {
                abandonAll();
                Dialect proposed = Dialect.fromVersion(versionString(b, p));
                if (proposed != null) {
                    dialect = proposed;
                }
            }
            s.ctx(i, dialect.ordinal());
            if (type == TFLUSH && b.remaining() >= 9) {
                flushing.put(tag, Le.u16(b, p + 7));
            }
            int earlier = pending.put(tag, i);
            if (earlier >= 0) {
                s.diagnostic(Diagnostic.warning(s.frame(i), connection.index(), "tag " + tag
                        + " reused while the request of frame " + s.frame(earlier) + " was outstanding"));
            }
            return;
        }
        s.ctx(i, dialect.ordinal());
        int req = pending.remove(tag);
        if (req < 0) {
            s.flag(i, Session.NO_REQUEST);
            return;
        }
        s.pair(req, i);
        int reqType = s.type(req);
        if (type != reqType + 1 && type != RERROR && type != RLERROR) {
            s.diagnostic(Diagnostic.warning(s.frame(i), connection.index(), NinePTypes.name(type)
                    + " answers tag " + tag + " but the request was " + NinePTypes.name(reqType)));
        }
        if (type == RFLUSH) {
            int old = flushing.remove(tag);
            int flushed = old >= 0 ? pending.remove(old) : -1;
            if (flushed >= 0) {
                // flush(5): Rflush came first, so the flushed request never happened.
                s.flag(flushed, Session.FLUSHED);
            }
        } else if (type == RVERSION) {
            Dialect agreed = Dialect.fromVersion(versionString(b, p));
            if (agreed != null) {
                dialect = agreed;
                s.ctx(i, agreed.ordinal());
            }
        }
    }

    private void abandonAll() {
        pending = new UniqueMap(INITIAL_TAGS);
        flushing = new UniqueMap(INITIAL_TAGS);
    }

    @Override
    void finish(SessionBuilder s) {
        pending = null;
        flushing = null;
    }

    @Override
    int kept(int type, int direction, int length) {
        return switch (type) {
            case NinePTypes.RREAD -> Math.min(length, RREAD_HEADER);
            case NinePTypes.TWRITE -> Math.min(length, TWRITE_HEADER);
            default -> length;
        };
    }

    /** version[s] of Tversion/Rversion: size[4] type[1] tag[2] msize[4] version[s]. */
    private static String versionString(ByteBuffer b, int p) {
        if (b.remaining() < 13) {
            return null;
        }
        int len = Le.u16(b, p + 11);
        if (13 + len > b.remaining()) {
            return null;
        }
        return Le.utf8(b, p + 13, len);
    }

    @Override
    ProtocolMessage decode(Session s, int i, ByteBuffer bytes) {
        if (s.hasFlag(i, Session.HEADER_ONLY)) {
            return NinePDecoder.decodeHeader(bytes, bytes.position(), bytes.remaining(),
                    s.hasFlag(i, Session.SYNTHETIC_HEADER));
        }
        return NinePDecoder.decode(bytes, DIALECTS[s.ctx(i)]);
    }

    /** The message in place in its store segment: the decoder reads at absolute offsets, no slice needed. */
    @Override
    ProtocolMessage decode(Session s, int i, ByteBuffer segment, int offset, int length) {
        if (s.hasFlag(i, Session.HEADER_ONLY)) {
            return NinePDecoder.decodeHeader(segment, offset, length, s.hasFlag(i, Session.SYNTHETIC_HEADER));
        }
        return NinePDecoder.decode(segment, offset, length, DIALECTS[s.ctx(i)]);
    }

    @Override
    String typeName(Session s, int i) {
        return NinePTypes.name(s.typeCode(i));
    }

    @Override
    String dialect(Session s, int i) {
        return DIALECTS[s.ctx(i)].version();
    }
}
