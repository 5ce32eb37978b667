package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Twrite;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
final class Writeback implements OnePassModel {
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
                + "Tfsync or Tsetattr on the file forces it, once they have been dirty for the window, or when the "
                + "capture ends. The window is how long pages stay dirty: dirty_expire_centisecs (30 s) on a machine "
                + "with memory to spare; in a small guest above the dirty background threshold the flusher writes "
                + "everything at each wakeup (dirty_writeback_centisecs, 5 s), which is what the v9fs-cache-loose "
                + "profile uses. Unlinking or removing the "
                + "file first discards them. When the trace has more Twrites than dirty pages, the extra ones "
                + "are saved; when it has fewer, the missing ones are added. A background writeback also writes "
                + "the inode back: one Tfsync (v9fs_write_inode_dotl), added. The writebacks not forced by fsync "
                + "or setattr are off every process's critical path. Not modelled: the reads write_begin needs "
                + "for partial pages of existing files, and dirty-memory limits that force earlier writeback. "
                + "Another connection reading or stat-ing the file while it has dirty pages sees old data: those "
                + "requests are stale.";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    @Override
    public List<String> remarks(Session session) {
        for (int i = 0; i < session.size(); i++) {
            if (session.typeCode(i) == NinePTypes.TWRITE) {
                return List.of("The saved wait can fall as the window grows: with a short window the flusher writes "
                        + "pages back in the background before anything waits for them; with a long one more pages are "
                        + "still dirty when fsync(2) or setattr forces them out, and the process waits for that "
                        + "writeback. Fewer Twrites are saved only where files are deleted before their pages expire.");
            }
        }
        return List.of();
    }

    /**
     * The dirty state of one file in one window: its pages, the writes that dirtied them, since
     * when; a link in the window's list of dirty files in the order they became dirty.
     */
    private static final class Dirty {
        final int file;
        final long since;
        final Ranges pages = new Ranges();
        int[] writes = new int[4];
        int writeCount;
        Dirty previous;
        Dirty next;

        Dirty(int file, long since) {
            this.file = file;
            this.since = since;
        }

        void wrote(int req) {
            if (writeCount == writes.length) {
                writes = Arrays.copyOf(writes, writeCount * 2);
            }
            writes[writeCount++] = req;
        }
    }

    /** One window's dirty files, by file id and in the order they became dirty. */
    private static final class State {
        final long window;
        final Marks marks;
        Dirty[] byFile = new Dirty[64];
        Dirty first;
        Dirty last;
        /** Per server-wide file: how many connections hold dirty pages of it. */
        int[] dirtyCopies = new int[64];

        State(Session s, long window) {
            this.window = window;
            this.marks = new Marks(s);
        }

        Dirty get(int file) {
            return file >= 0 && file < byFile.length ? byFile[file] : null;
        }

        Dirty dirty(int file, int serverFile, long now) {
            Dirty d = get(file);
            if (d != null) {
                return d;
            }
            if (file >= byFile.length) {
                byFile = Arrays.copyOf(byFile, Math.max(file + 1, byFile.length * 2));
            }
            d = new Dirty(file, now);
            byFile[file] = d;
            d.previous = last;
            if (last == null) {
                first = d;
            } else {
                last.next = d;
            }
            last = d;
            if (serverFile >= 0) {
                if (serverFile >= dirtyCopies.length) {
                    dirtyCopies = Arrays.copyOf(dirtyCopies, Math.max(serverFile + 1, dirtyCopies.length * 2));
                }
                dirtyCopies[serverFile]++;
            }
            return d;
        }

        Dirty remove(int file, FileIds files) {
            Dirty d = get(file);
            if (d == null) {
                return null;
            }
            byFile[file] = null;
            if (d.previous == null) {
                first = d.next;
            } else {
                d.previous.next = d.next;
            }
            if (d.next == null) {
                last = d.previous;
            } else {
                d.next.previous = d.previous;
            }
            int serverFile = files.serverFile(file);
            if (serverFile >= 0) {
                dirtyCopies[serverFile]--;
            }
            return d;
        }

        /** True when another connection than the one whose file is {@code own} holds dirty pages of it. */
        boolean dirtyElsewhere(int serverFile, int own) {
            int copies = serverFile < dirtyCopies.length ? dirtyCopies[serverFile] : 0;
            return copies - (get(own) != null ? 1 : 0) > 0;
        }

        /**
         * The flusher writes back what has been dirty longer than the window (dirty_expire).
         * Files enter the list in the order they became dirty, so the expired ones are at its head.
         */
        void expire(long now, FileIds files) {
            while (first != null && !Windows.within(first.since, now, window)) {
                flush(remove(first.file, files), marks, true);
            }
        }
    }

    /**
     * One pass for all windows: each exchange is filtered, its Twrite decoded and its file
     * identified once; the dirty files, which depend on the window, are kept per window.
     */
    @Override
    public List<Outcome> simulate(Session s, Lifecycles l, List<Long> windows) {
        State[] states = new State[windows.size()];
        for (int w = 0; w < states.length; w++) {
            states[w] = new State(s, windows.get(w));
        }
        FileIds files = new FileIds(s, l);
        for (int nth = 0; nth < l.ninePReplies(); nth++) {
            int rep = l.ninePReply(nth);
            int req = s.peer(rep);
            int type = s.typeCode(req);
            boolean writes = type == NinePTypes.TWRITE;
            if (!writes && !anyDirty(states)) {
                // Nothing to expire, nothing to flush, discard or read stale: the common case.
                continue;
            }
            long now = s.tsNanos(rep);
            for (State st : states) {
                st.expire(now, files);
            }
            if (!NinePExchanges.succeeded(s, rep)) {
                continue;
            }
            int conn = s.conn(req);
            FidLifetime f = l.fid(req);
            if (type == NinePTypes.TWRITE && f != null && f.origin() != FidOrigin.XATTRWALK) {
                if (NinePExchanges.decode(s, req) instanceof Twrite w && w.count() > 0) {
                    int file = files.of(conn, f, req);
                    int serverFile = files.serverFile(file);
                    long firstPage = w.offset() / PageCache.PAGE;
                    long lastPage = (w.offset() + w.count() - 1) / PageCache.PAGE;
                    for (State st : states) {
                        Dirty d = st.dirty(file, serverFile, now);
                        d.pages.add(firstPage, lastPage + 1);
                        d.wrote(req);
                    }
                }
            } else if ((type == NinePTypes.TFSYNC || type == NinePTypes.TSETATTR) && f != null) {
                int file = files.of(conn, f, req);
                for (State st : states) {
                    flush(st.remove(file, files), st.marks, false);
                }
            } else if (type == NinePTypes.TUNLINKAT || type == NinePTypes.TREMOVE) {
                OptionalLong gone = l.entryQid(req);
                if (gone.isPresent()) {
                    int file = files.byQid(conn, gone.getAsLong());
                    for (State st : states) {
                        discard(st.remove(file, files), st.marks);
                    }
                }
            } else if ((type == NinePTypes.TREAD || type == NinePTypes.TGETATTR) && f != null && f.qidKnown()) {
                // Another connection's dirty pages of this file: what it read or stat-ed is old.
                int own = files.of(conn, f, req);
                int serverFile = files.serverFile(own);
                for (State st : states) {
                    if (st.dirtyElsewhere(serverFile, own)) {
                        st.marks.stale(req);
                    }
                }
            }
        }
        List<Outcome> out = new ArrayList<>(states.length);
        for (State st : states) {
            for (Dirty d = st.first; d != null; d = d.next) {
                flush(d, st.marks, true);
            }
            out.add(st.marks.outcome());
        }
        return out;
    }

    private static boolean anyDirty(State[] states) {
        for (State st : states) {
            if (st.first != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writeback: one Twrite per dirty page; the trace's Twrites beyond that count are saved, and
     * pages beyond the trace's Twrites are added. A background writeback (the flusher, or the end)
     * also writes the inode back: v9fs_write_inode_dotl sends Tfsync on the writeback fid.
     */
    private static void flush(Dirty d, Marks marks, boolean background) {
        if (d == null) {
            return;
        }
        long keep = Math.min(d.pages.length(), d.writeCount);
        marks.add("Twrite", "Rwrite", d.pages.length() - keep);
        if (background) {
            marks.add("Tfsync", "Rfsync", 1);
        }
        for (int k = 0; k < d.writeCount; k++) {
            if (k >= keep) {
                marks.eliminate(d.writes[k]);
            } else if (background) {
                marks.unblock(d.writes[k]);
            }
        }
    }

    /** The file was unlinked while dirty: its pages are dropped, never written. */
    private static void discard(Dirty d, Marks marks) {
        if (d == null) {
            return;
        }
        for (int k = 0; k < d.writeCount; k++) {
            marks.eliminate(d.writes[k]);
        }
    }
}
