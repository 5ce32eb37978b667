package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.session.Session;
import io.lookaside.session.SessionBuilder;
import io.lookaside.wire.Wire;
import java.nio.ByteBuffer;

/**
 * A synthetic 9P2000.L conversation for tests, written message by message from the layouts in
 * the 9P references (not from the decoder): {@code trace.at(100).twalk(1, 0, 5, "usr")}. Times
 * are in microseconds; T-messages go from the client, R-messages come back.
 */
public final class NinePTrace {
    private final SessionBuilder builder;
    private int conn;
    private long micros;
    private long frame;
    private int connections;

    private NinePTrace(String source) {
        builder = new SessionBuilder(source);
        builder.sourceKind("pcap");
        newConnection();
    }

    public static NinePTrace create() {
        return new NinePTrace("captures/synthetic/trace.pcap");
    }

    /** Starts another connection; the following messages go on it. */
    public NinePTrace newConnection() {
        conn = connections++;
        builder.connection(conn, Protocol.NINEP, "10.0.0.1:" + (40000 + conn) + ">10.0.0.2:564");
        return this;
    }

    /** Goes back to connection {@code c}. */
    public NinePTrace on(int c) {
        conn = c;
        return this;
    }

    /** Sets the time of the next messages, in microseconds. */
    public NinePTrace at(long us) {
        micros = us;
        return this;
    }

    public Session session() {
        return builder.build();
    }

    public NinePTrace tversion(int msize, String version) {
        return msg(NinePTypes.TVERSION, 0xFFFF, Wire.le().u32(msize).str(version));
    }

    public NinePTrace rversion(int msize, String version) {
        return msg(NinePTypes.RVERSION, 0xFFFF, Wire.le().u32(msize).str(version));
    }

    public NinePTrace tattach(int tag, long fid, String uname, String aname) {
        return msg(NinePTypes.TATTACH, tag, Wire.le().u32(fid).u32(0xFFFF_FFFFL).str(uname).str(aname).u32(0));
    }

    public NinePTrace rattach(int tag) {
        return msg(NinePTypes.RATTACH, tag, Wire.le().u8(0x80).u32(0).u64(1));
    }

    /** Tversion and Tattach of fid 1 to "/srv" with their replies, at times 0 to 3 µs: fid 1 is the root. */
    public NinePTrace mounted() {
        return exchange(0, 1, t -> t.tversion(65536, "9P2000.L"), t -> t.rversion(65536, "9P2000.L"))
                .exchange(2, 3, t -> t.tattach(1, 1, "root", "/srv"), t -> t.rattach(1));
    }

    public NinePTrace twalk(int tag, long fid, long newfid, String... names) {
        Wire w = Wire.le().u32(fid).u32(newfid).u16(names.length);
        for (String n : names) {
            w.str(n);
        }
        return msg(NinePTypes.TWALK, tag, w);
    }

    /** Rwalk with {@code nwqid} qids (directories, distinct paths). */
    public NinePTrace rwalk(int tag, int nwqid) {
        Wire w = Wire.le().u16(nwqid);
        for (int q = 0; q < nwqid; q++) {
            w.u8(0x80).u32(0).u64(1000 + q);
        }
        return msg(NinePTypes.RWALK, tag, w);
    }

    public NinePTrace rlerror(int tag, long ecode) {
        return msg(NinePTypes.RLERROR, tag, Wire.le().u32(ecode));
    }

    public NinePTrace tlopen(int tag, long fid, long flags) {
        return msg(NinePTypes.TLOPEN, tag, Wire.le().u32(fid).u32(flags));
    }

    public NinePTrace rlopen(int tag) {
        return msg(NinePTypes.RLOPEN, tag, Wire.le().u8(0).u32(0).u64(7).u32(0));
    }

    public NinePTrace tclunk(int tag, long fid) {
        return msg(NinePTypes.TCLUNK, tag, Wire.le().u32(fid));
    }

    public NinePTrace rclunk(int tag) {
        return msg(NinePTypes.RCLUNK, tag, Wire.le());
    }

    public NinePTrace treadlink(int tag, long fid) {
        return msg(NinePTypes.TREADLINK, tag, Wire.le().u32(fid));
    }

    public NinePTrace rreadlink(int tag, String target) {
        return msg(NinePTypes.RREADLINK, tag, Wire.le().str(target));
    }

    public NinePTrace tread(int tag, long fid, long offset, long count) {
        return msg(NinePTypes.TREAD, tag, Wire.le().u32(fid).u64(offset).u32(count));
    }

    public NinePTrace rread(int tag, int count) {
        return msg(NinePTypes.RREAD, tag, Wire.le().u32(count).zeros(count));
    }

    public NinePTrace twrite(int tag, long fid, long offset, int count) {
        return msg(NinePTypes.TWRITE, tag, Wire.le().u32(fid).u64(offset).u32(count).zeros(count));
    }

    public NinePTrace rwrite(int tag, long count) {
        return msg(NinePTypes.RWRITE, tag, Wire.le().u32(count));
    }

    public NinePTrace tgetattr(int tag, long fid) {
        return msg(NinePTypes.TGETATTR, tag, Wire.le().u32(fid).u64(0x7FF));
    }

    public NinePTrace tunlinkat(int tag, long dirfid, String name) {
        return msg(NinePTypes.TUNLINKAT, tag, Wire.le().u32(dirfid).str(name).u32(0));
    }

    /** Rerror of 9P2000.L as NFS-Ganesha sends it: type 107 with a 4-byte ecode. */
    public NinePTrace rerrorGanesha(int tag, long ecode) {
        return msg(NinePTypes.RERROR, tag, Wire.le().u32(ecode));
    }

    /** Any message: size[4] type[1] tag[2] body. */
    public NinePTrace msg(int type, int tag, Wire body) {
        byte[] bytes = Wire.le().u32(7 + body.length()).u8(type).u16(tag).raw(body).bytes();
        builder.message(conn, NinePTypes.isRequest(type), ++frame, 1_700_000_000_000_000_000L + micros * 1000,
                ByteBuffer.wrap(bytes), 0);
        return this;
    }

    /** A request at {@code t0} and its reply at {@code t1} (µs): {@code exchange(0, 150, t -> t.tclunk(1, 5), t -> t.rclunk(1))}. */
    public NinePTrace exchange(long t0, long t1, java.util.function.Consumer<NinePTrace> request,
                               java.util.function.Consumer<NinePTrace> reply) {
        at(t0);
        request.accept(this);
        at(t1);
        reply.accept(this);
        return this;
    }
}
