package io.lookaside.lifecycle;

import io.lookaside.capture.Protocol;
import io.lookaside.fuse.Direntplus;
import io.lookaside.fuse.ForgetOne;
import io.lookaside.fuse.FuseMessage;
import io.lookaside.fuse.FuseNotify;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.fuse.HeaderOnly;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.wire.ProtocolMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over the FUSE messages of a session that tracks, per connection, every nodeid the
 * kernel holds (its lookup count and names) and every file handle (linux/fuse.h). State
 * changes on replies (a nodeid exists once its entry reply arrived) and on FORGET, which has
 * no reply; names move with RENAME and RENAME2 and go with UNLINK, RMDIR and the DELETE and
 * INVAL_ENTRY notifications.
 */
final class NodeTracker {
    /** FUSE_ROOT_ID (linux/fuse.h): the root of the mount, known without a lookup. */
    static final long ROOT_ID = 1;

    /** The session as far as it has arrived (a prefix while it grows); only rows already fed are read. */
    private Session s;
    private final PathTable paths;
    private final IntColumn msgPath;
    private final List<NodeLifetime> nodes = new ArrayList<>();
    private final List<HandleLifetime> handles = new ArrayList<>();
    private final IntColumn msgNode = new IntColumn(-1);
    private final IntColumn msgHandle = new IntColumn(-1);
    /** Per connection index, made when its first FUSE message arrives; null for other protocols. */
    private Conn[] conns = new Conn[4];

    private record Name(long parent, String name) {
    }

    /** Per connection: nodeid → lifetime, fh → handle, (parent, name) → nodeid. */
    private static final class Conn {
        final int root;
        final LongIntMap live = new LongIntMap();
        final LongIntMap open = new LongIntMap();
        final Map<Name, Long> names = new HashMap<>();

        Conn(int root) {
            this.root = root;
        }
    }

    NodeTracker(PathTable paths, IntColumn msgPath) {
        this.paths = paths;
        this.msgPath = msgPath;
    }

    /** Message {@code i} of {@code session} (FUSE; every message before it already fed, in capture order). */
    void accept(Session session, int i) {
        s = session;
        int conn = s.conn(i);
        if (conn >= conns.length) {
            conns = Arrays.copyOf(conns, Math.max(conn + 1, conns.length * 2));
        }
        Conn c = conns[conn];
        if (c == null) {
            c = conns[conn] = new Conn(paths.mountRoot(conn));
        }
        msgNode.ensure(i + 1);
        msgHandle.ensure(i + 1);
        Direction d = s.direction(i);
        if (d == Direction.REQUEST) {
            request(c, i);
        } else if (d == Direction.REPLY) {
            reply(c, i);
        } else {
            notified(c, i);
        }
    }

    /**
     * What the pass has found for the first {@code size} messages; with {@code copy}, in objects
     * and arrays later messages do not change (a snapshot while the session grows).
     */
    Lifecycles.Fuse result(int size, PathTable table, boolean copy) {
        List<NodeLifetime> n = new ArrayList<>(nodes.size());
        for (NodeLifetime l : nodes) {
            n.add(copy ? l.copy(table) : l);
        }
        List<HandleLifetime> h = new ArrayList<>(handles.size());
        for (HandleLifetime l : handles) {
            h.add(copy ? l.copy() : l);
        }
        return new Lifecycles.Fuse(List.copyOf(n), List.copyOf(h), msgNode.copy(size), msgHandle.copy(size));
    }

    private FuseMessage decode(int i) {
        ProtocolMessage m = s.message(i);
        return m instanceof FuseMessage f ? f : null;
    }

    private void request(Conn c, int i) {
        FuseMessage m = decode(i);
        long nodeid;
        if (m instanceof FuseRequest r) {
            nodeid = r.header().nodeid();
        } else if (m instanceof HeaderOnly.Request h && h.nodeid() != null) {
            nodeid = h.nodeid();
        } else {
            return;
        }
        if (m instanceof FuseRequest.BatchForget b) {
            // BATCH_FORGET's header names no node (nodeid 0); its entries do.
            for (ForgetOne one : b.forgets()) {
                int n = c.live.get(one.nodeid());
                if (n >= 0) {
                    forget(c, n, one.nlookup(), i);
                }
            }
            return;
        }
        int node = nodeid == 0 ? -1 : use(c, nodeid, i);
        msgNode.set(i, node);
        if (node < 0) {
            return;
        }
        int dir = nodes.get(node).pathId();
        String name = name(m);
        msgPath.set(i, name == null ? dir : paths.child(dir, name));
        if (m instanceof FuseRequest.Forget f) {
            forget(c, node, f.nlookup(), i);
        }
        long fh = handleOf(m);
        if (fh >= 0) {
            int h = c.open.get(fh);
            if (h < 0) {
                h = openHandle(c, fh, m instanceof FuseRequest.Releasedir || m instanceof FuseRequest.Readdir
                        || m instanceof FuseRequest.Readdirplus, node, i, -1, -1);
            }
            msgHandle.set(i, h);
            boolean release = m instanceof FuseRequest.Release || m instanceof FuseRequest.Releasedir;
            if (release && s.peer(i) < 0) {
                release(c, fh, h, i);
            }
        }
    }

    /** The nodeid's current lifetime; one first seen in use was learnt before the capture. */
    private int use(Conn c, long nodeid, int i) {
        int n = c.live.get(nodeid);
        if (n >= 0) {
            return n;
        }
        boolean root = nodeid == ROOT_ID;
        return add(c, nodeid, root ? NodeOrigin.ROOT : NodeOrigin.BEFORE_CAPTURE, i,
                root ? c.root : paths.unknownNode(s.conn(i), nodeid));
    }

    private int add(Conn c, long nodeid, NodeOrigin origin, int at, int path) {
        NodeLifetime l = new NodeLifetime(paths, nodes.size(), s.conn(at), nodeid, origin, at, path);
        nodes.add(l);
        c.live.put(nodeid, l.index());
        return l.index();
    }

    /**
     * FORGET takes nlookup lookups off; at zero the kernel has dropped the inode and the daemon
     * may reuse the nodeid. A nodeid known before the capture started from an unknown count:
     * only the lookups the capture saw are counted, so its count can go below zero.
     */
    private void forget(Conn c, int node, long nlookup, int at) {
        NodeLifetime l = nodes.get(node);
        if (l.origin() == NodeOrigin.ROOT) {
            return;
        }
        l.add(at, -nlookup);
        if (l.lookups <= 0) {
            l.forgottenAt = at;
            if (c.live.get(l.nodeid()) == node) {
                c.live.remove(l.nodeid());
            }
        }
    }

    private void reply(Conn c, int i) {
        int req = s.peer(i);
        if (req < 0) {
            return;
        }
        msgNode.set(i, msgNode.get(req));
        msgPath.set(i, msgPath.get(req));
        msgHandle.set(i, msgHandle.get(req));
        FuseMessage t = decode(req);
        FuseMessage r = decode(i);
        if (!(t instanceof FuseRequest rq) || !(r instanceof FuseReply rp)) {
            return;
        }
        int parent = msgNode.get(req);
        if (rq instanceof FuseRequest.Release || rq instanceof FuseRequest.Releasedir) {
            long fh = handleOf(rq);
            release(c, fh, c.open.get(fh), i);
            return;
        }
        if (rp.header().error() != 0) {
            return;
        }
        long dir = rq.header().nodeid();
        if (rp instanceof FuseReply.Entry e) {
            NodeOrigin origin = entryOrigin(rq);
            if (origin != null) {
                entry(c, e.entry_out().nodeid(), dir, parent, name(rq), origin, i);
            }
        } else if (rp instanceof FuseReply.Create cr) {
            boolean tmpfile = rq instanceof FuseRequest.Tmpfile;
            int node = entry(c, cr.entry_out().nodeid(), dir, parent, tmpfile ? null : name(rq),
                    tmpfile ? NodeOrigin.TMPFILE : NodeOrigin.CREATE, i);
            long flags = rq instanceof FuseRequest.Create x ? x.flags()
                    : rq instanceof FuseRequest.Tmpfile x ? x.flags() : -1;
            openHandle(c, cr.fh(), false, node, i, flags, cr.open_flags());
        } else if (rp instanceof FuseReply.Open o) {
            long flags = rq instanceof FuseRequest.Open x ? x.flags() : rq instanceof FuseRequest.Opendir x ? x.flags() : -1;
            openHandle(c, o.fh(), rq instanceof FuseRequest.Opendir, parent, i, flags, o.open_flags());
        } else if (rp instanceof FuseReply.Readdirplus list) {
            for (Direntplus e : list.entries()) {
                String n = e.dirent().name();
                if (e.entry_out().nodeid() != 0 && !n.equals(".") && !n.equals("..")) {
                    entry(c, e.entry_out().nodeid(), dir, parent, n, NodeOrigin.READDIRPLUS, i);
                }
            }
        } else if (rq instanceof FuseRequest.Rename x) {
            renamed(c, dir, x.name(), x.newdir(), x.newname(), i);
        } else if (rq instanceof FuseRequest.Rename2 x) {
            renamed(c, dir, x.name(), x.newdir(), x.newname(), i);
        } else if (rq instanceof FuseRequest.Unlink x) {
            c.names.remove(new Name(dir, x.name()));
        } else if (rq instanceof FuseRequest.Rmdir x) {
            c.names.remove(new Name(dir, x.name()));
        }
    }

    /** One fuse_entry_out: the kernel now holds one more lookup of nodeid, named name in dir. */
    private int entry(Conn c, long nodeid, long dir, int parent, String name, NodeOrigin origin, int at) {
        if (nodeid == 0) {
            return -1;
        }
        int parentPath = parent < 0 ? PathTable.NONE : nodes.get(parent).pathId();
        int path = name == null || parentPath == PathTable.NONE ? PathTable.NONE : paths.child(parentPath, name);
        int n = c.live.get(nodeid);
        if (n < 0) {
            n = add(c, nodeid, origin, at, path);
        } else if (path != PathTable.NONE) {
            nodes.get(n).moveTo(at, path);
        }
        if (name != null) {
            c.names.put(new Name(dir, name), nodeid);
        }
        if (nodeid != ROOT_ID) {
            nodes.get(n).add(at, 1);
        }
        return n;
    }

    private void renamed(Conn c, long olddir, String name, long newdir, String newname, int at) {
        Long child = c.names.remove(new Name(olddir, name));
        if (child == null) {
            return;
        }
        c.names.put(new Name(newdir, newname), child);
        int moved = c.live.get(child);
        int target = c.live.get(newdir);
        if (moved < 0 || target < 0) {
            return;
        }
        int from = nodes.get(moved).pathId();
        int to = paths.child(nodes.get(target).pathId(), newname);
        if (from == PathTable.NONE || to == PathTable.NONE) {
            return;
        }
        for (int n : c.live.values()) {
            NodeLifetime l = nodes.get(n);
            if (l.pathId() != PathTable.NONE && paths.within(l.pathId(), from)) {
                l.moveTo(at, paths.moved(l.pathId(), from, to));
            }
        }
    }

    private void notified(Conn c, int i) {
        FuseMessage m = decode(i);
        if (m instanceof FuseNotify.InvalEntry x) {
            c.names.remove(new Name(x.parent(), x.name()));
            attribute(c, i, x.parent(), x.name());
        } else if (m instanceof FuseNotify.Delete x) {
            c.names.remove(new Name(x.parent(), x.name()));
            attribute(c, i, x.parent(), x.name());
        } else if (m instanceof FuseNotify.InvalInode x) {
            int n = c.live.get(x.ino());
            if (n >= 0) {
                msgNode.set(i, n);
                msgPath.set(i, nodes.get(n).pathId());
            }
        }
    }

    private void attribute(Conn c, int i, long parent, String name) {
        int p = c.live.get(parent);
        if (p >= 0) {
            msgNode.set(i, p);
            msgPath.set(i, paths.child(nodes.get(p).pathId(), name));
        }
    }

    private int openHandle(Conn c, long fh, boolean directory, int node, int at, long flags, long openFlags) {
        String path = node < 0 ? null : nodes.get(node).pathAt(at);
        HandleLifetime h = new HandleLifetime(handles.size(), s.conn(at), fh, directory, node, at, flags, openFlags,
                path);
        handles.add(h);
        int old = c.open.get(fh);
        if (old >= 0 && handles.get(old).releasedAt < 0) {
            handles.get(old).releasedAt = at;
        }
        c.open.put(fh, h.index());
        return h.index();
    }

    private void release(Conn c, long fh, int h, int at) {
        if (h < 0) {
            return;
        }
        HandleLifetime l = handles.get(h);
        if (l.releasedAt < 0) {
            l.releasedAt = at;
        }
        if (c.open.get(fh) == h) {
            c.open.remove(fh);
        }
    }

    private static NodeOrigin entryOrigin(FuseRequest r) {
        if (r instanceof FuseRequest.Lookup) {
            return NodeOrigin.LOOKUP;
        } else if (r instanceof FuseRequest.Mknod) {
            return NodeOrigin.MKNOD;
        } else if (r instanceof FuseRequest.Mkdir) {
            return NodeOrigin.MKDIR;
        } else if (r instanceof FuseRequest.Symlink) {
            return NodeOrigin.SYMLINK;
        } else if (r instanceof FuseRequest.Link) {
            return NodeOrigin.LINK;
        }
        return null;
    }

    /** The entry name a request carries (in the directory of its header nodeid), or null. */
    static String name(FuseMessage m) {
        if (m instanceof FuseRequest.Lookup x) {
            return x.name();
        } else if (m instanceof FuseRequest.Create x) {
            return x.name();
        } else if (m instanceof FuseRequest.Mknod x) {
            return x.name();
        } else if (m instanceof FuseRequest.Mkdir x) {
            return x.name();
        } else if (m instanceof FuseRequest.Symlink x) {
            return x.name();
        } else if (m instanceof FuseRequest.Link x) {
            return x.name();
        } else if (m instanceof FuseRequest.Unlink x) {
            return x.name();
        } else if (m instanceof FuseRequest.Rmdir x) {
            return x.name();
        } else if (m instanceof FuseRequest.Rename x) {
            return x.name();
        } else if (m instanceof FuseRequest.Rename2 x) {
            return x.name();
        }
        return null;
    }

    /** The file handle a request acts on, or -1. */
    private static long handleOf(FuseMessage m) {
        if (m instanceof FuseRequest.Read x) {
            return x.fh();
        } else if (m instanceof FuseRequest.Write x) {
            return x.fh();
        } else if (m instanceof FuseRequest.Release x) {
            return x.fh();
        } else if (m instanceof FuseRequest.Releasedir x) {
            return x.fh();
        } else if (m instanceof FuseRequest.Flush x) {
            return x.fh();
        } else if (m instanceof FuseRequest.Fsync x) {
            return x.fh();
        } else if (m instanceof FuseRequest.Fsyncdir x) {
            return x.fh();
        } else if (m instanceof FuseRequest.Readdir x) {
            return x.fh();
        } else if (m instanceof FuseRequest.Readdirplus x) {
            return x.fh();
        } else if (m instanceof FuseRequest.Lseek x) {
            return x.fh();
        } else if (m instanceof FuseRequest.Fallocate x) {
            return x.fh();
        }
        return -1;
    }
}
