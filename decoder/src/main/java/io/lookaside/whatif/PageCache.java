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
 * returns 0 bytes). Reads fill whole pages, as readpage does, and read ahead as Linux does
 * ({@link Readahead}): a cache=none client sends each read(2) as it comes and each page fault as
 * one 4 KiB Tread (no readahead: ra_pages is 0 without a cache), where cache=loose reads windows
 * of up to msize − 24 bytes in whole pages. The Treads a window needs beyond the read that
 * started it are added messages; a read whose pages a window already brought is saved.
 */
final class PageCache implements OnePassModel {
    /** The page size of the samples' x86-64 clients: reads fill whole pages. */
    static final long PAGE = 4096;
    /** P9_GETATTR_SIZE: Rgetattr's size field is valid. */
    private static final long GETATTR_SIZE = 0x200;
    /** P9_ATTR_SIZE in Tsetattr's valid: a truncation. */
    private static final long SETATTR_SIZE = 0x8;
    /** P9_IOHDRSZ: the header bytes of a Tread/Rread that msize must also hold. */
    static final long IOHDRSZ = 24;
    /** Linux's msize when a capture holds no Rversion (net/9p/client.c DEFAULT_MSIZE). */
    static final long DEFAULT_MSIZE = 128 * 1024;

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
                + "past the new size; a changed qid.version drops the file's pages. Reads ahead as Linux 6.1 does "
                + "with a cache (mm/readahead.c): ra_pages = (msize − 24) / 4096 (15 pages at msize 65536); a "
                + "read(2) starts a window of 2 to 4 times its size that doubles or quadruples while the file is read "
                + "sequentially, up to ra_pages, and a random one reads only what it asked for; a page fault (a 4 KiB "
                + "Tread at a page boundary that does not continue the previous read) reads ra_pages around the page "
                + "until faults miss 100 more times than they hit. Each run of missing pages is one Tread (split at "
                + "the fid's iounit), clipped at the end of the file; the Treads beyond the read that started a "
                + "window are added. A write by another connection to the same server makes later hits on that "
                + "file stale. Memory pressure never evicts a page.";
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
        /** Per file: the pages with PG_readahead set. */
        final java.util.Map<Integer, java.util.Set<Long>> markers = new java.util.HashMap<>();
        /** Per fid (an open file): its readahead state. */
        final java.util.Map<Integer, Readahead> ra = new java.util.HashMap<>();

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
            markers.remove(file);
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
        java.util.Map<Integer, Long> msizes = new java.util.HashMap<>();
        java.util.Map<Integer, Long> iounits = new java.util.HashMap<>();
        for (int nth = 0; nth < l.ninePReplies(); nth++) {
            int rep = l.ninePReply(nth);
            if (!NinePExchanges.succeeded(s, rep)) {
                continue;
            }
            int req = s.peer(rep);
            int type = s.typeCode(req);
            if (type == NinePTypes.TVERSION) {
                if (NinePExchanges.decode(s, rep) instanceof io.lookaside.ninep.Rversion v) {
                    msizes.put(s.conn(req), v.msize());
                }
                continue;
            }
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
                long iounit = Le.u32(o, Rlopen.IOUNIT);
                if (iounit > 0) {
                    iounits.put(f.index(), iounit);
                }
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
                    long maxData = Math.max(PAGE, msizes.getOrDefault(conn, DEFAULT_MSIZE) - IOHDRSZ);
                    long rsize = Math.min(maxData, iounits.getOrDefault(f.index(), maxData));
                    Io io = new Io(f.index(), file, offset, count, got.count(), maxData / PAGE, rsize);
                    for (State st : states) {
                        read(req, conn, serverFile, io, now, st, foreign);
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
     * One Tread of the cache=none capture: {@code count} bytes at {@code offset} on fid {@code fid}
     * (its index) of {@code file}, {@code got} returned; the client's readahead limit and largest Tread.
     */
    private record Io(int fid, int file, long offset, long count, long got, long raPages, long rsize) {
        /** A page fault: cache=none reads a faulting page alone (readpage), 4 KiB at a page boundary. */
        boolean pageSized() {
            return count == PAGE && offset % PAGE == 0;
        }
    }

    /**
     * A Tread in one window: answered from the cache (saved), or sent with the readahead Linux
     * would do for it; the Treads that readahead needs beyond this one are added.
     */
    private static void read(int req, int conn, int serverFile, Io io, long now, State st, ForeignChangesById foreign) {
        int file = io.file();
        long offset = io.offset();
        long count = io.count();
        boolean sizeKnown = st.sizes.has(file) && Windows.within(st.sizesAt.get(file), now, st.window);
        long size = sizeKnown ? st.sizes.get(file) : 0;
        long end = offset + count;
        if (sizeKnown) {
            end = Math.min(end, size);
        }
        CachedRanges cached = st.data(file);
        boolean atEof = sizeKnown && offset >= size;
        if (atEof || count == 0) {
            if (atEof) {
                hit(req, conn, serverFile, st.sizesAt.get(file), st, foreign);
            }
            return;
        }
        Readahead ra = st.ra.computeIfAbsent(io.fid(), k -> new Readahead(io.raPages()));
        FilePages pages = new FilePages(st, file, sizeKnown ? size : -1, io.rsize(), now);
        long first = offset / PAGE;
        long last = (end + PAGE - 1) / PAGE;
        int treads = io.pageSized() && !ra.continues(offset)
                ? ra.fault(pages, first)
                : ra.read(pages, first, last, offset + io.got());
        if (treads == 0) {
            // Every page was cached (by an earlier read or a window read ahead): no Tread.
            hit(req, conn, serverFile, st.dataOrNew(file).oldest(offset, end), st, foreign);
        } else {
            st.marks.add("Tread", "Rread", treads - 1);
        }
        if (io.got() < count) {
            // A short read of a regular file ends at its end (read(5)): the client now knows the size.
            st.size(file, offset + io.got(), now);
        }
    }

    /** A read answered from the cache: saved, unless another connection changed the file since. */
    private static void hit(int req, int conn, int serverFile, long since, State st, ForeignChangesById foreign) {
        if (serverFile >= 0 && foreign.changedByOthers(serverFile, conn, since)) {
            st.marks.stale(req);
        } else {
            st.marks.eliminate(req);
        }
    }

    /** One file's pages in one window, as {@link Readahead} sees them. */
    private static final class FilePages implements Readahead.Pages {
        private final State st;
        private final int file;
        /** The file's size, −1 when the client would not know it. */
        private final long size;
        private final long rsize;
        private final long now;

        FilePages(State st, int file, long size, long rsize, long now) {
            this.st = st;
            this.file = file;
            this.size = size;
            this.rsize = rsize;
            this.now = now;
        }

        @Override
        public boolean cached(long page) {
            CachedRanges c = st.data(file);
            return c != null && c.covers(page * PAGE, (page + 1) * PAGE, now, st.window);
        }

        @Override
        public boolean marked(long page) {
            java.util.Set<Long> m = st.markers.get(file);
            return m != null && m.contains(page);
        }

        @Override
        public void unmark(long page) {
            java.util.Set<Long> m = st.markers.get(file);
            if (m != null) {
                m.remove(page);
            }
        }

        @Override
        public int read(long index, long count, long lookahead) {
            if (size == 0) {
                return 0;
            }
            long n = count;
            if (size > 0) {
                long lastPage = (size - 1) / PAGE;
                if (index > lastPage) {
                    return 0;
                }
                n = Math.min(n, lastPage - index + 1);
            }
            int treads = 0;
            long runStart = -1;
            for (long i = index; i <= index + n; i++) {
                boolean missing = i < index + n && !cached(i);
                if (missing && runStart < 0) {
                    runStart = i;
                }
                if (!missing && runStart >= 0) {
                    treads += run(runStart, i);
                    runStart = -1;
                }
                if (missing && i == index + n - lookahead && lookahead > 0) {
                    st.markers.computeIfAbsent(file, k -> new java.util.HashSet<>()).add(i);
                }
            }
            return treads;
        }

        /** Pages [from, to) read in one go: Treads of up to rsize bytes, none past the end of the file. */
        private int run(long from, long to) {
            long bytes = to * PAGE - from * PAGE;
            if (size > 0) {
                bytes = Math.min(bytes, size - from * PAGE);
            }
            st.dataOrNew(file).fill(from * PAGE, to * PAGE, now);
            return (int) Math.max(1, (bytes + rsize - 1) / rsize);
        }
    }
}
