package io.lookaside.ninep;

import io.lookaside.wire.Le;
import io.lookaside.wire.FieldSpan;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes one whole 9P message into its record. Stateless, and total: whatever the bytes, it
 * returns a message and never throws. Bytes that break a layout become {@link Malformed} with
 * a reason and the offending offset, type numbers no dialect defines become {@link Unknown}.
 *
 * <p>The checks, all against the message's own length: the size field must equal it; every
 * field, string and data run must fit inside it; walk lists hold at most MAXWELEM (16)
 * elements; Rstat/Twstat's two stat lengths must agree; and the last field must end exactly
 * at the end of the message. That last one is strict on purpose: a body that does not fill its
 * size means client and server disagree on the layout (a dialect mismatch, or a bug), which
 * is what a diagnostic tool should show; the reason names the count of extra bytes. Terror
 * (106) and Tlerror (6) are never valid (intro(5), Linux 9p.h) and are malformed too.
 *
 * <p>The dialect decides only the .u additions (n_uname, errno, extension, the stat tail),
 * present in 9P2000.u and, as the Linux client sends them, in 9P2000.L. The .L messages decode
 * in any dialect: their numbers are free in 9P2000, and a .L-only server may answer a .u
 * Tversion with Rlerror (samples/a-v9fs-version-9p2000.u-vs-diod).
 */
public final class NinePDecoder {
    private NinePDecoder() {
    }

    /**
     * Decodes the message between {@code msg}'s position and limit, reading at absolute
     * offsets from the position and leaving position and limit unchanged. Offsets in the
     * result (Malformed's offset, Rread's dataOffset) count from the message's first byte.
     * The arguments must not be null: that is a caller's bug, not bad input.
     */
    public static NinePMessage decode(ByteBuffer msg, Dialect dialect) {
        return decode(msg, msg.position(), msg.remaining(), dialect);
    }

    /**
     * Decodes the {@code length} bytes of {@code msg} from absolute offset {@code base} (which
     * must lie within it), leaving position and limit unchanged: a message inside a larger buffer
     * without a slice of it made for the call. Offsets in the result count from {@code base}.
     */
    public static NinePMessage decode(ByteBuffer msg, int base, int length, Dialect dialect) {
        Objects.requireNonNull(dialect, "dialect");
        Objects.checkFromIndexSize(base, length, msg.limit());
        if (length < NinePHeader.LENGTH) {
            int type = length > NinePHeader.TYPE ? Le.u8(msg, base + NinePHeader.TYPE) : -1;
            return new Malformed(type, -1, "message has " + length
                    + " bytes, fewer than the 7 of size[4] type[1] tag[2]", 0);
        }
        long size = NinePHeader.size(msg, base);
        int type = NinePHeader.type(msg, base);
        int tag = NinePHeader.tag(msg, base);
        if (size != length) {
            return new Malformed(type, tag, "size field says " + size + ", message has " + length
                    + " bytes", NinePHeader.SIZE);
        }
        Cursor c = new Cursor(msg, base, length, type, tag, dialect);
        try {
            NinePMessage m = read(c, type);
            c.end();
            return m;
        } catch (Cursor.Bad bad) {
            return new Malformed(type, tag, bad.getMessage(), bad.offset());
        }
    }

    /**
     * The header of a message the capture holds only the header of ({@link HeaderOnly}); a
     * message shorter than a header is {@link Malformed} as for {@link #decode}.
     */
    public static NinePMessage decodeHeader(ByteBuffer msg, int base, int length, boolean synthetic) {
        Objects.checkFromIndexSize(base, length, msg.limit());
        if (length < NinePHeader.LENGTH) {
            return new Malformed(-1, -1, "message has " + length + " bytes, fewer than the 7 of size[4] type[1] tag[2]", 0);
        }
        return new HeaderOnly(NinePHeader.type(msg, base), NinePHeader.tag(msg, base), NinePHeader.size(msg, base),
                synthetic, java.util.List.of("body"));
    }

    /**
     * Where the fields of the message between {@code msg}'s position and limit lie, from its
     * first byte: the header's {@code size}, {@code type} and {@code tag}, then each field of its
     * record under the record's component name ({@code fid}, {@code wnames}). The body's spans
     * come from the decoder's own reads, so they cannot drift from the decoding; a body whose
     * reads do not pair one to one with its record's components (Rread's data, the stat of
     * 9P2000) gives the header only, as does a malformed message.
     */
    public static List<FieldSpan> layout(ByteBuffer msg, Dialect dialect) {
        int base = msg.position();
        int length = msg.remaining();
        List<FieldSpan> out = new ArrayList<>();
        if (length < NinePHeader.LENGTH) {
            return out;
        }
        out.add(new FieldSpan("size", NinePHeader.SIZE, 4));
        out.add(new FieldSpan("type", NinePHeader.TYPE, 1));
        out.add(new FieldSpan("tag", NinePHeader.TYPE + 1, 2));
        if (NinePHeader.size(msg, base) != length) {
            return out;
        }
        int type = NinePHeader.type(msg, base);
        Cursor c = new Cursor(msg, base, length, type, NinePHeader.tag(msg, base), dialect);
        c.traceSpans();
        NinePMessage m;
        try {
            m = read(c, type);
            c.end();
        } catch (Cursor.Bad bad) {
            return out;
        }
        RecordComponent[] parts = m.getClass().getRecordComponents();
        if (parts == null) {
            return out;
        }
        List<String> names = new ArrayList<>();
        for (RecordComponent rc : parts) {
            if (!rc.getName().equals("tag")) {
                names.add(rc.getName());
            }
        }
        int[] spans = c.spans();
        int data = names.indexOf("dataOffset");
        if (data > 0 && names.get(data - 1).equals("count") && spans.length / 2 == names.size() - 1) {
            // count[4] data[count] is one read (Cursor.data): count, then the data dataOffset points at.
            int at = spans[2 * (data - 1)];
            int[] split = new int[spans.length + 2];
            System.arraycopy(spans, 0, split, 0, 2 * (data - 1));
            split[2 * (data - 1)] = at;
            split[2 * (data - 1) + 1] = at + 4;
            split[2 * data] = at + 4;
            split[2 * data + 1] = spans[2 * (data - 1) + 1];
            System.arraycopy(spans, 2 * data, split, 2 * data + 2, spans.length - 2 * data);
            spans = split;
        }
        if (spans.length / 2 != names.size()) {
            return out;
        }
        for (int k = 0; k < names.size(); k++) {
            out.add(new FieldSpan(names.get(k), spans[2 * k], spans[2 * k + 1] - spans[2 * k]));
        }
        return out;
    }

    private static NinePMessage read(Cursor c, int type) {
        return switch (type) {
            case NinePTypes.TVERSION -> Tversion.read(c);
            case NinePTypes.RVERSION -> Rversion.read(c);
            case NinePTypes.TAUTH -> Tauth.read(c);
            case NinePTypes.RAUTH -> Rauth.read(c);
            case NinePTypes.TATTACH -> Tattach.read(c);
            case NinePTypes.RATTACH -> Rattach.read(c);
            case NinePTypes.RERROR -> Rerror.read(c);
            case NinePTypes.TFLUSH -> Tflush.read(c);
            case NinePTypes.RFLUSH -> Rflush.read(c);
            case NinePTypes.TWALK -> Twalk.read(c);
            case NinePTypes.RWALK -> Rwalk.read(c);
            case NinePTypes.TOPEN -> Topen.read(c);
            case NinePTypes.ROPEN -> Ropen.read(c);
            case NinePTypes.TCREATE -> Tcreate.read(c);
            case NinePTypes.RCREATE -> Rcreate.read(c);
            case NinePTypes.TREAD -> Tread.read(c);
            case NinePTypes.RREAD -> Rread.read(c);
            case NinePTypes.TWRITE -> Twrite.read(c);
            case NinePTypes.RWRITE -> Rwrite.read(c);
            case NinePTypes.TCLUNK -> Tclunk.read(c);
            case NinePTypes.RCLUNK -> Rclunk.read(c);
            case NinePTypes.TREMOVE -> Tremove.read(c);
            case NinePTypes.RREMOVE -> Rremove.read(c);
            case NinePTypes.TSTAT -> Tstat.read(c);
            case NinePTypes.RSTAT -> Rstat.read(c);
            case NinePTypes.TWSTAT -> Twstat.read(c);
            case NinePTypes.RWSTAT -> Rwstat.read(c);
            case NinePTypes.RLERROR -> Rlerror.read(c);
            case NinePTypes.TSTATFS -> Tstatfs.read(c);
            case NinePTypes.RSTATFS -> Rstatfs.read(c);
            case NinePTypes.TLOPEN -> Tlopen.read(c);
            case NinePTypes.RLOPEN -> Rlopen.read(c);
            case NinePTypes.TLCREATE -> Tlcreate.read(c);
            case NinePTypes.RLCREATE -> Rlcreate.read(c);
            case NinePTypes.TSYMLINK -> Tsymlink.read(c);
            case NinePTypes.RSYMLINK -> Rsymlink.read(c);
            case NinePTypes.TMKNOD -> Tmknod.read(c);
            case NinePTypes.RMKNOD -> Rmknod.read(c);
            case NinePTypes.TRENAME -> Trename.read(c);
            case NinePTypes.RRENAME -> Rrename.read(c);
            case NinePTypes.TREADLINK -> Treadlink.read(c);
            case NinePTypes.RREADLINK -> Rreadlink.read(c);
            case NinePTypes.TGETATTR -> Tgetattr.read(c);
            case NinePTypes.RGETATTR -> Rgetattr.read(c);
            case NinePTypes.TSETATTR -> Tsetattr.read(c);
            case NinePTypes.RSETATTR -> Rsetattr.read(c);
            case NinePTypes.TXATTRWALK -> Txattrwalk.read(c);
            case NinePTypes.RXATTRWALK -> Rxattrwalk.read(c);
            case NinePTypes.TXATTRCREATE -> Txattrcreate.read(c);
            case NinePTypes.RXATTRCREATE -> Rxattrcreate.read(c);
            case NinePTypes.TREADDIR -> Treaddir.read(c);
            case NinePTypes.RREADDIR -> Rreaddir.read(c);
            case NinePTypes.TFSYNC -> Tfsync.read(c);
            case NinePTypes.RFSYNC -> Rfsync.read(c);
            case NinePTypes.TLOCK -> Tlock.read(c);
            case NinePTypes.RLOCK -> Rlock.read(c);
            case NinePTypes.TGETLOCK -> Tgetlock.read(c);
            case NinePTypes.RGETLOCK -> Rgetlock.read(c);
            case NinePTypes.TLINK -> Tlink.read(c);
            case NinePTypes.RLINK -> Rlink.read(c);
            case NinePTypes.TMKDIR -> Tmkdir.read(c);
            case NinePTypes.RMKDIR -> Rmkdir.read(c);
            case NinePTypes.TRENAMEAT -> Trenameat.read(c);
            case NinePTypes.RRENAMEAT -> Rrenameat.read(c);
            case NinePTypes.TUNLINKAT -> Tunlinkat.read(c);
            case NinePTypes.RUNLINKAT -> Runlinkat.read(c);
            case NinePTypes.TERROR -> throw c.fail(
                    "Terror is never valid: errors are replies (intro(5))", NinePHeader.TYPE);
            case NinePTypes.TLERROR -> throw c.fail(
                    "Tlerror is never valid: errors are replies (Linux 9p.h)", NinePHeader.TYPE);
            default -> {
                c.skipRest();
                yield new Unknown(type, c.tag(), c.length());
            }
        };
    }
}
