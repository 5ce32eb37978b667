package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.ninep.NinePHeader;
import io.lookaside.ninep.NinePMessage;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.Lookup;
import io.lookaside.ninep.Tcreate;
import io.lookaside.ninep.Tgetattr;
import io.lookaside.ninep.Tlcreate;
import io.lookaside.ninep.Tlink;
import io.lookaside.ninep.Tmkdir;
import io.lookaside.ninep.Tmknod;
import io.lookaside.ninep.Trename;
import io.lookaside.ninep.Trenameat;
import io.lookaside.ninep.Tsymlink;
import io.lookaside.ninep.Tunlinkat;
import io.lookaside.wire.Le;
import io.lookaside.wire.ProtocolMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small shared helpers of the 9P models: which messages are answered 9P requests, decoding. */
final class NinePExchanges {
    /** P9_GETATTR_ALL (include/net/9p/9p.h): what v9fs_vfs_getattr_dotl asks for a stat(2). */
    static final long GETATTR_ALL = 0x3fff;
    /** Linux ENOENT and ENODATA. */
    static final long ENOENT = 2;
    static final long ENODATA = 61;
    /** Tgetattr's only length: size[4] type[1] tag[2] fid[4] request_mask[8]. */
    private static final int TGETATTR_LENGTH = 19;

    private NinePExchanges() {
    }

    static NinePMessage decode(Session s, int i) {
        ProtocolMessage m = s.message(i);
        return m instanceof NinePMessage n ? n : null;
    }

    /**
     * True when request {@code req} is a Tgetattr asking for P9_GETATTR_ALL (a stat(2)), read in
     * place: the answer decoding it would give, without making the record. A Tgetattr decodes
     * (is not Malformed) exactly when it is size[4] type[1] tag[2] fid[4] request_mask[8] and
     * its size field says so.
     */
    static boolean asksAllAttributes(Session s, int req) {
        if (s.typeCode(req) != NinePTypes.TGETATTR || s.length(req) != TGETATTR_LENGTH
                || s.connection(req).protocol() != Protocol.NINEP) {
            return false;
        }
        ByteBuffer b = s.bytes(req);
        int at = b.position();
        return NinePHeader.size(b, at) == TGETATTR_LENGTH && Le.u64(b, at + Tgetattr.REQUEST_MASK) == GETATTR_ALL;
    }

    /** True when reply {@code rep} is not an error. */
    static boolean succeeded(Session s, int rep) {
        int type = s.typeCode(rep);
        return type != NinePTypes.RLERROR && type != NinePTypes.RERROR;
    }

    /** The server a connection talks to: the part of its id after "client>". */
    static String server(Session s, int i) {
        return serverOf(s.connection(i).id());
    }

    /** Per connection, an id of the server it talks to: connections to one {@link #server} share it. */
    static int[] serverIds(Session s) {
        Map<String, Integer> servers = new HashMap<>();
        int[] ids = new int[s.connections().size()];
        for (int c = 0; c < ids.length; c++) {
            ids[c] = servers.computeIfAbsent(serverOf(s.connections().get(c).id()), k -> servers.size());
        }
        return ids;
    }

    /** The server side of a connection id "client>server". */
    private static String serverOf(String connectionId) {
        int gt = connectionId.indexOf('>');
        return gt < 0 ? connectionId : connectionId.substring(gt + 1);
    }

    /** The identity of a file for a cache: its qid.path, or failing that its path. */
    static FileKey file(int conn, FidLifetime l, int at) {
        if (l == null) {
            return null;
        }
        return l.qidKnown() ? new FileKey(conn, true, l.qidPath(), null) : new FileKey(conn, false, 0, l.pathAt(at));
    }

    /** An entry name in a directory, the directory identified as {@link #file} identifies files. */
    static EntryKey entry(int conn, FidLifetime dir, int at, String name) {
        FileKey d = file(conn, dir, at);
        return d == null ? null : new EntryKey(d, name);
    }

    /** The key of a lookup's entry, as {@link #entry} would make it. */
    static EntryKey entry(Lookup x) {
        FileKey dir = x.dirQidKnown() ? new FileKey(x.conn(), true, x.dirQidPath(), null)
                : new FileKey(x.conn(), false, 0, x.dir());
        return new EntryKey(dir, x.name());
    }

    /**
     * The directory entries a successful request made appear ({@code created}) or disappear:
     * Tlcreate, Tcreate, Tmkdir, Tsymlink, Tmknod, Tlink make one; Tunlinkat removes one;
     * Trenameat removes the old name and makes the new one; Trename makes the new name (the old
     * one is the fid's, whose entry the capture may not show). Empty for other requests.
     */
    static List<EntryChange> entryChanges(Session s, Lifecycles l, int req, NinePMessage t) {
        List<EntryChange> out = new ArrayList<>(2);
        int conn = s.conn(req);
        FidLifetime dir = l.fid(req);
        if (t instanceof Tlcreate x) {
            out.add(new EntryChange(dir, x.name(), true));
        } else if (t instanceof Tcreate x) {
            out.add(new EntryChange(dir, x.name(), true));
        } else if (t instanceof Tmkdir x) {
            out.add(new EntryChange(dir, x.name(), true));
        } else if (t instanceof Tsymlink x) {
            out.add(new EntryChange(dir, x.name(), true));
        } else if (t instanceof Tmknod x) {
            out.add(new EntryChange(dir, x.name(), true));
        } else if (t instanceof Tlink x) {
            out.add(new EntryChange(dir, x.name(), true));
        } else if (t instanceof Tunlinkat x) {
            out.add(new EntryChange(dir, x.name(), false));
        } else if (t instanceof Trenameat x) {
            out.add(new EntryChange(dir, x.oldname(), false));
            out.add(new EntryChange(l.bound(conn, x.newdirfid(), req), x.newname(), true));
        } else if (t instanceof Trename x) {
            out.add(new EntryChange(l.bound(conn, x.dfid(), req), x.name(), true));
        }
        out.removeIf(c -> c.dir() == null);
        return out;
    }

    /** True for the request types {@link #entryChanges} reports on: decode only those. */
    static boolean changesEntries(int type) {
        return type == NinePTypes.TLCREATE || type == NinePTypes.TCREATE || type == NinePTypes.TMKDIR
                || type == NinePTypes.TSYMLINK || type == NinePTypes.TMKNOD || type == NinePTypes.TLINK
                || type == NinePTypes.TUNLINKAT || type == NinePTypes.TRENAMEAT || type == NinePTypes.TRENAME;
    }

    /** A name that appeared in or disappeared from a directory. */
    record EntryChange(FidLifetime dir, String name, boolean created) {
    }

    /**
     * A file as one connection's cache keys it. The hash mixes its parts: the record's own
     * (31·h + …) makes many (connection, qid.path) pairs of a capture with many connections to
     * the same files collide, and HashMap then searches trees (docs/performance.md).
     */
    record FileKey(int conn, boolean byQid, long qid, String path) {
        @Override
        public int hashCode() {
            long h = (qid ^ (long) conn << 48 ^ (byQid ? 1L << 47 : 0)) * 0x9E37_79B9_7F4A_7C15L
                    + (path == null ? 0 : path.hashCode());
            return (int) (h ^ h >>> 32);
        }
    }

    /** A directory entry as one connection's dentry cache keys it. */
    record EntryKey(FileKey dir, String name) {
    }
}
