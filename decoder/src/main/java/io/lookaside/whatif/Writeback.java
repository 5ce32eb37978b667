package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.ninep.NinePMessage;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Twrite;
import io.lookaside.session.Session;
import io.lookaside.whatif.NinePExchanges.FileKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Writeback caching of file data (the WRITEBACK bit of v9fs cache=loose): write(2) only dirties
 * pages; they reach the server later, one Twrite per dirty page (Linux 6.1 v9fs writes back
 * with .writepage, one page at a time), from the flusher thread, so no process waits for them.
 *
 * <p>Dirty pages are written when the client must (fsync(2) — Tfsync —, and setattr, which
 * writes dirty data first: v9fs_vfs_setattr_dotl → filemap_write_and_wait), when they have been
 * dirty for the window (the flusher's dirty_expire_centisecs, 30 s by default), and at the end
 * (sync and umount). Pages of a file unlinked while dirty are never written (the inode's pages
 * are dropped at eviction). Close does not write them (v9fs 6.1 has no flush-on-close).
 * The Twrites the trace has beyond the dirty page count are eliminated; those kept stand for
 * the writeback's own Twrites and, unless fsync or setattr waited for them, are unblocked.
 */
final class Writeback implements WhatIfModel {
    @Override
    public String id() {
        return "writeback";
    }

    @Override
    public String title() {
        return "Writeback cache for file data";
    }

    @Override
    public String assumptions() {
        return "Each write(2) of the capture's client becomes dirty pages (4 KiB) of the file, identified by "
                + "qid.path; dirty pages are written back one Twrite per page, as Linux 6.1 v9fs does, when "
                + "Tfsync or Tsetattr on the file forces it, once they have been dirty for the window (the "
                + "kernel's dirty_expire, 30 s by default), or when the capture ends; unlinking or removing the "
                + "file first discards them. When the trace has more Twrites than dirty pages, the extra ones "
                + "are saved; when it has fewer, all are kept (a removal model cannot add messages). The "
                + "writebacks not forced by fsync or setattr are off every process's critical path. Not "
                + "modelled: the Tfsync v9fs_write_inode_dotl sends after writeback, the reads write_begin needs "
                + "for partial pages of existing files, and dirty-memory limits that force earlier writeback. "
                + "Another connection reading or stat-ing the file while it has dirty pages sees old data: those "
                + "requests are stale.";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    /** The dirty state of one file: its pages, the writes that dirtied them, since when. */
    private static final class Dirty {
        final Set<Long> pages = new HashSet<>();
        final List<Integer> writes = new ArrayList<>();
        final long since;
        final long qid;
        final boolean qidKnown;
        final String server;
        final int conn;

        Dirty(long since, FidLifetime f, String server, int conn) {
            this.since = since;
            this.qid = f.qidPath();
            this.qidKnown = f.qidKnown();
            this.server = server;
            this.conn = conn;
        }
    }

    @Override
    public Outcome simulate(Session s, Lifecycles l, long window) {
        Marks marks = new Marks(s);
        Map<FileKey, Dirty> dirty = new LinkedHashMap<>();
        Map<Long, Set<Integer>> dirtyQids = new HashMap<>();
        for (int rep = 0; rep < s.size(); rep++) {
            if (!NinePExchanges.answeredNineP(s, rep)) {
                continue;
            }
            int req = s.peer(rep);
            long now = s.tsNanos(rep);
            expire(dirty, now, window, marks);
            if (!NinePExchanges.succeeded(s, rep)) {
                continue;
            }
            int type = s.typeCode(req);
            int conn = s.conn(req);
            FidLifetime f = l.fid(req);
            if (type == NinePTypes.TWRITE && f != null && f.origin() != FidOrigin.XATTRWALK) {
                NinePMessage t = NinePExchanges.decode(s, req);
                if (t instanceof Twrite w && w.count() > 0) {
                    FileKey fk = NinePExchanges.file(conn, f, req);
                    Dirty d = dirty.computeIfAbsent(fk, k -> new Dirty(now, f, NinePExchanges.server(s, req), conn));
                    for (long p = w.offset() / PageCache.PAGE; p <= (w.offset() + w.count() - 1) / PageCache.PAGE; p++) {
                        d.pages.add(p);
                    }
                    d.writes.add(req);
                    if (d.qidKnown) {
                        dirtyQids.computeIfAbsent(d.qid, q -> new HashSet<>()).add(conn);
                    }
                }
            } else if ((type == NinePTypes.TFSYNC || type == NinePTypes.TSETATTR) && f != null) {
                flush(dirty.remove(NinePExchanges.file(conn, f, req)), marks, false);
            } else if (type == NinePTypes.TUNLINKAT || type == NinePTypes.TREMOVE) {
                OptionalLong gone = l.entryQid(req);
                if (gone.isPresent()) {
                    discard(dirty.remove(new FileKey(conn, true, gone.getAsLong(), null)), marks);
                }
            } else if ((type == NinePTypes.TREAD || type == NinePTypes.TGETATTR) && f != null && f.qidKnown()) {
                Set<Integer> writers = dirtyQids.get(f.qidPath());
                if (writers != null && stillDirtyElsewhere(dirty, writers, f.qidPath(), conn,
                        NinePExchanges.server(s, req))) {
                    marks.stale(req);
                }
            }
        }
        for (Dirty d : dirty.values()) {
            flush(d, marks, true);
        }
        return marks.outcome();
    }

    private static boolean stillDirtyElsewhere(Map<FileKey, Dirty> dirty, Set<Integer> writers, long qid, int conn,
                                               String server) {
        for (int w : writers) {
            Dirty d = dirty.get(new FileKey(w, true, qid, null));
            if (w != conn && d != null && d.server.equals(server)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The flusher writes back what has been dirty longer than the window (dirty_expire). Files
     * enter the map in the order they became dirty, so the expired ones are at its head.
     */
    private static void expire(Map<FileKey, Dirty> dirty, long now, long window, Marks marks) {
        for (Iterator<Dirty> it = dirty.values().iterator(); it.hasNext(); ) {
            Dirty d = it.next();
            if (Windows.within(d.since, now, window)) {
                return;
            }
            it.remove();
            flush(d, marks, true);
        }
    }

    /** Writeback: one Twrite per dirty page; the trace's Twrites beyond that count are saved. */
    private static void flush(Dirty d, Marks marks, boolean background) {
        if (d == null) {
            return;
        }
        int keep = Math.min(d.pages.size(), d.writes.size());
        for (int k = 0; k < d.writes.size(); k++) {
            if (k >= keep) {
                marks.eliminate(d.writes.get(k));
            } else if (background) {
                marks.unblock(d.writes.get(k));
            }
        }
    }

    /** The file was unlinked while dirty: its pages are dropped, never written. */
    private static void discard(Dirty d, Marks marks) {
        if (d == null) {
            return;
        }
        for (int w : d.writes) {
            marks.eliminate(w);
        }
    }
}
