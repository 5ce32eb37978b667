package io.lookaside.whatif;

import io.lookaside.capture.MessageSink;
import io.lookaside.capture.Protocol;
import io.lookaside.fuse.FuseNotifyCode;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.session.Session;
import io.lookaside.session.SessionBuilder;
import io.lookaside.wire.Wire;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A FUSE capture written message by message for the model tests: requests and replies as the
 * daemon would read and write them on /dev/fuse (little-endian, linux/fuse.h layouts), one
 * microsecond apart unless {@link #at} moves the clock. Request methods return the message's
 * index in the session; replies follow as the next index.
 */
final class FuseCapture {
    static final long PID = 100;
    private final SessionBuilder b = new SessionBuilder("test");
    private final Map<Integer, Long> uniques = new HashMap<>();
    private long now = 1_000_000_000L;
    private long unique = 2;
    private int index;
    private final int flags;

    FuseCapture() {
        this(0);
    }

    /** Every message carries {@code flags} ({@link MessageSink#HEADER_ONLY} for a tracepoint-like source). */
    FuseCapture(int flags) {
        this.flags = flags;
        b.connection(0, Protocol.FUSE, "test");
    }

    /** The clock of the next message, in nanoseconds. */
    FuseCapture at(long nanos) {
        now = nanos;
        return this;
    }

    /** INIT at 7.31: the kernel proposes, the daemon answers {@code flags} (bits 0-31) and max_write / max_pages. */
    FuseCapture init(long flagBits, long maxWrite, int maxPages) {
        int i = request(FuseOpcode.INIT, 0, Wire.le().u32(7).u32(45).u32(131072).u32(0xFFFFFFFFL).u32(0).zeros(44));
        reply(i, 0, Wire.le().u32(7).u32(31).u32(131072).u32(flagBits).u16(12).u16(9).u32(maxWrite).u32(1)
                .u16(maxPages).u16(0).u32(0).u32(0).u16(0).zeros(22));
        return this;
    }

    int request(FuseOpcode op, long nodeid, Wire body) {
        return request(op, nodeid, PID, body);
    }

    int request(FuseOpcode op, long nodeid, long pid, Wire body) {
        byte[] payload = body.bytes();
        long u = unique;
        unique += 2;
        byte[] m = Wire.le().u32(40 + payload.length).u32(op.code()).u64(u).u64(nodeid).u32(0).u32(0).u32(pid)
                .u32(0).raw(payload).bytes();
        uniques.put(index, u);
        return send(true, m);
    }

    /** The reply to the request at index {@code req}: -errno in {@code error} and no body, or a body. */
    int reply(int req, int error, Wire body) {
        byte[] payload = body.bytes();
        return send(false, Wire.le().u32(16 + payload.length).u32(error).u64(uniques.get(req)).raw(payload).bytes());
    }

    int notify(FuseNotifyCode code, Wire body) {
        byte[] payload = body.bytes();
        return send(false, Wire.le().u32(16 + payload.length).u32(code.code()).u64(0).raw(payload).bytes());
    }

    /** A request and its reply; returns the request's index. */
    int call(FuseOpcode op, long nodeid, Wire body, int error, Wire replyBody) {
        int i = request(op, nodeid, body);
        reply(i, error, replyBody);
        return i;
    }

    int lookupMissing(long parent, String name) {
        return call(FuseOpcode.LOOKUP, parent, Wire.le().cstr(name), -2, Wire.le());
    }

    /** A LOOKUP that finds {@code nodeid}, valid (entry and attributes) for {@code valid} seconds. */
    int lookup(long parent, String name, long nodeid, long valid, Wire attr) {
        return call(FuseOpcode.LOOKUP, parent, Wire.le().cstr(name), 0, entry(nodeid, valid, valid, attr));
    }

    int getattr(long nodeid, long attrValid, Wire attr) {
        return call(FuseOpcode.GETATTR, nodeid, Wire.le().u32(0).u32(0).u64(0), 0,
                Wire.le().u64(attrValid).u32(0).u32(0).raw(attr));
    }

    int open(long nodeid, long openFlags, long fh, long fopenFlags) {
        return call(FuseOpcode.OPEN, nodeid, Wire.le().u32(openFlags).u32(0), 0,
                Wire.le().u64(fh).u32(fopenFlags).u32(0));
    }

    int release(long nodeid, long fh) {
        return call(FuseOpcode.RELEASE, nodeid, Wire.le().u64(fh).u32(0).u32(0).u64(0), 0, Wire.le());
    }

    int flush(long nodeid, long fh) {
        return call(FuseOpcode.FLUSH, nodeid, Wire.le().u64(fh).u32(0).u32(0).u64(0), 0, Wire.le());
    }

    int read(long nodeid, long fh, long offset, long size, int got) {
        return call(FuseOpcode.READ, nodeid, readIn(fh, offset, size, 0), 0, Wire.le().zeros(got));
    }

    int write(long nodeid, long fh, long offset, int size) {
        return write(nodeid, fh, offset, size, 0, 0100001);
    }

    int write(long nodeid, long fh, long offset, int size, long writeFlags, long fileFlags) {
        return call(FuseOpcode.WRITE, nodeid, Wire.le().u64(fh).u64(offset).u32(size).u32(writeFlags).u64(0)
                .u32(fileFlags).u32(0).zeros(size), 0, Wire.le().u32(size).u32(0));
    }

    static Wire readIn(long fh, long offset, long size, long fileFlags) {
        return Wire.le().u64(fh).u64(offset).u32(size).u32(0).u64(0).u32(fileFlags).u32(0);
    }

    /** fuse_entry_out: nodeid, generation 1, the validities in seconds, then {@code attr}. */
    static Wire entry(long nodeid, long entryValid, long attrValid, Wire attr) {
        return Wire.le().u64(nodeid).u64(1).u64(entryValid).u64(attrValid).u32(0).u32(0).raw(attr);
    }

    /** fuse_attr of a regular file of {@code size} bytes, times {@code time}, atime {@code atime}. */
    static Wire attr(long ino, long size, long time, long atime) {
        return Wire.le().u64(ino).u64(size).u64(8).u64(atime).u64(time).u64(time).u32(0).u32(0).u32(0)
                .u32(0100644).u32(1).u32(0).u32(0).u32(0).u32(4096).u32(0);
    }

    static Wire attr(long ino) {
        return attr(ino, 100, 1_700_000_000L, 1_700_000_000L);
    }

    /** The message indices {@code i} as a set, to compare with an outcome's. */
    static BitSet bits(int... i) {
        BitSet b = new BitSet();
        for (int x : i) {
            b.set(x);
        }
        return b;
    }

    Session session() {
        return b.build();
    }

    private int send(boolean fromClient, byte[] m) {
        b.message(0, fromClient, index + 1L, now, ByteBuffer.wrap(m), flags);
        now += 1_000;
        return index++;
    }
}
