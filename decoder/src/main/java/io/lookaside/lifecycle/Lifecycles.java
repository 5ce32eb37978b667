package io.lookaside.lifecycle;

import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * The lifetimes of a session's handles and the paths they name: every 9P fid from the reply
 * that bound it to the message that ended it (or the end of the capture), how it was opened,
 * its path at every moment, and every lookup result ({@link Dentries}); every FUSE nodeid with
 * its lookup count and names, and every FUSE file handle. Built in one pass per protocol over
 * the session ({@link #of(Session)}), linear in messages; immutable afterwards.
 */
public final class Lifecycles {
    /** What the 9P pass produced; per-message columns are indexed like the session. */
    record NineP(List<FidLifetime> fids, Dentries dentries, int[] msgLife, int[] msgCreated, long[] msgEntry,
                 BitSet entryKnown, int[] answered) {
    }

    /** What the FUSE pass produced. */
    record Fuse(List<NodeLifetime> nodes, List<HandleLifetime> handles, int[] msgNode, int[] msgHandle) {
    }

    private final PathTable paths;
    private final int[] msgPath;
    private final NineP ninep;
    private final Fuse fuse;
    /** (connection, fid) → the index of its last lifetime; {@link #earlier} chains the ones before. */
    private final LongIntMap lastByFid = new LongIntMap();
    /** Lifetime index → the previous lifetime of the same (connection, fid), or -1. */
    private final int[] earlier;

    private Lifecycles(PathTable paths, int[] msgPath, NineP ninep, Fuse fuse) {
        this.paths = paths;
        this.msgPath = msgPath;
        this.ninep = ninep;
        this.fuse = fuse;
        List<FidLifetime> fids = ninep.fids();
        earlier = new int[fids.size()];
        for (FidLifetime l : fids) {
            long key = fidKey(l.conn(), l.fid());
            earlier[l.index()] = lastByFid.get(key);
            lastByFid.put(key, l.index());
        }
    }

    /** A fid is u32 (the 9P fid[4]): with the connection it makes one long. */
    private static long fidKey(int conn, long fid) {
        return (long) conn << 32 | (fid & 0xFFFF_FFFFL);
    }

    /** The lifecycles of a whole session: the streaming pass fed every row at once. */
    public static Lifecycles of(Session session) {
        return new Stream().finish(session);
    }

    /**
     * The lifecycles pass fed as a session arrives (a live capture, or the prefixes a loader hands
     * out): each message is read once, when it arrives, and the state grows with it. State is
     * committed on replies, so a message is final once it is fed, except for the requests whose
     * handling depends on whether a reply ever comes: a Tclunk or Tremove (clunk(5): the fid is
     * gone at the request if the capture ends before the reply) and a FUSE RELEASE or RELEASEDIR.
     * The stream feeds rows up to the first such request still without its reply (or flush), and
     * no further until it is answered; the rows fed are the <em>settled</em> prefix, and
     * {@link #snapshot()} equals {@link Lifecycles#of} of that prefix ({@code session.prefix(settled())}).
     * When the session is complete, every row is fed. One thread feeds and takes snapshots.
     */
    public static final class Stream {
        private final PathTable paths = new PathTable();
        private final IntColumn msgPath = new IntColumn(PathTable.NONE);
        private final FidTracker ninep = new FidTracker(paths, msgPath);
        private final NodeTracker fuse = new NodeTracker(paths, msgPath);
        private int fed;

        /**
         * Feeds the rows of {@code grown} (the same session as before, grown; or complete when
         * {@code complete}) not fed yet, up to the first whose handling waits for a reply not yet
         * there. Returns how many rows are settled.
         */
        public int update(Session grown, boolean complete) {
            int size = grown.size();
            if (size < fed) {
                throw new IllegalArgumentException("a session of " + size + " rows after " + fed + " were fed");
            }
            msgPath.ensure(size);
            for (int i = fed; i < size; i++) {
                if (!complete && waitsForReply(grown, i)) {
                    break;
                }
                if (grown.connection(i).protocol() == io.lookaside.capture.Protocol.NINEP) {
                    ninep.accept(grown, i);
                } else {
                    fuse.accept(grown, i);
                }
                fed = i + 1;
            }
            return fed;
        }

        /**
         * Feeds the rest of the complete session and hands over the stream's own state, without
         * copying it (the stream must not be used afterwards).
         */
        public Lifecycles finish(Session whole) {
            update(whole, true);
            return result(false);
        }

        /** How many rows have been fed: the prefix {@link #snapshot()} describes. */
        public int settled() {
            return fed;
        }

        /** The lifecycles of the settled prefix, in objects later messages do not change. */
        public Lifecycles snapshot() {
            return result(true);
        }

        private Lifecycles result(boolean copy) {
            PathTable table = copy ? paths.copy() : paths;
            return new Lifecycles(table, msgPath.copy(fed), ninep.result(fed, table, copy), fuse.result(fed, table, copy));
        }

        /** A request whose handling depends on a reply that has not arrived (and was not flushed). */
        private static boolean waitsForReply(Session s, int i) {
            if (s.direction(i) != io.lookaside.session.Direction.REQUEST || s.peer(i) >= 0
                    || s.hasFlag(i, Session.FLUSHED)) {
                return false;
            }
            int type = s.typeCode(i);
            return s.connection(i).protocol() == io.lookaside.capture.Protocol.NINEP
                    ? type == io.lookaside.ninep.NinePTypes.TCLUNK || type == io.lookaside.ninep.NinePTypes.TREMOVE
                    : type == io.lookaside.fuse.FuseOpcode.RELEASE.code() || type == io.lookaside.fuse.FuseOpcode.RELEASEDIR.code();
        }
    }

    /**
     * The path message {@code i} concerns, relative to the attach root ({@code usr/include/stdio.h},
     * the root itself {@code /}): its fid's path at that moment, or for a request that names an
     * entry (Twalk, Tlcreate, Tunlinkat, Trenameat, ...) the directory's path plus the name, so
     * that a lookup that created no fid is still attributed to what it looked up. A reply has
     * its request's path. Null when unknown (another protocol, a reply without its request).
     */
    public String path(int i) {
        return paths.text(msgPath[i]);
    }

    /**
     * How many 9P replies have their request in the capture: the exchanges the 9P what-if
     * models replay, listed once here so that each model does not test every message again.
     */
    public int ninePReplies() {
        return ninep.answered().length;
    }

    /** The {@code k}-th answered 9P reply ({@link #ninePReplies()}), in capture order. */
    public int ninePReply(int k) {
        return ninep.answered()[k];
    }

    /** Every 9P fid lifetime, in the order they began. */
    public List<FidLifetime> fids() {
        return ninep.fids();
    }

    /** The lifetime of the fid message {@code i} acts on (for a reply: its request's), or null. */
    public FidLifetime fid(int i) {
        int l = ninep.msgLife()[i];
        return l < 0 ? null : ninep.fids().get(l);
    }

    /**
     * The lifetime {@code fid} of connection {@code conn} was bound to when message {@code at}
     * was sent (for a fid a request names besides its main one, e.g. Trenameat's newdirfid), or null.
     */
    public FidLifetime bound(int conn, long fid, int at) {
        if (fid != (fid & 0xFFFF_FFFFL)) {
            return null;
        }
        for (int k = lastByFid.get(fidKey(conn, fid)); k >= 0; k = earlier[k]) {
            FidLifetime l = ninep.fids().get(k);
            if (l.createdAt() <= at) {
                return l.endedAt() < 0 || l.endedAt() >= at ? l : null;
            }
        }
        return null;
    }

    /**
     * The lifetime the exchange of message {@code i} created (the newfid of a complete walk or of
     * Rxattrwalk, the fid of Rattach/Rauth, the file of Rlcreate/Rcreate), or null.
     */
    public FidLifetime created(int i) {
        int l = ninep.msgCreated()[i];
        return l < 0 ? null : ninep.fids().get(l);
    }

    /**
     * The qid.path of the directory entry an exchange acted on, as far as the capture showed it:
     * the file unlinked by Tunlinkat, moved by Trenameat or Trename, removed by Tremove, made by
     * Tlcreate/Tcreate/Tmkdir/Tsymlink/Tmknod or linked by Tlink. Empty for other messages, for
     * failed exchanges, and when the entry was never looked up in the capture.
     */
    public OptionalLong entryQid(int i) {
        return ninep.entryKnown().get(i) ? OptionalLong.of(ninep.msgEntry()[i]) : OptionalLong.empty();
    }

    /** Fids still bound when the capture ended (leaks, or a capture that stopped early). */
    public List<FidLifetime> openAtEnd() {
        List<FidLifetime> out = new ArrayList<>();
        for (FidLifetime l : ninep.fids()) {
            if (l.openAtEnd()) {
                out.add(l);
            }
        }
        return out;
    }

    /** Every 9P lookup result, keyed as a dentry cache keys them. */
    public Dentries dentries() {
        return ninep.dentries();
    }

    /** Every FUSE nodeid lifetime, in the order the kernel learnt them. */
    public List<NodeLifetime> nodes() {
        return fuse.nodes();
    }

    /** The lifetime of the nodeid in the header of FUSE message {@code i} (for a reply: its request's), or null. */
    public NodeLifetime node(int i) {
        int n = fuse.msgNode()[i];
        return n < 0 ? null : fuse.nodes().get(n);
    }

    /** Every FUSE file handle, in the order they were opened. */
    public List<HandleLifetime> handles() {
        return fuse.handles();
    }

    /** The handle FUSE message {@code i} acts on (READ, WRITE, FLUSH, RELEASE, ...), or null. */
    public HandleLifetime handle(int i) {
        int h = fuse.msgHandle()[i];
        return h < 0 ? null : fuse.handles().get(h);
    }

    /** FUSE handles never released in the capture. */
    public List<HandleLifetime> handlesOpenAtEnd() {
        return fuse.handles().stream().filter(HandleLifetime::openAtEnd).toList();
    }

    /** FUSE nodeids the kernel still held when the capture ended (lookups never forgotten). */
    public List<NodeLifetime> nodesRememberedAtEnd() {
        return fuse.nodes().stream().filter(n -> n.rememberedAtEnd() && n.origin() != NodeOrigin.ROOT).toList();
    }
}
