package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.Lookup;
import io.lookaside.ninep.NinePMessage;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
final class PositiveDentry implements OnePassModel {
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

    /**
     * One pass over the capture for all windows: each message is decoded, and its fid, lookups
     * and keys found, once; then every window's cache takes it.
     */
    @Override
    public List<Outcome> simulate(Session s, Lifecycles l, List<Long> windows) {
        return new Run(s, l, windows).run();
    }

    /** One window's cache state, over the run's key ids. */
    private static final class Cache {
        final long window;
        final Marks marks;
        /** Per entry id: when the server last answered for the cached positive dentry, and its qid. */
        final LongsById dentryAt = new LongsById();
        final LongsById dentryQid = new LongsById();
        final EntriesOfFile entriesOf = new EntriesOfFile();
        /** Per file id: when its attributes were cached. */
        final LongsById attrsAt = new LongsById();
        /** File ids whose attributes this connection invalidated (v9fs_invalidate_inode_attr). */
        final IdSet invalid = new IdSet();
        /** Per fid lifetime index: made by a walk the cache answered; due one attribute refresh. */
        final IdSet phantom = new IdSet();
        final IdSet refresh = new IdSet();
        final ForeignChangesById foreign = new ForeignChangesById();

        Cache(Session s, long window) {
            this.window = window;
            this.marks = new Marks(s);
        }

    }

    /**
     * The entries cached under each file (by qid), so that removing the file drops them. A
     * list per file, added to only; the same entry may appear twice when names move back and
     * forth, which is harmless: dropping an entry twice has the effect of dropping it once.
     */
    private static final class EntriesOfFile {
        private int[][] entries = new int[0][];
        private int[] sizes = new int[0];
        /** Per entry id: the file id + 1 it was last added under, to skip the common repeat. */
        private int[] lastFile = new int[0];

        void add(int file, int entry) {
            if (entry >= lastFile.length) {
                lastFile = Arrays.copyOf(lastFile, Math.max(16, Math.max(entry + 1, lastFile.length * 2)));
            }
            if (lastFile[entry] == file + 1) {
                return;
            }
            lastFile[entry] = file + 1;
            if (file >= sizes.length) {
                int n = Math.max(16, Math.max(file + 1, sizes.length * 2));
                entries = Arrays.copyOf(entries, n);
                sizes = Arrays.copyOf(sizes, n);
            }
            int[] e = entries[file];
            if (e == null) {
                e = entries[file] = new int[2];
            } else if (sizes[file] == e.length) {
                e = entries[file] = Arrays.copyOf(e, e.length * 2);
            }
            e[sizes[file]++] = entry;
        }

        int size(int file) {
            return file < sizes.length ? sizes[file] : 0;
        }

        int get(int file, int k) {
            return entries[file][k];
        }
    }

    private static final class Run {
        private final Session s;
        private final Lifecycles l;
        private final NinePKeys keys;
        private final List<Cache> caches = new ArrayList<>();
        /** Per lookup of the current walk: its entry, the file it found, qid, and change keys. */
        private int[] entry = new int[16];
        private int[] found = new int[16];
        private long[] qid = new long[16];
        private int[] entryChange = new int[16];
        private int[] fileChange = new int[16];

        Run(Session s, Lifecycles l, List<Long> windows) {
            this.s = s;
            this.l = l;
            this.keys = new NinePKeys(s);
            for (long w : windows) {
                caches.add(new Cache(s, w));
            }
        }

        List<Outcome> run() {
            for (int nth = 0; nth < l.ninePReplies(); nth++) {
                int rep = l.ninePReply(nth);
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
            return caches.stream().map(c -> c.marks.outcome()).toList();
        }

        private void walk(int req, int rep) {
            FidLifetime made = l.created(req);
            if (made == null || made.origin() != FidOrigin.WALK) {
                return;
            }
            long now = s.tsNanos(rep);
            var d = l.dentries();
            int first = d.first(req);
            int n = d.count(req);
            if (n == 0) {
                return;
            }
            int conn = d.get(first).conn();
            keyLookups(d, first, n);
            int self = keys.file(s.conn(req), made, req);
            int dir = keys.entryDir(entry[0]);
            for (Cache c : caches) {
                boolean hit = true;
                boolean stale = false;
                for (int k = 0; k < n; k++) {
                    long at = c.dentryAt.get(entry[k]);
                    if (at == LongsById.NONE || !Windows.within(at, now, c.window)) {
                        hit = false;
                    } else if (c.dentryQid.get(entry[k]) != qid[k]
                            || changedByOthers(c, k, conn, at)) {
                        stale = true;
                    }
                }
                if (hit && !stale) {
                    c.marks.eliminate(req);
                    c.phantom.add(made.index());
                    // A cached dentry whose inode this client invalidated is revalidated by the walk
                    // (v9fs_lookup_revalidate → one Tgetattr), and so is the directory the walk went
                    // through, even when cache=none kept that one pinned and never walked it again. The
                    // lookup's own Tgetattr stands for that one refresh; a second one waits for a later use.
                    if (c.invalid.remove(self) || c.invalid.remove(dir)) {
                        c.refresh.add(made.index());
                    }
                    continue;
                }
                if (hit) {
                    c.marks.stale(req);
                }
                fill(c, n, now);
            }
        }

        /** Keys the {@code n} lookups of one walk, from lookup {@code first} of {@code d}, into the scratch arrays. */
        private void keyLookups(io.lookaside.lifecycle.Dentries d, int first, int n) {
            if (n > entry.length) {
                entry = Arrays.copyOf(entry, n);
                found = Arrays.copyOf(found, n);
                qid = Arrays.copyOf(qid, n);
                entryChange = Arrays.copyOf(entryChange, n);
                fileChange = Arrays.copyOf(fileChange, n);
            }
            for (int k = 0; k < n; k++) {
                Lookup x = d.get(first + k);
                entry[k] = keys.entry(d, first + k);
                qid[k] = x.qidPath();
                found[k] = keys.byQid(x.conn(), x.qidPath());
                entryChange[k] = keys.entryChange(entry[k]);
                fileChange[k] = keys.fileChange(found[k]);
            }
        }

        /** The walk went to the server: its answers fill the cache. */
        private void fill(Cache c, int n, long now) {
            for (int k = 0; k < n; k++) {
                c.dentryAt.put(entry[k], now);
                c.dentryQid.put(entry[k], qid[k]);
                c.entriesOf.add(found[k], entry[k]);
            }
        }

        /** Another connection to the same server changed the entry or the file it names since {@code since}. */
        private boolean changedByOthers(Cache c, int k, int conn, long since) {
            return c.foreign.changedByOthers(entryChange[k], conn, since)
                    || c.foreign.changedByOthers(fileChange[k], conn, since);
        }

        private void getattr(int req, int rep) {
            FidLifetime f = l.fid(req);
            if (f == null) {
                return;
            }
            long now = s.tsNanos(rep);
            int conn = s.conn(req);
            int fk = keys.file(conn, f, req);
            int change = keys.fileChange(fk);
            int stat = -1;
            for (Cache c : caches) {
                if (c.phantom.contains(f.index())) {
                    if (c.refresh.remove(f.index())) {
                        c.attrsAt.put(fk, now);
                    } else {
                        c.marks.eliminate(req);
                    }
                    continue;
                }
                if (stat < 0) {
                    stat = NinePExchanges.asksAllAttributes(s, req) ? 1 : 0;
                }
                long cachedAt = c.attrsAt.get(fk);
                if (stat == 1 && cachedAt != LongsById.NONE && Windows.within(cachedAt, now, c.window)
                        && !c.invalid.contains(fk)) {
                    if (c.foreign.changedByOthers(change, conn, cachedAt)) {
                        c.marks.stale(req);
                        c.attrsAt.put(fk, now);
                    } else {
                        c.marks.eliminate(req);
                    }
                    continue;
                }
                c.invalid.remove(fk);
                c.attrsAt.put(fk, now);
            }
        }

        /** The fid of a dentry the cache kept is never clunked (unless it was opened itself). */
        private void clunk(int req) {
            FidLifetime f = l.fid(req);
            if (f == null || f.opened()) {
                return;
            }
            for (Cache c : caches) {
                if (c.phantom.contains(f.index())) {
                    c.marks.eliminate(req);
                }
            }
        }

        private void namespaceChanged(int req, int rep) {
            NinePMessage t = NinePExchanges.decode(s, req);
            int conn = s.conn(req);
            long now = s.tsNanos(rep);
            int type = s.typeCode(req);
            List<NinePExchanges.EntryChange> changes = NinePExchanges.entryChanges(s, l, req, t);
            int m = changes.size();
            // What each change touches: the entry, its directory, and the directory's change keys.
            int[] changed = new int[m];
            int[] dirs = new int[m];
            int[] dirEntryChange = new int[m];
            int[] dirFileChange = new int[m];
            for (int k = 0; k < m; k++) {
                NinePExchanges.EntryChange ch = changes.get(k);
                dirs[k] = keys.file(conn, ch.dir(), req);
                changed[k] = keys.entry(dirs[k], ch.name());
                dirEntryChange[k] = keys.entryChange(changed[k]);
                dirFileChange[k] = keys.fileChange(dirs[k]);
            }
            FidLifetime f = type == NinePTypes.TRENAME || type == NinePTypes.TREMOVE ? l.fid(req) : null;
            int gone = f != null && f.qidKnown() ? keys.byQid(conn, f.qidPath()) : -1;
            OptionalLong target = l.entryQid(req);
            int moved = target.isPresent() ? keys.byQid(conn, target.getAsLong()) : -1;
            int movedChange = keys.fileChange(moved);
            boolean rename = type == NinePTypes.TRENAME || type == NinePTypes.TRENAMEAT;
            for (Cache c : caches) {
                for (int k = 0; k < m; k++) {
                    c.dentryAt.remove(changed[k]);
                    // v9fs_invalidate_inode_attr(dir) after any change of its entries.
                    c.invalid.add(dirs[k]);
                    if (dirEntryChange[k] >= 0) {
                        c.foreign.changed(dirEntryChange[k], conn, now);
                        c.foreign.changed(dirFileChange[k], conn, now);
                    }
                }
                if (gone >= 0) {
                    dropFile(c, gone, conn, now);
                }
                if (moved >= 0 && rename) {
                    // d_move: the renamed dentry stays cached, under its new name.
                    for (int k = 0; k < m; k++) {
                        if (changes.get(k).created()) {
                            c.dentryAt.put(changed[k], now);
                            c.dentryQid.put(changed[k], target.getAsLong());
                            c.entriesOf.add(moved, changed[k]);
                        }
                    }
                }
                if (moved >= 0) {
                    c.invalid.add(moved);
                    c.foreign.changed(movedChange, conn, now);
                }
            }
        }

        /** Tremove or Trename of a fid: every cached entry naming its file goes. */
        private void dropFile(Cache c, int file, int conn, long now) {
            for (int k = 0; k < c.entriesOf.size(file); k++) {
                int e = c.entriesOf.get(file, k);
                c.dentryAt.remove(e);
                c.invalid.add(keys.entryDir(e));
                int change = keys.entryChange(e);
                if (change >= 0) {
                    c.foreign.changed(change, conn, now);
                }
            }
        }

        private void attributesChanged(int req, int rep, boolean setattr) {
            FidLifetime f = l.fid(req);
            if (f == null) {
                return;
            }
            int conn = s.conn(req);
            int file = setattr || f.qidKnown() ? keys.file(conn, f, req) : -1;
            int change = keys.fileChange(file);
            long now = s.tsNanos(rep);
            for (Cache c : caches) {
                if (setattr) {
                    c.invalid.add(file);
                }
                if (change >= 0) {
                    c.foreign.changed(change, conn, now);
                }
            }
        }
    }
}
