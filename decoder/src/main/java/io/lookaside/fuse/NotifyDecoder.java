package io.lookaside.fuse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Notification bodies by code (linux/fuse.h {@code fuse_notify_*_out}, dev.c fuse_notify()). */
final class NotifyDecoder {
    private NotifyDecoder() {
    }

    static FuseMessage decode(ByteBuffer msg, FuseContext ctx) {
        int size = msg.remaining();
        if (size < OutHeader.SIZE) {
            return new Malformed(null, "notification of " + size + " bytes is shorter than fuse_out_header (16)", 0);
        }
        Cursor c = new Cursor(msg, ctx.order());
        long len = c.u32();
        int code = c.i32();
        long unique = c.u64();
        NotifyHeader h = new NotifyHeader(unique, code, len);
        if (len != size) {
            return new Malformed(h, "header says len " + len + " but the message has " + size + " bytes"
                    + (len > size ? " (cut short)" : ""), 0);
        }
        FuseNotifyCode kind = FuseNotifyCode.of(code);
        try {
            return switch (kind) {
                case POLL -> new FuseNotify.Poll(h, c.u64());
                case INVAL_INODE -> new FuseNotify.InvalInode(h, c.u64(), c.u64(), c.u64());
                case INVAL_ENTRY -> {
                    long parent = c.u64();
                    long namelen = c.u32();
                    long flags = c.u32();
                    yield new FuseNotify.InvalEntry(h, parent, namelen, flags, name(c, namelen));
                }
                case STORE -> {
                    long nodeid = c.u64();
                    long offset = c.u64();
                    long n = c.u32();
                    c.skip(4);
                    c.need((int) Math.min(n, Integer.MAX_VALUE), "stored data (size " + n + ")");
                    yield new FuseNotify.Store(h, nodeid, offset, n, c.pos);
                }
                case RETRIEVE -> {
                    long notifyUnique = c.u64();
                    long nodeid = c.u64();
                    long offset = c.u64();
                    long n = c.u32();
                    c.skip(4);
                    yield new FuseNotify.Retrieve(h, notifyUnique, nodeid, offset, n);
                }
                case DELETE -> {
                    long parent = c.u64();
                    long child = c.u64();
                    long namelen = c.u32();
                    c.skip(4);
                    yield new FuseNotify.Delete(h, parent, child, namelen, name(c, namelen));
                }
                case RESEND -> new FuseNotify.Resend(h);
                case INC_EPOCH -> new FuseNotify.IncEpoch(h);
                case PRUNE -> {
                    long count = c.u32();
                    c.skip(4 + 8);
                    if (count > c.remaining() / 8) {
                        throw new Cursor.Short(count + " nodeids do not fit in " + c.remaining() + " bytes", c.pos);
                    }
                    List<Long> ids = new ArrayList<>((int) count);
                    for (long i = 0; i < count; i++) {
                        ids.add(c.u64());
                    }
                    yield new FuseNotify.Prune(h, count, ids);
                }
                case UNKNOWN -> new FuseNotify.Unknown(h, c.remaining());
            };
        } catch (Cursor.Short e) {
            return new Malformed(h, kind.wireName() + ": " + e.getMessage(), e.offset);
        }
    }

    /** {@code namelen} bytes then a NUL: the kernel reads namelen + 1 bytes and requires the NUL. */
    private static String name(Cursor c, long namelen) {
        if (namelen > RequestDecoder.NAME_MAX) {
            throw new Cursor.Short("namelen " + namelen + " exceeds FUSE_NAME_MAX (1024)", c.pos);
        }
        String s = c.text((int) namelen, "name");
        int at = c.pos;
        c.need(1, "name NUL");
        if (c.u8() != 0) {
            throw new Cursor.Short("name is not NUL-terminated", at);
        }
        return s;
    }
}
