package io.lookaside.lifecycle;

import io.lookaside.capture.Protocol;
import io.lookaside.session.Session;
import io.lookaside.session.SessionBuilder;
import io.lookaside.wire.Wire;
import java.nio.ByteBuffer;

/**
 * Test-only: one FUSE connection written exchange by exchange from the linux/fuse.h layouts
 * (protocol 7.31, negotiated by an INIT exchange first), fed through a real {@link SessionBuilder}.
 */
public final class FuseScript {
    private static final int LOOKUP = 1;
    private static final int FORGET = 2;
    private static final int MKDIR = 9;
    private static final int UNLINK = 10;
    private static final int RENAME = 12;
    private static final int OPEN = 14;
    private static final int READ = 15;
    private static final int RELEASE = 18;
    private static final int INIT = 26;
    private static final int OPENDIR = 27;
    private static final int RELEASEDIR = 29;
    private static final int CREATE = 35;
    private static final int BATCH_FORGET = 42;
    private static final int READDIRPLUS = 44;
    private static final int NOTIFY_INVAL_ENTRY = 3;
    private static final int NOTIFY_DELETE = 6;

    private final SessionBuilder b = new SessionBuilder("fixture");
    private long frame;
    private long unique = 2;

    public FuseScript() {
        b.connection(0, Protocol.FUSE, "pid 100 fd 3 (/dev/fuse)");
        request(INIT, 1, Wire.le().u32(7).u32(31).u32(131_072).u32(0));
        reply(0, Wire.le().u32(7).u32(31).u32(131_072).u32(0).u16(12).u16(9).u32(131_072).u16(0).u16(0).u32(0)
                .zeros(28));
    }

    /** Index the next message will have in the session. */
    public int next() {
        return (int) frame;
    }

    public Session session() {
        return b.build();
    }

    public FuseScript lookup(long parent, String name, long nodeid) {
        request(LOOKUP, parent, Wire.le().cstr(name));
        return nodeid == 0 ? reply(-2, Wire.le()) : reply(0, entry(Wire.le(), nodeid));
    }

    public FuseScript mkdir(long parent, String name, long nodeid) {
        request(MKDIR, parent, Wire.le().u32(040755).u32(022).cstr(name));
        return reply(0, entry(Wire.le(), nodeid));
    }

    public FuseScript create(long parent, String name, long nodeid, long fh) {
        request(CREATE, parent, Wire.le().u32(0101).u32(0100644).u32(022).u32(0).cstr(name));
        return reply(0, entry(Wire.le(), nodeid).u64(fh).u32(0).u32(0));
    }

    public FuseScript open(long nodeid, long fh) {
        request(OPEN, nodeid, Wire.le().u32(0).u32(0));
        return reply(0, Wire.le().u64(fh).u32(1).u32(0));
    }

    public FuseScript opendir(long nodeid, long fh) {
        request(OPENDIR, nodeid, Wire.le().u32(0).u32(0));
        return reply(0, Wire.le().u64(fh).u32(0).u32(0));
    }

    public FuseScript read(long nodeid, long fh) {
        request(READ, nodeid, Wire.le().u64(fh).u64(0).u32(4096).u32(0).u64(0).u32(0).u32(0));
        return reply(0, Wire.le().zeros(10));
    }

    public FuseScript release(long nodeid, long fh) {
        request(RELEASE, nodeid, Wire.le().u64(fh).u32(0).u32(0).u64(0));
        return reply(0, Wire.le());
    }

    /** RELEASE whose reply is not in the capture. */
    public FuseScript releaseUnanswered(long nodeid, long fh) {
        return request(RELEASE, nodeid, Wire.le().u64(fh).u32(0).u32(0).u64(0));
    }

    public FuseScript releasedir(long nodeid, long fh) {
        request(RELEASEDIR, nodeid, Wire.le().u64(fh).u32(0).u32(0).u64(0));
        return reply(0, Wire.le());
    }

    /** READDIRPLUS of dir answering "." (the dir itself), ".." and the given (name, nodeid) pairs. */
    public FuseScript readdirplus(long dir, long fh, Object... namesAndNodeids) {
        request(READDIRPLUS, dir, Wire.le().u64(fh).u64(0).u32(4096).u32(0).u64(0).u32(0).u32(0));
        Wire w = Wire.le();
        direntplus(w, ".", dir);
        direntplus(w, "..", 1);
        for (int k = 0; k < namesAndNodeids.length; k += 2) {
            direntplus(w, (String) namesAndNodeids[k], ((Number) namesAndNodeids[k + 1]).longValue());
        }
        return reply(0, w);
    }

    public FuseScript forget(long nodeid, long nlookup) {
        return request(FORGET, nodeid, Wire.le().u64(nlookup));
    }

    public FuseScript batchForget(long... nodeidsAndCounts) {
        Wire w = Wire.le().u32(nodeidsAndCounts.length / 2).u32(0);
        for (long v : nodeidsAndCounts) {
            w.u64(v);
        }
        return request(BATCH_FORGET, 0, w);
    }

    public FuseScript rename(long olddir, String name, long newdir, String newname) {
        request(RENAME, olddir, Wire.le().u64(newdir).cstr(name).cstr(newname));
        return reply(0, Wire.le());
    }

    public FuseScript unlink(long parent, String name) {
        request(UNLINK, parent, Wire.le().cstr(name));
        return reply(0, Wire.le());
    }

    public FuseScript notifyInvalEntry(long parent, String name) {
        return notify(NOTIFY_INVAL_ENTRY, Wire.le().u64(parent).u32(name.length()).u32(0).cstr(name));
    }

    public FuseScript notifyDelete(long parent, long child, String name) {
        return notify(NOTIFY_DELETE, Wire.le().u64(parent).u64(child).u32(name.length()).u32(0).cstr(name));
    }

    /** fuse_entry_out: nodeid generation entry_valid attr_valid entry_valid_nsec attr_valid_nsec attr[88]. */
    private static Wire entry(Wire w, long nodeid) {
        w.u64(nodeid).u64(1).u64(1).u64(1).u32(0).u32(0);
        return w.u64(nodeid).u64(0).u64(0).u64(0).u64(0).u64(0).u32(0).u32(0).u32(0).u32(0100644).u32(1).u32(0)
                .u32(0).u32(0).u32(4096).u32(0);
    }

    private static void direntplus(Wire w, String name, long nodeid) {
        entry(w, nodeid);
        int len = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        w.u64(nodeid).u64(0).u32(len).u32(4).raw(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        w.zeros((8 - len % 8) % 8);
    }

    private FuseScript request(int opcode, long nodeid, Wire body) {
        unique += 2;
        byte[] m = Wire.le().u32(40 + body.length()).u32(opcode).u64(unique).u64(nodeid).u32(0).u32(0).u32(100)
                .u32(0).raw(body).bytes();
        b.message(0, true, ++frame, frame * 1000, ByteBuffer.wrap(m), 0);
        return this;
    }

    private FuseScript reply(int error, Wire body) {
        byte[] m = Wire.le().u32(16 + body.length()).u32(error).u64(unique).raw(body).bytes();
        b.message(0, false, ++frame, frame * 1000, ByteBuffer.wrap(m), 0);
        return this;
    }

    private FuseScript notify(int code, Wire body) {
        byte[] m = Wire.le().u32(16 + body.length()).u32(code).u64(0).raw(body).bytes();
        b.message(0, false, ++frame, frame * 1000, ByteBuffer.wrap(m), 0);
        return this;
    }
}
