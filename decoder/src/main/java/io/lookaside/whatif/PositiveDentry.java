package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.Lookup;
import io.lookaside.ninep.NinePMessage;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Tgetattr;
import io.lookaside.session.Session;
import io.lookaside.whatif.NinePExchanges.EntryKey;
import io.lookaside.whatif.NinePExchanges.FileKey;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Positive dentries and inode attributes kept by the client: what v9fs cache=loose (Linux 6.1,
 * fs/9p/vfs_dentry.c and vfs_inode_dotl.c) does that cache=none does not.
 *
 * <ul>
 * <li>cache=none drops a dentry as soon as it is unused (always_delete_dentry), so each path
 *     walk sends Twalk + Tgetattr (v9fs_vfs_lookup → v9fs_inode_from_fid_dotl, mask
 *     BASIC|GEN) for every component not pinned, and the fid is clunked when the dentry goes.
 *     Under loose the dentry stays: a repeated lookup of the same (directory, name) sends
 *     nothing, and neither its Tgetattr nor the Tclunk of its fid.</li>
 * <li>stat(2) under cache=none sends Tgetattr(P9_GETATTR_ALL) (v9fs_vfs_getattr_dotl); under
 *     loose it is answered from the inode (generic_fillattr).</li>
 * <li>loose does revalidate an inode whose attributes this client invalidated
 *     (v9fs_invalidate_inode_attr after create, mkdir, unlink, rename in a directory, setattr):
 *     the next lookup or stat of it still sends one Tgetattr (v9fs_lookup_revalidate →
 *     v9fs_refresh_inode_dotl), which is kept.</li>
 * </ul>
 *
 * Invalidators: this connection's unlink and remove of the entry; a rename moves it to its new
 * name (d_move), its attributes to be fetched again. A walk that finds a
 * different qid than the cached one, or an entry or file another connection to the same server
 * changed since it was cached, is a stale hit.
 */
final class PositiveDentry implements WhatIfModel {
    @Override
    public String id() {
        return "positive-dentry";
    }

    @Override
    public String title() {
        return "Positive dentries and attributes (cache=none → loose)";
    }

    @Override
    public String assumptions() {
        return "The capture was taken with cache=none (or a client that drops dentries), and the client walks "
                + "one name at a time. A dentry and its inode's attributes, once looked up, are trusted for the "
                + "window with no coherence check (loose assumes exclusive or read-only use); the window counts "
                + "from when the server last answered for them. A repeated walk of the same name in the same "
                + "directory is saved together with the Tgetattr that instantiated the inode and the Tclunk that "
                + "dropped the fid; a stat's Tgetattr(ALL) is saved when the attributes are cached. Attributes "
                + "this connection invalidated (create, mkdir, unlink or rename in the directory, setattr) are "
                + "fetched again once, as loose does. Messages that loose adds are not modelled: the writeback "
                + "fid (clone + Tlopen) of files opened for writing, the security.capability Txattrwalk of each "
                + "buffered write, and Tfsync after writeback. Memory pressure never evicts a dentry.";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    /** One cached positive dentry: the qid it names and when the server last said so. */
    private record Cached(long qid, long at) {
    }

    @Override
    public Outcome simulate(Session s, Lifecycles l, long window) {
        return new Run(s, l, window).run();
    }

    private static final class Run {
        private final Session s;
        private final Lifecycles l;
        private final long window;
        private final Marks marks;
        private final Map<EntryKey, Cached> dentries = new HashMap<>();
        private final Map<FileKey, Set<EntryKey>> entriesOf = new HashMap<>();
        private final Map<FileKey, Long> attrsAt = new HashMap<>();
        private final Set<FileKey> invalid = new HashSet<>();
        private final BitSet phantom = new BitSet();
        private final BitSet refresh = new BitSet();
        private final ForeignChanges foreign = new ForeignChanges();

        Run(Session s, Lifecycles l, long window) {
            this.s = s;
            this.l = l;
            this.window = window;
            this.marks = new Marks(s);
        }

        Outcome run() {
            for (int rep = 0; rep < s.size(); rep++) {
                if (!NinePExchanges.answeredNineP(s, rep)) {
                    continue;
                }
                int req = s.peer(rep);
                boolean ok = NinePExchanges.succeeded(s, rep);
                switch (s.typeCode(req)) {
                    case NinePTypes.TWALK -> walk(req, rep);
                    case NinePTypes.TGETATTR -> {
                        if (ok) {
                            getattr(req, rep);
                        }
                    }
                    case NinePTypes.TCLUNK -> clunk(req);
                    case NinePTypes.TUNLINKAT, NinePTypes.TRENAMEAT, NinePTypes.TRENAME, NinePTypes.TREMOVE,
                         NinePTypes.TLCREATE, NinePTypes.TCREATE, NinePTypes.TMKDIR, NinePTypes.TSYMLINK,
                         NinePTypes.TMKNOD, NinePTypes.TLINK -> {
                        if (ok) {
                            namespaceChanged(req, rep);
                        }
                    }
                    case NinePTypes.TSETATTR, NinePTypes.TWRITE -> {
                        if (ok) {
                            attributesChanged(req, rep, s.typeCode(req) == NinePTypes.TSETATTR);
                        }
                    }
                    default -> {
                    }
                }
            }
            return marks.outcome();
        }

        private void walk(int req, int rep) {
            FidLifetime made = l.created(req);
            if (made == null || made.origin() != FidOrigin.WALK) {
                return;
            }
            long now = s.tsNanos(rep);
            List<Lookup> lookups = l.dentries().at(req);
            boolean hit = !lookups.isEmpty();
            boolean stale = false;
            for (Lookup x : lookups) {
                Cached c = dentries.get(NinePExchanges.entry(x));
                if (c == null || !Windows.within(c.at(), now, window)) {
                    hit = false;
                } else if (c.qid() != x.qidPath() || changedByOthers(req, x, c.at())) {
                    stale = true;
                }
            }
            if (hit && !stale) {
                marks.eliminate(req);
                phantom.set(made.index());
                // A cached dentry whose inode this client invalidated is revalidated by the walk
                // (v9fs_lookup_revalidate → one Tgetattr), and so is the directory the walk went
                // through, even when cache=none kept that one pinned and never walked it again. The
                // lookup's own Tgetattr stands for that one refresh; a second one waits for a later use.
                FileKey self = NinePExchanges.file(s.conn(req), made, req);
                FileKey dir = NinePExchanges.entry(lookups.get(0)).dir();
                if (invalid.remove(self)) {
                    refresh.set(made.index());
                } else if (invalid.remove(dir)) {
                    refresh.set(made.index());
                }
                return;
            }
            if (hit) {
                marks.stale(req);
            }
            for (Lookup x : lookups) {
                EntryKey k = NinePExchanges.entry(x);
                dentries.put(k, new Cached(x.qidPath(), now));
                entriesOf.computeIfAbsent(new FileKey(x.conn(), true, x.qidPath(), null), f -> new HashSet<>()).add(k);
            }
        }

        private boolean changedByOthers(int req, Lookup x, long since) {
            String server = NinePExchanges.server(s, req);
            return x.dirQidKnown() && foreign.changedByOthers(server,
                    new ForeignChanges.Entry(x.dirQidPath(), x.name()), x.conn(), since)
                    || foreign.changedByOthers(server, new ForeignChanges.File(x.qidPath()), x.conn(), since);
        }

        private void getattr(int req, int rep) {
            FidLifetime f = l.fid(req);
            if (f == null) {
                return;
            }
            long now = s.tsNanos(rep);
            FileKey fk = NinePExchanges.file(s.conn(req), f, req);
            if (phantom.get(f.index())) {
                if (refresh.get(f.index())) {
                    refresh.clear(f.index());
                    attrsAt.put(fk, now);
                } else {
                    marks.eliminate(req);
                }
                return;
            }
            boolean stat = NinePExchanges.decode(s, req) instanceof Tgetattr g
                    && g.request_mask() == NinePExchanges.GETATTR_ALL;
            Long cachedAt = attrsAt.get(fk);
            if (stat && cachedAt != null && Windows.within(cachedAt, now, window) && !invalid.contains(fk)) {
                if (f.qidKnown() && foreign.changedByOthers(NinePExchanges.server(s, req),
                        new ForeignChanges.File(f.qidPath()), s.conn(req), cachedAt)) {
                    marks.stale(req);
                    attrsAt.put(fk, now);
                } else {
                    marks.eliminate(req);
                }
                return;
            }
            invalid.remove(fk);
            attrsAt.put(fk, now);
        }

        /** The fid of a dentry the cache kept is never clunked (unless it was opened itself). */
        private void clunk(int req) {
            FidLifetime f = l.fid(req);
            if (f != null && phantom.get(f.index()) && !f.opened()) {
                marks.eliminate(req);
            }
        }

        private void namespaceChanged(int req, int rep) {
            NinePMessage t = NinePExchanges.decode(s, req);
            int conn = s.conn(req);
            long now = s.tsNanos(rep);
            List<NinePExchanges.EntryChange> changes = NinePExchanges.entryChanges(s, l, req, t);
            for (NinePExchanges.EntryChange c : changes) {
                dropEntry(conn, c.dir(), req, c.name(), now);
            }
            int type = s.typeCode(req);
            if (type == NinePTypes.TRENAME || type == NinePTypes.TREMOVE) {
                dropFile(conn, l.fid(req), req, now);
            }
            OptionalLong target = l.entryQid(req);
            if (target.isPresent() && (type == NinePTypes.TRENAME || type == NinePTypes.TRENAMEAT)) {
                // d_move: the renamed dentry stays cached, under its new name.
                for (NinePExchanges.EntryChange c : changes) {
                    if (c.created()) {
                        EntryKey k = NinePExchanges.entry(conn, c.dir(), req, c.name());
                        dentries.put(k, new Cached(target.getAsLong(), now));
                        entriesOf.computeIfAbsent(new FileKey(conn, true, target.getAsLong(), null),
                                f -> new HashSet<>()).add(k);
                    }
                }
            }
            if (target.isPresent()) {
                invalid.add(new FileKey(conn, true, target.getAsLong(), null));
                foreign.changed(NinePExchanges.server(s, req), new ForeignChanges.File(target.getAsLong()), conn, now);
            }
        }

        private void dropEntry(int conn, FidLifetime dir, int at, String name, long now) {
            if (dir == null) {
                return;
            }
            dentries.remove(NinePExchanges.entry(conn, dir, at, name));
            dirChanged(conn, dir, at, name, now);
        }

        /** Tremove or Trename of a fid: every cached entry naming its file goes. */
        private void dropFile(int conn, FidLifetime f, int at, long now) {
            if (f == null || !f.qidKnown()) {
                return;
            }
            for (EntryKey k : entriesOf.getOrDefault(new FileKey(conn, true, f.qidPath(), null), Set.of())) {
                dentries.remove(k);
                invalid.add(k.dir());
                if (k.dir().byQid()) {
                    foreign.changed(NinePExchanges.server(s, at), new ForeignChanges.Entry(k.dir().qid(), k.name()),
                            conn, now);
                }
            }
        }

        /** v9fs_invalidate_inode_attr(dir) after any change of its entries. */
        private void dirChanged(int conn, FidLifetime dir, int at, String name, long now) {
            if (dir == null) {
                return;
            }
            invalid.add(NinePExchanges.file(conn, dir, at));
            if (dir.qidKnown()) {
                foreign.changed(NinePExchanges.server(s, at), new ForeignChanges.Entry(dir.qidPath(), name), conn, now);
                foreign.changed(NinePExchanges.server(s, at), new ForeignChanges.File(dir.qidPath()), conn, now);
            }
        }

        private void attributesChanged(int req, int rep, boolean setattr) {
            FidLifetime f = l.fid(req);
            if (f == null) {
                return;
            }
            int conn = s.conn(req);
            if (setattr) {
                invalid.add(NinePExchanges.file(conn, f, req));
            }
            if (f.qidKnown()) {
                foreign.changed(NinePExchanges.server(s, req), new ForeignChanges.File(f.qidPath()), conn,
                        s.tsNanos(rep));
            }
        }
    }

}
