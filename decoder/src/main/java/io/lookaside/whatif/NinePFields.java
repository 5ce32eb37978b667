package io.lookaside.whatif;

import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Rgetattr;
import io.lookaside.ninep.Rlopen;
import io.lookaside.ninep.Tread;
import io.lookaside.ninep.Tsetattr;
import io.lookaside.session.Session;
import io.lookaside.wire.Le;
import java.nio.ByteBuffer;

/**
 * The few fields the cache models read from fixed-size 9P messages, straight from the session's
 * bytes: decoding a whole Rgetattr (21 fields) again on every pass to read its qid.version was
 * the models' largest cost (docs/performance.md). {@link #fixed} accepts exactly the messages
 * {@link io.lookaside.ninep.NinePDecoder} decodes into the record of that type (right type, a
 * size field equal to the length, the layout's length with nothing after it), so a model sees
 * the same messages as it would through {@code Session.message}.
 */
final class NinePFields {
    /** size[4] type[1] tag[2] valid[8] qid[13] mode[4] … data_version[8]. */
    static final int RGETATTR_LENGTH = Rgetattr.DATA_VERSION + 8;
    /** size[4] type[1] tag[2] qid[13] iounit[4]. */
    static final int RLOPEN_LENGTH = Rlopen.IOUNIT + 4;
    /** size[4] type[1] tag[2] fid[4] offset[8] count[4]. */
    static final int TREAD_LENGTH = Tread.COUNT + 4;
    /** size[4] type[1] tag[2] fid[4] valid[4] mode[4] uid[4] gid[4] size[8] atime[16] mtime[16]. */
    static final int TSETATTR_LENGTH = Tsetattr.MTIME_NSEC + 8;

    private NinePFields() {
    }

    /**
     * The bytes of 9P message {@code i} when it is a well-formed message of {@code type} whose
     * layout is {@code length} bytes long; else null (another type, or malformed).
     */
    static ByteBuffer fixed(Session s, int i, int type, int length) {
        if (s.typeCode(i) != type || s.length(i) != length || s.keptLength(i) != length) {
            return null;
        }
        ByteBuffer b = s.bytes(i);
        return Le.u32(b, 0) == length ? b : null;
    }

    static ByteBuffer rgetattr(Session s, int i) {
        return fixed(s, i, NinePTypes.RGETATTR, RGETATTR_LENGTH);
    }

    static ByteBuffer rlopen(Session s, int i) {
        return fixed(s, i, NinePTypes.RLOPEN, RLOPEN_LENGTH);
    }

    static ByteBuffer tread(Session s, int i) {
        return fixed(s, i, NinePTypes.TREAD, TREAD_LENGTH);
    }

    static ByteBuffer tsetattr(Session s, int i) {
        return fixed(s, i, NinePTypes.TSETATTR, TSETATTR_LENGTH);
    }

    /** qid.version of the qid[13] at {@code qidAt}: type[1] version[4] path[8]. */
    static long qidVersion(ByteBuffer b, int qidAt) {
        return Le.u32(b, qidAt + 1);
    }
}
