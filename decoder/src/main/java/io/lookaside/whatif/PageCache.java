package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Rgetattr;
import io.lookaside.ninep.Rlopen;
import io.lookaside.ninep.Rread;
import io.lookaside.ninep.Tread;
import io.lookaside.ninep.Tsetattr;
import io.lookaside.ninep.Twrite;
import io.lookaside.session.Session;
import io.lookaside.wire.Le;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * File data in the client's page cache (v9fs cache=loose, or readahead/mmap for reads): a
 * Tread of a range this connection already read or wrote, with no truncation or qid.version
 * change between, is answered from memory, and so is a read at or past the end of a file whose
 * size the client knows (generic_file_read_iter stops at i_size; cache=none sends a Tread that
 * returns 0 bytes). Reads fill whole pages, as readpage does.
 */
final class PageCache implements OnePassModel {
    /** The page size of the samples' x86-64 clients: reads fill whole pages. */
    static final long PAGE = 4096;
    /** P9_GETATTR_SIZE: Rgetattr's size field is valid. */
    private static final long GETATTR_SIZE = 0x200;
    /** P9_ATTR_SIZE in Tsetattr's valid: a truncation. */
    private static final long SETATTR_SIZE = 0x8;

    @Override
    public String id() {
        return "page-cache";
    }

    @Override
    public String title() {
        return "Page cache for file data";
    }

    @Override
    public String assumptions() {
        return "Pages a read fetched (whole 4 KiB pages, as readpage fetches them) or this connection wrote are "
                + "kept for the window with no coherence check, keyed by the file's qid.path; a read whose range "
                + "they cover is saved, and so is a read at or after the end of a file whose size the client "
                + "knows (from Rgetattr, a short read, its own writes or truncations). Truncation drops the pages "
                + "past the new size; a changed qid.version drops the file's pages. Readahead beyond the pages "
                + "read is not assumed, so sequential first reads are not merged. A write by another connection "
                + "to the same server makes later hits on that file stale. Memory pressure never evicts a page.";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    /** One window's cache: each file's cached pages and its known size with when it was learnt. */
    private static final class State {
        final long window;
        final Marks marks;
        CachedRanges[] data = new CachedRanges[64];
        final FileValues sizes = new FileValues();
        final FileValues sizesAt = new FileValues();

        State(Session s, long window) {
            this.window = window;
            this.marks = new Marks(s);
        }

        CachedRanges data(int file) {
            return file < data.length ? data[file] : null;
        }

        CachedRanges dataOrNew(int file) {
            if (file >= data.length) {
                data = Arrays.copyOf(data, Math.max(file + 1, data.length * 2));
            }
            if (data[file] == null) {
                data[file] = new CachedRanges();
            }
            return data[file];
        }

        void dropData(int file) {
            if (file < data.length) {
                data[file] = null;
            }
        }

        void size(int file, long bytes, long at) {
            sizes.put(file, bytes);
            sizesAt.put(file, at);
        }
    }

    /**
     * One pass for all windows: each exchange is filtered, read (only the fields used) and its
     * file identified once; the pages and sizes, which depend on the window through the reads
     * answered from the cache, are kept per window.
     */
    @Override
    public List<Outcome> simulate(Session s, Lifecycles l, List<Long> windows) {
        State[] states = new State[windows.size()];
        for (int w = 0; w < states.length; w++) {
            states[w] = new State(s, windows.get(w));
        }
        FileIds files = new FileIds(s, l);
        FileValues versions = new FileValues();
        ForeignChangesById foreign = new ForeignChangesById();
        for (int nth = 0; nth < l.ninePReplies(); nth++) {
            int rep = l.ninePReply(nth);
            if (!NinePExchanges.succeeded(s, rep)) {
                continue;
            }
            int req = s.peer(rep);
            int type = s.typeCode(req);
            if (type != NinePTypes.TREAD && type != NinePTypes.TWRITE && type != NinePTypes.TSETATTR
                    && type != NinePTypes.TGETATTR && type != NinePTypes.TLOPEN && type != NinePTypes.TLCREATE) {
                continue;
            }
            FidLifetime f = l.fid(req);
            if (f == null || f.origin() == FidOrigin.XATTRWALK || f.origin() == FidOrigin.AUTH) {
                // An xattr fid's reads return an attribute's value, an auth fid's the protocol: not file data.
                continue;
            }
            int conn = s.conn(req);
            long now = s.tsNanos(rep);
            if (type == NinePTypes.TLCREATE) {
                FidLifetime made = l.created(req);
                if (made != null) {
                    int file = files.of(conn, made, rep);
                    for (State st : states) {
                        st.size(file, 0, now);
                        st.dropData(file);
                    }
                }
                continue;
            }
            int file = files.of(conn, f, req);
            ByteBuffer g = NinePFields.rgetattr(s, rep);
            ByteBuffer o = g == null ? NinePFields.rlopen(s, rep) : null;
            if (g != null) {
                version(file, NinePFields.qidVersion(g, Rgetattr.QID), versions, states);
                if ((Le.u64(g, Rgetattr.VALID) & GETATTR_SIZE) != 0) {
                    long size = Le.u64(g, Rgetattr.SIZE);
                    for (State st : states) {
                        st.size(file, size, now);
                    }
                }
            } else if (o != null) {
                version(file, NinePFields.qidVersion(o, Rlopen.QID), versions, states);
            } else if (type == NinePTypes.TWRITE) {
                if (NinePExchanges.decode(s, req) instanceof Twrite w) {
                    write(file, w.offset(), w.count(), now, states);
                    if (f.qidKnown()) {
                        foreign.changed(files.serverFile(conn, f.qidPath()), conn, now);
                    }
                }
            } else if (type == NinePTypes.TSETATTR) {
                ByteBuffer a = NinePFields.tsetattr(s, req);
                if (a != null && (Le.u32(a, Tsetattr.VALID) & SETATTR_SIZE) != 0) {
                    long size = Le.u64(a, Tsetattr.SIZE);
                    for (State st : states) {
                        st.dataOrNew(file).truncate(size);
                        st.size(file, size, now);
                    }
                    if (f.qidKnown()) {
                        foreign.changed(files.serverFile(conn, f.qidPath()), conn, now);
                    }
                }
            } else if (type == NinePTypes.TREAD) {
                ByteBuffer rd = NinePFields.tread(s, req);
                if (rd != null && NinePExchanges.decode(s, rep) instanceof Rread got) {
                    int serverFile = f.qidKnown() ? files.serverFile(conn, f.qidPath()) : -1;
                    long offset = Le.u64(rd, Tread.OFFSET);
                    long count = Le.u32(rd, Tread.COUNT);
                    for (State st : states) {
                        read(req, conn, serverFile, file, offset, count, got.count(), now, st, foreign);
                    }
                }
            }
        }
        List<Outcome> out = new ArrayList<>(states.length);
        for (State st : states) {
            out.add(st.marks.outcome());
        }
        return out;
    }

    private static void version(int file, long version, FileValues versions, State[] states) {
        boolean changed = versions.has(file) && versions.get(file) != version;
        versions.put(file, version);
        if (changed) {
            for (State st : states) {
                st.dropData(file);
            }
        }
    }

    private static void write(int file, long offset, long count, long now, State[] states) {
        long end = offset + count;
        for (State st : states) {
            // A written page is uptodate afterwards: write_begin reads the rest of a partial page first,
            // or zero-fills it past the end of the file.
            st.dataOrNew(file).fill(offset / PAGE * PAGE, (end + PAGE - 1) / PAGE * PAGE, now);
            if (st.sizes.has(file) && end > st.sizes.get(file)) {
                st.size(file, end, now);
            }
        }
    }

    /**
     * A Tread of {@code count} bytes at {@code offset} that returned {@code got}, in one window:
     * answered from the cache, or filling it.
     */
    private static void read(int req, int conn, int serverFile, int file, long offset, long count, long got,
                             long now, State st, ForeignChangesById foreign) {
        boolean sizeKnown = st.sizes.has(file) && Windows.within(st.sizesAt.get(file), now, st.window);
        long size = sizeKnown ? st.sizes.get(file) : 0;
        long end = offset + count;
        if (sizeKnown) {
            end = Math.min(end, size);
        }
        CachedRanges cached = st.data(file);
        boolean atEof = sizeKnown && offset >= size;
        boolean hit = atEof || cached != null && count > 0 && cached.covers(offset, end, now, st.window);
        if (hit) {
            long since = atEof ? st.sizesAt.get(file) : cached.oldest(offset, end);
            if (serverFile >= 0 && foreign.changedByOthers(serverFile, conn, since)) {
                st.marks.stale(req);
            } else {
                st.marks.eliminate(req);
                return;
            }
        }
        if (got > 0) {
            long from = offset / PAGE * PAGE;
            long to = (offset + got + PAGE - 1) / PAGE * PAGE;
            st.dataOrNew(file).fill(from, to, now);
        }
        if (got < count) {
            // A short read of a regular file ends at its end (read(5)): the client now knows the size.
            st.size(file, offset + got, now);
        }
    }
}
