package io.lookaside.lifecycle;

import io.lookaside.capture.Protocol;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Qid;
import io.lookaside.session.Session;
import io.lookaside.session.SessionBuilder;
import io.lookaside.wire.Wire;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Test-only: a 9P2000.L conversation written message by message, byte for byte from the
 * reference layouts (9p.md), fed through a real {@link SessionBuilder}. Requests take the
 * lowest free tag; a reply answers the oldest outstanding request of the current connection.
 * Every message is 1 µs after the previous one unless {@link #at(long)} or {@link #after(long)}
 * says otherwise.
 */
public final class NinePScript {
    public static final long MS = 1_000_000L;
    public static final long S = 1_000_000_000L;

    private final SessionBuilder b = new SessionBuilder("fixture");
    private final List<Deque<Integer>> outstanding = new ArrayList<>();
    private int conn;
    private long now = 1_000 * S;
    private long frame;

    public NinePScript() {
        connection("10.0.2.15:41000>127.0.0.1:564");
    }

    /** Opens another connection and makes it current; returns its index. */
    public int connection(String id) {
        int c = outstanding.size();
        b.connection(c, Protocol.NINEP, id);
        outstanding.add(new ArrayDeque<>());
        conn = c;
        return c;
    }

    /** Makes connection {@code c} current. */
    public NinePScript on(int c) {
        conn = c;
        return this;
    }

    public NinePScript at(long nanos) {
        now = nanos - 1_000;
        return this;
    }

    public NinePScript after(long nanos) {
        now += nanos;
        return this;
    }

    /** Index the next message will have in the session. */
    public int next() {
        return (int) frame;
    }

    public Session session() {
        return b.build();
    }

    public static Qid dir(long path) {
        return new Qid(Qid.QTDIR, 0, path);
    }

    public static Qid file(long path) {
        return new Qid(Qid.QTFILE, 0, path);
    }

    public static Qid link(long path) {
        return new Qid(Qid.QTSYMLINK, 0, path);
    }

    // ---- requests

    public NinePScript tversion() {
        return send(true, NinePTypes.TVERSION, 0xFFFF, Wire.le().u32(65_536).str("9P2000.L"));
    }

    public NinePScript tattach(long fid, String aname) {
        return request(NinePTypes.TATTACH, Wire.le().u32(fid).u32(0xFFFF_FFFFL).str("root").str(aname).u32(0));
    }

    public NinePScript tauth(long afid) {
        return request(NinePTypes.TAUTH, Wire.le().u32(afid).str("root").str("/").u32(0));
    }

    public NinePScript twalk(long fid, long newfid, String... names) {
        Wire w = Wire.le().u32(fid).u32(newfid).u16(names.length);
        for (String n : names) {
            w.str(n);
        }
        return request(NinePTypes.TWALK, w);
    }

    public NinePScript tlopen(long fid, long flags) {
        return request(NinePTypes.TLOPEN, Wire.le().u32(fid).u32(flags));
    }

    public NinePScript topen(long fid, int mode) {
        return request(NinePTypes.TOPEN, Wire.le().u32(fid).u8(mode));
    }

    public NinePScript tlcreate(long fid, String name, long flags) {
        return request(NinePTypes.TLCREATE, Wire.le().u32(fid).str(name).u32(flags).u32(0100644).u32(0));
    }

    public NinePScript tgetattr(long fid, long mask) {
        return request(NinePTypes.TGETATTR, Wire.le().u32(fid).u64(mask));
    }

    public NinePScript tsetattr(long fid, long valid, long size) {
        return request(NinePTypes.TSETATTR, Wire.le().u32(fid).u32(valid).u32(0).u32(0).u32(0).u64(size)
                .u64(0).u64(0).u64(0).u64(0));
    }

    public NinePScript tclunk(long fid) {
        return request(NinePTypes.TCLUNK, Wire.le().u32(fid));
    }

    public NinePScript tremove(long fid) {
        return request(NinePTypes.TREMOVE, Wire.le().u32(fid));
    }

    public NinePScript tread(long fid, long offset, long count) {
        return request(NinePTypes.TREAD, Wire.le().u32(fid).u64(offset).u32(count));
    }

    public NinePScript twrite(long fid, long offset, int count) {
        return request(NinePTypes.TWRITE, Wire.le().u32(fid).u64(offset).u32(count).zeros(count));
    }

    public NinePScript treadlink(long fid) {
        return request(NinePTypes.TREADLINK, Wire.le().u32(fid));
    }

    public NinePScript treaddir(long fid, long offset) {
        return request(NinePTypes.TREADDIR, Wire.le().u32(fid).u64(offset).u32(65_512));
    }

    public NinePScript trename(long fid, long dfid, String name) {
        return request(NinePTypes.TRENAME, Wire.le().u32(fid).u32(dfid).str(name));
    }

    public NinePScript trenameat(long olddirfid, String oldname, long newdirfid, String newname) {
        return request(NinePTypes.TRENAMEAT, Wire.le().u32(olddirfid).str(oldname).u32(newdirfid).str(newname));
    }

    public NinePScript tunlinkat(long dirfid, String name, long flags) {
        return request(NinePTypes.TUNLINKAT, Wire.le().u32(dirfid).str(name).u32(flags));
    }

    public NinePScript tmkdir(long dfid, String name) {
        return request(NinePTypes.TMKDIR, Wire.le().u32(dfid).str(name).u32(040755).u32(0));
    }

    public NinePScript tsymlink(long dfid, String name, String target) {
        return request(NinePTypes.TSYMLINK, Wire.le().u32(dfid).str(name).str(target).u32(0));
    }

    public NinePScript txattrwalk(long fid, long newfid, String name) {
        return request(NinePTypes.TXATTRWALK, Wire.le().u32(fid).u32(newfid).str(name));
    }

    public NinePScript txattrcreate(long fid, String name) {
        return request(NinePTypes.TXATTRCREATE, Wire.le().u32(fid).str(name).u64(4).u32(0));
    }

    public NinePScript tflush(int oldtag) {
        return request(NinePTypes.TFLUSH, Wire.le().u16(oldtag));
    }

    public NinePScript tfsync(long fid) {
        return request(NinePTypes.TFSYNC, Wire.le().u32(fid).u32(0));
    }

    // ---- replies (to the oldest outstanding request)

    public NinePScript rversion() {
        return send(false, NinePTypes.RVERSION, 0xFFFF, Wire.le().u32(65_536).str("9P2000.L"));
    }

    public NinePScript rattach(Qid q) {
        return reply(NinePTypes.RATTACH, qid(q));
    }

    public NinePScript rauth(Qid q) {
        return reply(NinePTypes.RAUTH, qid(q));
    }

    public NinePScript rwalk(Qid... qids) {
        Wire w = Wire.le().u16(qids.length);
        for (Qid q : qids) {
            w.raw(qid(q));
        }
        return reply(NinePTypes.RWALK, w);
    }

    public NinePScript rlerror(long ecode) {
        return reply(NinePTypes.RLERROR, Wire.le().u32(ecode));
    }

    public NinePScript rlopen(Qid q) {
        return reply(NinePTypes.RLOPEN, qid(q).u32(0));
    }

    public NinePScript ropen(Qid q) {
        return reply(NinePTypes.ROPEN, qid(q).u32(0));
    }

    public NinePScript rlcreate(Qid q) {
        return reply(NinePTypes.RLCREATE, qid(q).u32(0));
    }

    /** Rgetattr with every basic field valid, the given qid and size. */
    public NinePScript rgetattr(Qid q, long size) {
        Wire w = Wire.le().u64(0x17ff).raw(qid(q)).u32(0100644).u32(0).u32(0).u64(1).u64(0).u64(size).u64(4096)
                .u64((size + 511) / 512);
        for (int k = 0; k < 8; k++) {
            w.u64(0);
        }
        return reply(NinePTypes.RGETATTR, w.u64(0).u64(0));
    }

    public NinePScript rsetattr() {
        return reply(NinePTypes.RSETATTR, Wire.le());
    }

    public NinePScript rclunk() {
        return reply(NinePTypes.RCLUNK, Wire.le());
    }

    public NinePScript rremove() {
        return reply(NinePTypes.RREMOVE, Wire.le());
    }

    public NinePScript rread(int count) {
        return reply(NinePTypes.RREAD, Wire.le().u32(count).zeros(count));
    }

    public NinePScript rwrite(long count) {
        return reply(NinePTypes.RWRITE, Wire.le().u32(count));
    }

    public NinePScript rreadlink(String target) {
        return reply(NinePTypes.RREADLINK, Wire.le().str(target));
    }

    public NinePScript rreaddir() {
        return reply(NinePTypes.RREADDIR, Wire.le().u32(0));
    }

    public NinePScript rrename() {
        return reply(NinePTypes.RRENAME, Wire.le());
    }

    public NinePScript rrenameat() {
        return reply(NinePTypes.RRENAMEAT, Wire.le());
    }

    public NinePScript runlinkat() {
        return reply(NinePTypes.RUNLINKAT, Wire.le());
    }

    public NinePScript rmkdir(Qid q) {
        return reply(NinePTypes.RMKDIR, qid(q));
    }

    public NinePScript rsymlink(Qid q) {
        return reply(NinePTypes.RSYMLINK, qid(q));
    }

    public NinePScript rxattrwalk(long size) {
        return reply(NinePTypes.RXATTRWALK, Wire.le().u64(size));
    }

    public NinePScript rxattrcreate() {
        return reply(NinePTypes.RXATTRCREATE, Wire.le());
    }

    /** Rflush, answering the newest outstanding request (the Tflush). */
    public NinePScript rflush() {
        Integer tag = outstanding.get(conn).pollLast();
        return send(false, NinePTypes.RFLUSH, tag == null ? 0 : tag, Wire.le());
    }

    public NinePScript rfsync() {
        return reply(NinePTypes.RFSYNC, Wire.le());
    }

    // ---- shorthands for the Linux client's usual sequences

    /** Attach fid as the root of aname with qid.path rootQid. */
    public NinePScript attach(long fid, String aname, long rootQid) {
        return tattach(fid, aname).rattach(dir(rootQid));
    }

    /** A one-name lookup that finds qid, followed by the Tgetattr Linux sends on the new fid. */
    public NinePScript lookup(long dirfid, long newfid, String name, Qid q) {
        return twalk(dirfid, newfid, name).rwalk(q).tgetattr(newfid, 0x17ff).rgetattr(q, 100);
    }

    /** A one-name lookup that fails with ENOENT. */
    public NinePScript miss(long dirfid, long newfid, String name) {
        return twalk(dirfid, newfid, name).rlerror(2);
    }

    private static Wire qid(Qid q) {
        return Wire.le().u8(q.type()).u32(q.version()).u64(q.path());
    }

    private NinePScript request(int type, Wire body) {
        Deque<Integer> out = outstanding.get(conn);
        int tag = 0;
        while (out.contains(tag)) {
            tag++;
        }
        out.addLast(tag);
        return send(true, type, tag, body);
    }

    private NinePScript reply(int type, Wire body) {
        Integer tag = outstanding.get(conn).pollFirst();
        return send(false, type, tag == null ? 0 : tag, body);
    }

    private NinePScript send(boolean fromClient, int type, int tag, Wire body) {
        if (type == NinePTypes.TVERSION) {
            outstanding.get(conn).clear();
        }
        now += 1_000;
        frame++;
        byte[] bytes = Wire.le().u32(7 + body.length()).u8(type).u16(tag).raw(body).bytes();
        b.message(conn, fromClient, frame, now, java.nio.ByteBuffer.wrap(bytes), 0);
        return this;
    }
}
