package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.fuse.Attr;
import io.lookaside.fuse.FuseFlags;
import io.lookaside.fuse.FuseNotify;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.fuse.HeaderOnly;
import io.lookaside.fuse.Statx;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.wire.Errno;
import java.util.BitSet;
import java.util.List;

/**
 * What the FUSE models read from a session: decoded messages (only those with a captured body),
 * the keys that FUSE itself gives (linux/fuse.h: a node is (connection, nodeid); a directory
 * entry is (connection, parent nodeid, name)), and cache expiry. Node ids are per connection, so
 * every key carries the connection.
 */
final class FuseTrace {
    /** A node of one FUSE connection. */
    record Node(int conn, long nodeid) {
    }

    /** A name under a node: a directory entry (parent, name) or an attribute (node, xattr name). */
    record Name(int conn, long parent, String name) {
    }

    /** A file handle as the kernel sends it back: the node and the daemon's fh. */
    record Handle(int conn, long nodeid, long fh) {
    }

    /** "Never cached": an answer the simulated cache does not keep. */
    static final long NEVER = Long.MIN_VALUE;

    static final int ENOENT = Errno.ENOENT.code();
    static final int ENODATA = Errno.ENODATA.code();
    static final int ENOSYS = Errno.ENOSYS.code();
    /** O_TRUNC and O_DIRECT of open(2) (asm-generic/fcntl.h, x86 and arm64). */
    static final long O_TRUNC = 01000;
    static final long O_DIRECT = 040000;
    /** FOPEN_* bits of fuse_open_out.open_flags. */
    static final long FOPEN_DIRECT_IO = 1;
    static final long FOPEN_KEEP_CACHE = 2;
    /** fuse_write_in.write_flags: the write comes from the page cache (writeback). */
    static final long WRITE_CACHE = 1;
    /** fuse_setattr_in.valid: FATTR_SIZE. */
    static final long FATTR_SIZE = 8;
    /** The kernel's request size limit when the daemon did not negotiate MAX_PAGES (FUSE_DEFAULT_MAX_PAGES_PER_REQ). */
    static final int DEFAULT_MAX_PAGES = 32;
    static final int PAGE = 4096;
    /** FUSE_MAX_PAGES, bit 22 of the INIT flags: max_pages in the reply counts. */
    private static final long MAX_PAGES = 1L << 22;

    private FuseTrace() {
    }

    static boolean isFuse(Session s, int i) {
        return s.connection(i).protocol() == Protocol.FUSE;
    }

    /**
     * True when the session holds a FUSE request whose body was captured; kernel tracepoints
     * (tracefs) give headers only, so no model that reads names or bodies can run on them.
     */
    static boolean hasBodies(Session s) {
        for (int i = 0; i < s.size(); i++) {
            if (s.direction(i) == Direction.REQUEST && isFuse(s, i) && !s.hasFlag(i, Session.HEADER_ONLY)) {
                return true;
            }
        }
        return false;
    }

    /** True when the session has FUSE messages at all. */
    static boolean hasFuse(Session s) {
        for (var c : s.connections()) {
            if (c.protocol() == Protocol.FUSE) {
                return true;
            }
        }
        return false;
    }

    /** A FUSE message of direction {@code d} and request opcode {@code op}, cheap to test before decoding. */
    static boolean is(Session s, int i, Direction d, FuseOpcode op) {
        return s.direction(i) == d && s.typeCode(i) == op.code() && isFuse(s, i);
    }

    /** Request {@code i} decoded, or null when it is not a FUSE request with a captured body. */
    static FuseRequest request(Session s, int i) {
        if (i < 0 || s.direction(i) != Direction.REQUEST || !isFuse(s, i)) {
            return null;
        }
        return s.message(i) instanceof FuseRequest r ? r : null;
    }

    /** Reply {@code i} decoded, or null when it is not a FUSE reply with a captured body. */
    static FuseReply reply(Session s, int i) {
        if (i < 0 || s.direction(i) != Direction.REPLY || !isFuse(s, i)) {
            return null;
        }
        return s.message(i) instanceof FuseReply r ? r : null;
    }

    /** The reply to request {@code req}, decoded; null when it was not captured or carries only its header. */
    static FuseReply replyTo(Session s, int req) {
        return reply(s, s.peer(req));
    }

    /** Notification {@code i} decoded, or null. */
    static FuseNotify notify(Session s, int i) {
        if (s.direction(i) != Direction.NOTIFY || !isFuse(s, i)) {
            return null;
        }
        return s.message(i) instanceof FuseNotify n ? n : null;
    }

    /** The payload bytes of a READ reply, from its body or (spliced replies) its header's len; -1 if unknown. */
    static long dataBytes(Session s, int rep) {
        if (rep < 0) {
            return -1;
        }
        var m = s.message(rep);
        if (m instanceof FuseReply.Data d) {
            return d.size();
        }
        if (m instanceof HeaderOnly.Reply h && h.header().error() == 0) {
            return Math.max(0, h.header().len() - 16);
        }
        return -1;
    }

    /** A LOOKUP answer that says "no such name": -ENOENT, or nodeid 0 (a negative entry, dir.c). */
    static boolean negative(FuseReply r) {
        return r instanceof FuseReply.Error e && e.header().error() == -ENOENT
                || r instanceof FuseReply.Entry en && en.entry_out().nodeid() == 0;
    }

    /** A LOOKUP answer that names a node. */
    static boolean positive(FuseReply r) {
        return r instanceof FuseReply.Entry en && en.entry_out().nodeid() != 0;
    }

    /** seconds + nanoseconds as nanoseconds, saturating (daemons answer "forever" with huge values). */
    static long nanos(long seconds, long nsec) {
        if (seconds < 0 || seconds >= Long.MAX_VALUE / 1_000_000_000L - 1) {
            return Long.MAX_VALUE;
        }
        return seconds * 1_000_000_000L + nsec;
    }

    /**
     * Until when an answer cached at {@code at} is trusted with the simulated {@code window}
     * ({@link Windows#AS_ANSWERED}: for {@code answeredNanos}, the validity the daemon gave it,
     * where 0 means the kernel keeps nothing); {@link #NEVER} when it is not kept.
     */
    static long expiry(long at, long window, long answeredNanos) {
        if (window == Windows.INFINITE) {
            return Long.MAX_VALUE;
        }
        long w = window == Windows.AS_ANSWERED ? answeredNanos : window;
        if (w < 0 || window == Windows.AS_ANSWERED && w == 0) {
            return NEVER;
        }
        return at > Long.MAX_VALUE - w ? Long.MAX_VALUE : at + w;
    }

    /**
     * Whether a request finds its answer in the simulated cache and counts: the simulated entry
     * is valid at {@code now}, and the kernel's own entry (what the daemon's answered validity
     * gave it) is not. When the kernel's own entry was still valid and it asked anyway, something
     * the capture does not show made it ask (an eviction, a forced revalidation), and a longer
     * timeout would not have stopped it; at {@link Windows#AS_ANSWERED} exactly those requests
     * are what the model reports.
     */
    static boolean hit(long now, long simulatedExpires, long kernelExpires, long window) {
        boolean simulated = now <= simulatedExpires;
        return window == Windows.AS_ANSWERED ? simulated : simulated && now > kernelExpires;
    }

    /**
     * The remark of the timeout models: how many requests the kernel sent although its own cache
     * still held the answer (the model's result at {@link Windows#AS_ANSWERED}); none when zero.
     */
    static List<String> kernelIgnoredItsCache(WhatIfModel m, Session s, String what) {
        BitSet e = m.simulate(s, null, Windows.AS_ANSWERED).eliminated();
        long n = 0;
        for (int i = e.nextSetBit(0); i >= 0; i = e.nextSetBit(i + 1)) {
            if (s.direction(i) == Direction.REQUEST) {
                n++;
            }
        }
        if (n == 0) {
            return List.of();
        }
        return List.of("The kernel sent " + n + " " + what + " although its own cache still held the answer "
                + "(within the validity the daemon had given): something the capture does not show made it ask (an "
                + "eviction, a forced revalidation), and a longer timeout would not stop that, so they count only at "
                + "the 'answered' window (the kernel defaults baseline).");
    }

    /** The attributes a stat caller sees, from fuse_attr or fuse_statx, so the two compare. */
    record Attrs(long ino, long size, long blocks, long atime, long atimensec, long mtime, long mtimensec,
            long ctime, long ctimensec, long mode, long nlink, long uid, long gid) {
        static Attrs of(Attr a) {
            return new Attrs(a.ino(), a.size(), a.blocks(), a.atime(), a.atimensec(), a.mtime(), a.mtimensec(),
                    a.ctime(), a.ctimensec(), a.mode(), a.nlink(), a.uid(), a.gid());
        }

        /** The same attributes with the access time left out (reads move it on the backing store). */
        Attrs withoutAtime() {
            return new Attrs(ino, size, blocks, 0, 0, mtime, mtimensec, ctime, ctimensec, mode, nlink, uid, gid);
        }

        static Attrs of(Statx x) {
            return new Attrs(x.ino(), x.size(), x.blocks(), x.atime(), x.atime_nsec(), x.mtime(), x.mtime_nsec(),
                    x.ctime(), x.ctime_nsec(), x.mode(), x.nlink(), x.uid(), x.gid());
        }
    }

    /** What one connection's INIT exchange agreed (fuse_init_out), or the kernel's defaults when it was not captured. */
    record Init(boolean seen, long flags, long maxWrite, int maxPages) {
        static final Init NONE = new Init(false, 0, PAGE, DEFAULT_MAX_PAGES);

        boolean agreed(String flag) {
            return FuseFlags.init(flags).contains(flag);
        }

        /**
         * The largest READ or WRITE the kernel sends: max_write, and max_pages pages (32 unless
         * MAX_PAGES was agreed; inode.c process_init_reply()), never below one page.
         */
        long requestLimit() {
            long pages = (long) maxPages * PAGE;
            return Math.max(PAGE, Math.min(maxWrite, pages));
        }

        /** The INIT reply of connection {@code conn}. */
        static Init of(Session s, int conn) {
            for (int i = 0; i < s.size(); i++) {
                if (s.conn(i) == conn && is(s, i, Direction.REPLY, FuseOpcode.INIT)
                        && reply(s, i) instanceof FuseReply.Init r) {
                    long flags = FuseFlags.initBits(r.flags(), r.flags2());
                    boolean maxPagesAgreed = (flags & MAX_PAGES) != 0 && r.max_pages() != null && r.max_pages() > 0;
                    long maxWrite = r.max_write() == null ? PAGE : Math.max(PAGE, r.max_write());
                    return new Init(true, flags, maxWrite, maxPagesAgreed ? r.max_pages() : DEFAULT_MAX_PAGES);
                }
            }
            return NONE;
        }
    }
}
