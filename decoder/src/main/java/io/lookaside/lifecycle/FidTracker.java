package io.lookaside.lifecycle;

import io.lookaside.capture.Protocol;
import io.lookaside.ninep.NinePMessage;
import io.lookaside.ninep.NinePHeader;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Qid;
import io.lookaside.wire.Le;
import java.nio.ByteBuffer;
import io.lookaside.ninep.Rattach;
import io.lookaside.ninep.Rauth;
import io.lookaside.ninep.Rcreate;
import io.lookaside.ninep.Rgetattr;
import io.lookaside.ninep.Rlcreate;
import io.lookaside.ninep.Rlopen;
import io.lookaside.ninep.Rmkdir;
import io.lookaside.ninep.Rmknod;
import io.lookaside.ninep.Rsymlink;
import io.lookaside.ninep.Ropen;
import io.lookaside.ninep.Rwalk;
import io.lookaside.ninep.Rxattrwalk;
import io.lookaside.ninep.Tattach;
import io.lookaside.ninep.Tauth;
import io.lookaside.ninep.Tclunk;
import io.lookaside.ninep.Tcreate;
import io.lookaside.ninep.Tfsync;
import io.lookaside.ninep.Tgetattr;
import io.lookaside.ninep.Tgetlock;
import io.lookaside.ninep.Tlcreate;
import io.lookaside.ninep.Tlink;
import io.lookaside.ninep.Tlock;
import io.lookaside.ninep.Tlopen;
import io.lookaside.ninep.Tmkdir;
import io.lookaside.ninep.Tmknod;
import io.lookaside.ninep.Topen;
import io.lookaside.ninep.Tread;
import io.lookaside.ninep.Treaddir;
import io.lookaside.ninep.Treadlink;
import io.lookaside.ninep.Tremove;
import io.lookaside.ninep.Trename;
import io.lookaside.ninep.Trenameat;
import io.lookaside.ninep.Tsetattr;
import io.lookaside.ninep.Tstat;
import io.lookaside.ninep.Tstatfs;
import io.lookaside.ninep.Tsymlink;
import io.lookaside.ninep.Tunlinkat;
import io.lookaside.ninep.Tversion;
import io.lookaside.ninep.Twalk;
import io.lookaside.ninep.Twrite;
import io.lookaside.ninep.Twstat;
import io.lookaside.ninep.Txattrcreate;
import io.lookaside.ninep.Txattrwalk;
import io.lookaside.ninep.Rxattrcreate;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.wire.Errno;
import io.lookaside.wire.ProtocolMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * One pass over the 9P messages of a session, in capture order, that tracks every fid of every
 * connection (walk(5), open(5), clunk(5), remove(5), version(5)) and records every lookup.
 * Requests are attributed to the fid they name as it is bound at that moment; state changes
 * only on replies. Linear in messages: a primitive fid → lifetime map per connection.
 */
final class FidTracker {
    /** ORCLOSE in a 9P2000 open mode (open(5)): remove the file when the fid is clunked. */
    private static final int ORCLOSE = 0x40;
    /** Slots of the ring of requests awaiting their reply (a power of two). */
    private static final int PENDING = 1 << 14;
    /** Request types whose reply changes a fid, a path or an entry; other replies need no decoding. */
    private static final boolean[] REPLY_MATTERS = types(NinePTypes.TCLUNK, NinePTypes.TREMOVE, NinePTypes.TWALK,
            NinePTypes.TATTACH, NinePTypes.TAUTH, NinePTypes.TLOPEN, NinePTypes.TOPEN, NinePTypes.TLCREATE,
            NinePTypes.TCREATE, NinePTypes.TMKDIR, NinePTypes.TSYMLINK, NinePTypes.TMKNOD, NinePTypes.TLINK,
            NinePTypes.TUNLINKAT, NinePTypes.TXATTRWALK, NinePTypes.TXATTRCREATE, NinePTypes.TGETATTR,
            NinePTypes.TRENAME, NinePTypes.TRENAMEAT);
    /** size[4] type[1] tag[2] valid[8] qid[13] mode[4] … data_version[8] (9P2000.L getattr). */
    private static final int RGETATTR_LENGTH = Rgetattr.DATA_VERSION + 8;
    /**
     * Request types whose successful reply is decoded to be read (a qid, Rwalk's qids); an
     * Rgetattr's qid is read in place ({@link #rgetattrQid(Session, int)}).
     */
    private static final boolean[] REPLY_READ = types(NinePTypes.TWALK, NinePTypes.TATTACH, NinePTypes.TAUTH,
            NinePTypes.TLOPEN, NinePTypes.TOPEN, NinePTypes.TLCREATE, NinePTypes.TCREATE, NinePTypes.TMKDIR,
            NinePTypes.TSYMLINK, NinePTypes.TMKNOD, NinePTypes.TXATTRWALK, NinePTypes.TXATTRCREATE);

    /** The session as far as it has arrived (a prefix while it grows); only rows already fed are read. */
    private Session s;
    private final PathTable paths;
    private final List<FidLifetime> lives = new ArrayList<>();
    private final Dentries.Builder dentries = new Dentries.Builder();
    private final IntColumn msgLife = new IntColumn(-1);
    private final IntColumn msgPath;
    private final IntColumn msgCreated = new IntColumn(-1);
    private long[] msgEntry = new long[1024];
    private final BitSet entryKnown = new BitSet();
    /** Per connection index, made when its first 9P message arrives; null for other protocols. */
    private Conn[] conns = new Conn[4];
    private int[] answered = new int[1024];
    private int replies;
    /**
     * Requests whose reply needs them, decoded once when they were sent and kept until the reply
     * (by message index modulo the ring's size; a reply whose request was overwritten decodes it
     * again): a request is otherwise decoded twice.
     */
    private final int[] pendingAt = new int[PENDING];
    private final NinePMessage[] pendingMessage = new NinePMessage[PENDING];

    /**
     * Per-connection state: fid → lifetime index of the fids bound now, qid.path → last path
     * seen, and directory entry → qid.path of what it names (from lookups and creations).
     */
    private static final class Conn {
        final LongIntMap live = new LongIntMap();
        final LongIntMap qidPaths = new LongIntMap();
        /** Entries of directories known by qid.path. */
        final NameMap namesByQid = new NameMap();
        /** Entries of directories known only by path id. */
        final NameMap namesByPath = new NameMap();

        /** A directory entry: the directory by qid.path when known, else by path id. */
        NameMap names(boolean byQid) {
            return byQid ? namesByQid : namesByPath;
        }
    }

    FidTracker(PathTable paths, IntColumn msgPath) {
        this.paths = paths;
        this.msgPath = msgPath;
        Arrays.fill(pendingAt, -1);
    }

    /**
     * Message {@code i} of {@code session} (9P; every message before it already fed, in capture
     * order): a request is attributed to its fid as bound now, a reply commits its exchange.
     */
    void accept(Session session, int i) {
        s = session;
        int conn = s.conn(i);
        if (conn >= conns.length) {
            conns = Arrays.copyOf(conns, Math.max(conn + 1, conns.length * 2));
        }
        if (conns[conn] == null) {
            conns[conn] = new Conn();
        }
        msgLife.ensure(i + 1);
        msgCreated.ensure(i + 1);
        if (i >= msgEntry.length) {
            msgEntry = Arrays.copyOf(msgEntry, Math.max(i + 1, msgEntry.length * 2));
        }
        Direction d = s.direction(i);
        if (d == Direction.REQUEST) {
            request(i);
        } else if (d == Direction.REPLY) {
            if (s.peer(i) >= 0) {
                if (replies == answered.length) {
                    answered = Arrays.copyOf(answered, replies * 2);
                }
                answered[replies++] = i;
            }
            reply(i);
        }
    }

    /**
     * What the pass has found for the first {@code size} messages. With {@code copy}, in objects
     * and arrays of their own that later messages do not change (a snapshot while the session
     * grows); without, the tracker's own (the pass is over).
     */
    Lifecycles.NineP result(int size, PathTable table, boolean copy) {
        List<FidLifetime> fids = new ArrayList<>(lives.size());
        for (FidLifetime l : lives) {
            fids.add(copy ? l.copy(table) : l);
        }
        return new Lifecycles.NineP(List.copyOf(fids), dentries.build(size), msgLife.copy(size), msgCreated.copy(size),
                Arrays.copyOf(msgEntry, size), copy ? (BitSet) entryKnown.clone() : entryKnown,
                Arrays.copyOf(answered, replies));
    }

    private static boolean[] types(int... codes) {
        boolean[] set = new boolean[256];
        for (int c : codes) {
            set[c] = true;
        }
        return set;
    }

    private NinePMessage decode(int i) {
        ProtocolMessage m = s.message(i);
        return m instanceof NinePMessage n ? n : null;
    }

    /** Request {@code req} as decoded when it was sent, or decoded again. */
    private NinePMessage pending(int req) {
        int slot = req & (PENDING - 1);
        if (pendingAt[slot] == req) {
            NinePMessage m = pendingMessage[slot];
            pendingAt[slot] = -1;
            pendingMessage[slot] = null;
            return m;
        }
        return decode(req);
    }

    /**
     * The qid of reply {@code i} when it is an Rgetattr that decodes (its type, a size field equal
     * to its length, and exactly the fixed layout size[4] Rgetattr tag[2] valid[8] qid[13] … of
     * 9P2000.L), read in place: its only field the fids need, without decoding the 21 others.
     */
    static Qid rgetattrQid(Session s, int i) {
        if (s.typeCode(i) != NinePTypes.RGETATTR || s.length(i) != RGETATTR_LENGTH
                || s.keptLength(i) != RGETATTR_LENGTH || s.connection(i).protocol() != Protocol.NINEP) {
            return null;
        }
        ByteBuffer b = s.bytes(i);
        int at = b.position();
        if (Le.u32(b, at) != RGETATTR_LENGTH) {
            return null;
        }
        return new Qid(Le.u8(b, at + Rgetattr.QID), Le.u32(b, at + Rgetattr.QID + 1), Le.u64(b, at + Rgetattr.QID + 5));
    }

    /**
     * Request {@code i} as the decoder would decode it when it is one of the fixed-size requests
     * most fid uses are (Tclunk, Tgetattr, Tread: size[4] type[1] tag[2] fid[4] and fixed fields),
     * read in place: they decode exactly when their length is the layout's and their size field
     * says so. Null for any other message, which is decoded.
     */
    static NinePMessage fixedRequest(Session s, int i) {
        int type = s.typeCode(i);
        int length = switch (type) {
            case NinePTypes.TCLUNK -> Tclunk.FID + 4;
            case NinePTypes.TGETATTR -> Tgetattr.REQUEST_MASK + 8;
            case NinePTypes.TREAD -> Tread.COUNT + 4;
            default -> -1;
        };
        if (length < 0 || s.length(i) != length || s.keptLength(i) != length
                || s.connection(i).protocol() != Protocol.NINEP) {
            return null;
        }
        ByteBuffer b = s.bytes(i);
        int at = b.position();
        if (Le.u32(b, at) != length) {
            return null;
        }
        int tag = Le.u16(b, at + NinePHeader.TAG);
        long fid = Le.u32(b, at + Tclunk.FID);
        return switch (type) {
            case NinePTypes.TCLUNK -> new Tclunk(tag, fid);
            case NinePTypes.TGETATTR -> new Tgetattr(tag, fid, Le.u64(b, at + Tgetattr.REQUEST_MASK));
            default -> new Tread(tag, fid, Le.u64(b, at + Tread.OFFSET), Le.u32(b, at + Tread.COUNT));
        };
    }

    /** Whether an error reply: only Rlerror and Rerror can decode to one ({@link NinePErrors#ecode}). */
    private static boolean errorType(int type) {
        return type == NinePTypes.RLERROR || type == NinePTypes.RERROR;
    }

    private void request(int i) {
        NinePMessage m = fixedRequest(s, i);
        if (m == null) {
            m = decode(i);
        }
        if (m == null) {
            return;
        }
        int type = s.typeCode(i) & 0xFF;
        // Kept whether or not its reply is there yet: in a growing session it comes in a later batch.
        if (REPLY_MATTERS[type]) {
            int slot = i & (PENDING - 1);
            pendingAt[slot] = i;
            pendingMessage[slot] = m;
        }
        Conn c = conns[s.conn(i)];
        if (m instanceof Tversion) {
            // version(5): a new session; every fid of the connection is gone.
            for (int life : c.live.values()) {
                end(life, i, FidEnd.VERSION_RESET);
            }
            c.live.clear();
            return;
        }
        if (m instanceof Tattach a) {
            msgPath.set(i, paths.root(a.aname()));
            return;
        }
        if (m instanceof Tauth) {
            return;
        }
        long fid = primaryFid(m);
        if (fid < 0) {
            return;
        }
        int life = use(c, fid, i);
        msgLife.set(i, life);
        msgPath.set(i, requestPath(m, c, life));
        boolean unanswered = s.peer(i) < 0 && !s.hasFlag(i, Session.FLUSHED);
        if (unanswered && m instanceof Tclunk) {
            // clunk(5): the fid is gone whatever happens; the capture ended before the reply.
            unbind(c, fid, life, i, FidEnd.CLUNKED);
        } else if (unanswered && m instanceof Tremove) {
            unbind(c, fid, life, i, FidEnd.REMOVED);
        }
    }

    /** The lifetime fid is bound to now; a fid first seen in use was made before the capture. */
    private int use(Conn c, long fid, int i) {
        int life = c.live.get(fid);
        if (life >= 0) {
            return life;
        }
        life = bind(c, fid, FidOrigin.BEFORE_CAPTURE, i, -1, paths.unknown(fid));
        return life;
    }

    private int bind(Conn c, long fid, FidOrigin origin, int at, int source, int path) {
        int old = c.live.get(fid);
        if (old >= 0) {
            end(old, at, FidEnd.REBOUND);
        }
        FidLifetime l = new FidLifetime(paths, lives.size(), s.conn(at), fid, origin, at, source, path);
        lives.add(l);
        c.live.put(fid, l.index());
        return l.index();
    }

    private void unbind(Conn c, long fid, int life, int at, FidEnd how) {
        if (c.live.get(fid) == life) {
            c.live.remove(fid);
        }
        end(life, at, how);
    }

    private void end(int life, int at, FidEnd how) {
        FidLifetime l = lives.get(life);
        if (l.end == FidEnd.CAPTURE_END) {
            l.end = how;
            l.endedAt = at;
        }
    }

    private int pathOfFid(Conn c, long fid, int at) {
        int life = use(c, fid, at);
        return lives.get(life).pathId();
    }

    /** The path a request concerns: its fid's, or for name-taking requests the directory's plus the name. */
    private int requestPath(NinePMessage m, Conn c, int life) {
        int p = lives.get(life).pathId();
        if (p == PathTable.NONE) {
            return p;
        }
        if (m instanceof Twalk w) {
            for (String n : w.wnames()) {
                p = paths.child(p, n);
            }
            return p;
        }
        if (m instanceof Tlcreate x) {
            return paths.child(p, x.name());
        }
        if (m instanceof Tcreate x) {
            return paths.child(p, x.name());
        }
        if (m instanceof Tsymlink x) {
            return paths.child(p, x.name());
        }
        if (m instanceof Tmknod x) {
            return paths.child(p, x.name());
        }
        if (m instanceof Tmkdir x) {
            return paths.child(p, x.name());
        }
        if (m instanceof Tlink x) {
            return paths.child(p, x.name());
        }
        if (m instanceof Tunlinkat x) {
            return paths.child(p, x.name());
        }
        if (m instanceof Trenameat x) {
            return paths.child(p, x.oldname());
        }
        return p;
    }

    /** The fid a request acts on (for name-taking requests, the directory fid); -1 when none. */
    static long primaryFid(NinePMessage m) {
        if (m instanceof Twalk x) {
            return x.fid();
        } else if (m instanceof Topen x) {
            return x.fid();
        } else if (m instanceof Tcreate x) {
            return x.fid();
        } else if (m instanceof Tread x) {
            return x.fid();
        } else if (m instanceof Twrite x) {
            return x.fid();
        } else if (m instanceof Tclunk x) {
            return x.fid();
        } else if (m instanceof Tremove x) {
            return x.fid();
        } else if (m instanceof Tstat x) {
            return x.fid();
        } else if (m instanceof Twstat x) {
            return x.fid();
        } else if (m instanceof Tstatfs x) {
            return x.fid();
        } else if (m instanceof Tlopen x) {
            return x.fid();
        } else if (m instanceof Tlcreate x) {
            return x.fid();
        } else if (m instanceof Tsymlink x) {
            return x.fid();
        } else if (m instanceof Tmknod x) {
            return x.dfid();
        } else if (m instanceof Trename x) {
            return x.fid();
        } else if (m instanceof Treadlink x) {
            return x.fid();
        } else if (m instanceof Tgetattr x) {
            return x.fid();
        } else if (m instanceof Tsetattr x) {
            return x.fid();
        } else if (m instanceof Txattrwalk x) {
            return x.fid();
        } else if (m instanceof Txattrcreate x) {
            return x.fid();
        } else if (m instanceof Treaddir x) {
            return x.fid();
        } else if (m instanceof Tfsync x) {
            return x.fid();
        } else if (m instanceof Tlock x) {
            return x.fid();
        } else if (m instanceof Tgetlock x) {
            return x.fid();
        } else if (m instanceof Tlink x) {
            return x.dfid();
        } else if (m instanceof Tmkdir x) {
            return x.dfid();
        } else if (m instanceof Trenameat x) {
            return x.olddirfid();
        } else if (m instanceof Tunlinkat x) {
            return x.dirfid();
        }
        return -1;
    }

    private void reply(int i) {
        int req = s.peer(i);
        if (req < 0) {
            return;
        }
        msgLife.set(i, msgLife.get(req));
        msgPath.set(i, msgPath.get(req));
        int type = s.typeCode(req) & 0xFF;
        if (!REPLY_MATTERS[type]) {
            return;
        }
        NinePMessage t = pending(req);
        // The reply is decoded only when it is read: an error's ecode, a qid, Rwalk's qids.
        boolean error = errorType(s.typeCode(i));
        NinePMessage r = error || REPLY_READ[type] ? decode(i) : null;
        if (t == null) {
            return;
        }
        Conn c = conns[s.conn(i)];
        long ecode = error ? NinePErrors.ecode(r) : NinePErrors.NONE;
        int life = msgLife.get(req);
        if (t instanceof Tclunk x) {
            unbind(c, x.fid(), life, i, FidEnd.CLUNKED);
        } else if (t instanceof Tremove x) {
            FidLifetime l = lives.get(life);
            if (l.qidKnown && ecode == NinePErrors.NONE) {
                entry(req, i, l.qidPath);
            }
            unbind(c, x.fid(), life, i, FidEnd.REMOVED);
        } else if (t instanceof Twalk w) {
            walked(c, w, r, req, i, life, ecode);
        } else if (ecode != NinePErrors.NONE) {
            return;
        } else if (t instanceof Tattach a && r instanceof Rattach ra) {
            int l = bind(c, a.fid(), FidOrigin.ATTACH, i, -1, paths.root(a.aname()));
            learn(c, lives.get(l), ra.qid(), i);
            created(req, i, l);
        } else if (t instanceof Tauth a && r instanceof Rauth ra) {
            int l = bind(c, a.afid(), FidOrigin.AUTH, i, -1, PathTable.NONE);
            FidLifetime fl = lives.get(l);
            fl.qid(ra.aqid().type(), ra.aqid().version(), ra.aqid().path());
            created(req, i, l);
        } else if (t instanceof Tlopen o && r instanceof Rlopen ro) {
            opened(c, life, i, o.flags(), false, ro.qid());
        } else if (t instanceof Topen o && r instanceof Ropen ro) {
            opened(c, life, i, o.mode(), (o.mode() & ORCLOSE) != 0, ro.qid());
        } else if (t instanceof Tlcreate x && r instanceof Rlcreate rc) {
            named(c, life, x.name(), rc.qid().path(), req, i);
            createdFile(c, x.fid(), life, req, i, x.name(), x.flags(), false, rc.qid());
        } else if (t instanceof Tcreate x && r instanceof Rcreate rc) {
            named(c, life, x.name(), rc.qid().path(), req, i);
            createdFile(c, x.fid(), life, req, i, x.name(), x.mode(), (x.mode() & ORCLOSE) != 0, rc.qid());
        } else if (t instanceof Tmkdir x && r instanceof Rmkdir rq) {
            named(c, life, x.name(), rq.qid().path(), req, i);
        } else if (t instanceof Tsymlink x && r instanceof Rsymlink rq) {
            named(c, life, x.name(), rq.qid().path(), req, i);
        } else if (t instanceof Tmknod x && r instanceof Rmknod rq) {
            named(c, life, x.name(), rq.qid().path(), req, i);
        } else if (t instanceof Tlink x) {
            int target = use(c, x.fid(), i);
            if (lives.get(target).qidKnown) {
                named(c, life, x.name(), lives.get(target).qidPath, req, i);
            }
        } else if (t instanceof Tunlinkat x) {
            long[] q = removeName(c, life, x.name());
            if (q != null) {
                entry(req, i, q[0]);
            }
        } else if (t instanceof Txattrwalk x && r instanceof Rxattrwalk) {
            int l = bind(c, x.newfid(), FidOrigin.XATTRWALK, i, life, lives.get(life).pathId());
            created(req, i, l);
        } else if (t instanceof Txattrcreate && r instanceof Rxattrcreate) {
            lives.get(life).xattrCreateAt = i;
        } else if (t instanceof Tgetattr) {
            Qid q = rgetattrQid(s, i);
            if (q != null) {
                learn(c, lives.get(life), q, i);
            }
        } else if (t instanceof Trename x) {
            int to = paths.child(pathOfFid(c, x.dfid(), i), x.name());
            FidLifetime l = lives.get(life);
            if (l.qidKnown) {
                named(c, c.live.get(x.dfid()), x.name(), l.qidPath, req, i);
            }
            renamed(c, l.pathId(), to, i);
        } else if (t instanceof Trenameat x) {
            int from = paths.child(lives.get(life).pathId(), x.oldname());
            int newDir = use(c, x.newdirfid(), i);
            int to = paths.child(lives.get(newDir).pathId(), x.newname());
            long[] q = removeName(c, life, x.oldname());
            if (q != null) {
                named(c, newDir, x.newname(), q[0], req, i);
            }
            renamed(c, from, to, i);
        }
    }

    /** The entry name in directory dirLife now names qid; requests req/rep concern it. */
    private void named(Conn c, int dirLife, String n, long qid, int req, int rep) {
        if (dirLife >= 0) {
            FidLifetime d = lives.get(dirLife);
            c.names(d.qidKnown).put(d.qidKnown ? d.qidPath : d.pathId(), n, qid);
        }
        entry(req, rep, qid);
    }

    /** Forgets the entry n of directory dirLife; returns what it named (one qid.path), or null when unknown. */
    private long[] removeName(Conn c, int dirLife, String n) {
        FidLifetime d = lives.get(dirLife);
        NameMap names = c.names(d.qidKnown);
        int at = names.find(d.qidKnown ? d.qidPath : d.pathId(), n);
        if (at < 0) {
            return null;
        }
        long qid = names.value(at);
        names.removeAt(at);
        return new long[] {qid};
    }

    private void entry(int req, int rep, long qid) {
        msgEntry[req] = qid;
        msgEntry[rep] = qid;
        entryKnown.set(req);
        entryKnown.set(rep);
    }

    private void created(int req, int rep, int life) {
        msgCreated.set(req, life);
        msgCreated.set(rep, life);
    }

    private void opened(Conn c, int life, int at, long flags, boolean orclose, Qid qid) {
        FidLifetime l = lives.get(life);
        if (l.openedAt < 0) {
            l.openedAt = at;
            l.openFlags = flags;
            l.orclose = orclose;
        }
        learn(c, l, qid, at);
    }

    /** Tlcreate/Tcreate: the directory fid now names the new file, opened (open(5)). */
    private void createdFile(Conn c, long fid, int dirLife, int req, int at, String name, long flags,
                             boolean orclose, Qid qid) {
        int path = paths.child(lives.get(dirLife).pathId(), name);
        int l = bind(c, fid, FidOrigin.CREATE, at, dirLife, path);
        FidLifetime fl = lives.get(l);
        fl.openedAt = at;
        fl.openFlags = flags;
        fl.orclose = orclose;
        learn(c, fl, qid, at);
        created(req, at, l);
    }

    /**
     * walk(5): nwqid == nwname binds newfid (nwname 0 clones); a partial walk or an error binds
     * nothing; each element walked is a lookup, the element where it stopped a negative one.
     */
    private void walked(Conn c, Twalk w, NinePMessage r, int req, int rep, int from, long ecode) {
        FidLifetime src = lives.get(from);
        List<String> names = w.wnames();
        int dir = src.pathId();
        boolean dirKnown = src.qidKnown;
        long dirQid = src.qidPath;
        if (r instanceof Rwalk rw) {
            List<Qid> qids = rw.qids();
            int found = Math.min(qids.size(), names.size());
            for (int k = 0; k < found; k++) {
                Qid q = qids.get(k);
                int p = paths.child(dir, names.get(k));
                lookup(c, req, rep, dirKnown, dirQid, dir, names.get(k), p, Lookup.Result.FOUND, q.path(), 0);
                c.names(dirKnown).put(dirKnown ? dirQid : dir, names.get(k), q.path());
                if (p != PathTable.NONE && !paths.underUnknown(p)) {
                    c.qidPaths.put(q.path(), p);
                }
                dir = p;
                dirKnown = true;
                dirQid = q.path();
            }
            if (found < names.size()) {
                int p = paths.child(dir, names.get(found));
                lookup(c, req, rep, dirKnown, dirQid, dir, names.get(found), p, Lookup.Result.NOT_FOUND, 0,
                        Errno.ENOENT.code());
                msgPath.set(req, p);
                msgPath.set(rep, p);
                return;
            }
            if (names.isEmpty() && w.newfid() == w.fid()) {
                return;
            }
            int l = bind(c, w.newfid(), names.isEmpty() ? FidOrigin.CLONE : FidOrigin.WALK, rep, from, dir);
            FidLifetime nl = lives.get(l);
            if (!qids.isEmpty()) {
                Qid q = qids.get(qids.size() - 1);
                nl.qid(q.type(), q.version(), q.path());
            } else if (src.qidKnown) {
                nl.qid(src.qidType, src.qidVersion, src.qidPath);
            }
            created(req, rep, l);
        } else if (ecode != NinePErrors.NONE && !names.isEmpty()) {
            int p = paths.child(dir, names.get(0));
            Lookup.Result result = ecode == Errno.ENOENT.code() ? Lookup.Result.NOT_FOUND : Lookup.Result.FAILED;
            lookup(c, req, rep, dirKnown, dirQid, dir, names.get(0), p, result, 0, ecode);
            msgPath.set(req, p);
            msgPath.set(rep, p);
        }
    }

    private void lookup(Conn c, int req, int rep, boolean dirKnown, long dirQid, int dir, String name, int path,
                        Lookup.Result result, long qid, long ecode) {
        Lookup l = new Lookup(req, rep, s.conn(req), dirKnown, dirKnown ? dirQid : 0, paths.text(dir), name,
                paths.text(path), result, qid, ecode);
        dentries.add(l, s.conn(req), dirKnown, dirKnown ? dirQid : dir, name);
    }

    /** A qid seen for a lifetime; a fid of unknown location takes the path the qid is known by. */
    private void learn(Conn c, FidLifetime l, Qid q, int at) {
        l.qid(q.type(), q.version(), q.path());
        int p = l.pathId();
        if (p == PathTable.NONE) {
            return;
        }
        if (!paths.underUnknown(p)) {
            c.qidPaths.put(q.path(), p);
            return;
        }
        int known = c.qidPaths.get(q.path());
        if (known >= 0) {
            l.moveTo(at, known);
        }
    }

    /** Trename / Trenameat: every fid at or under the old path moves (walk(5) paths follow renames). */
    private void renamed(Conn c, int from, int to, int at) {
        for (int life : c.live.values()) {
            FidLifetime l = lives.get(life);
            int p = l.pathId();
            if (p != PathTable.NONE && paths.within(p, from)) {
                int moved = paths.moved(p, from, to);
                l.moveTo(at, moved);
                if (l.qidKnown) {
                    c.qidPaths.put(l.qidPath, moved);
                }
            }
        }
    }
}
