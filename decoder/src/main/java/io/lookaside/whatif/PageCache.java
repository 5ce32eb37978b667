package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.ninep.NinePMessage;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Qid;
import io.lookaside.ninep.Rgetattr;
import io.lookaside.ninep.Rlopen;
import io.lookaside.ninep.Rread;
import io.lookaside.ninep.Tread;
import io.lookaside.ninep.Tsetattr;
import io.lookaside.ninep.Twrite;
import io.lookaside.session.Session;
import io.lookaside.whatif.NinePExchanges.FileKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * File data in the client's page cache (v9fs cache=loose, or readahead/mmap for reads): a
 * Tread of a range this connection already read or wrote, with no truncation or qid.version
 * change between, is answered from memory, and so is a read at or past the end of a file whose
 * size the client knows (generic_file_read_iter stops at i_size; cache=none sends a Tread that
 * returns 0 bytes). Reads fill whole pages, as readpage does.
 */
final class PageCache implements WhatIfModel {
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

    /** A known file size and when it was learnt. */
    private record Size(long bytes, long at) {
    }

    @Override
    public Outcome simulate(Session s, Lifecycles l, long window) {
        Marks marks = new Marks(s);
        Map<FileKey, CachedRanges> data = new HashMap<>();
        Map<FileKey, Size> sizes = new HashMap<>();
        Map<FileKey, Long> versions = new HashMap<>();
        ForeignChanges foreign = new ForeignChanges();
        for (int rep = 0; rep < s.size(); rep++) {
            if (!NinePExchanges.answeredNineP(s, rep) || !NinePExchanges.succeeded(s, rep)) {
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
            String server = NinePExchanges.server(s, req);
            if (type == NinePTypes.TLCREATE) {
                FidLifetime made = l.created(req);
                if (made != null) {
                    FileKey fk = NinePExchanges.file(conn, made, rep);
                    sizes.put(fk, new Size(0, now));
                    data.remove(fk);
                }
                continue;
            }
            FileKey fk = NinePExchanges.file(conn, f, req);
            NinePMessage t = NinePExchanges.decode(s, req);
            NinePMessage r = NinePExchanges.decode(s, rep);
            if (r instanceof Rgetattr g) {
                version(fk, g.qid(), versions, data);
                if ((g.valid() & GETATTR_SIZE) != 0) {
                    sizes.put(fk, new Size(g.size(), now));
                }
            } else if (r instanceof Rlopen o) {
                version(fk, o.qid(), versions, data);
            } else if (t instanceof Twrite w) {
                long end = w.offset() + w.count();
                // A written page is uptodate afterwards: write_begin reads the rest of a partial page first,
                // or zero-fills it past the end of the file.
                data.computeIfAbsent(fk, k -> new CachedRanges()).fill(w.offset() / PAGE * PAGE,
                        (end + PAGE - 1) / PAGE * PAGE, now);
                Size known = sizes.get(fk);
                if (known != null && end > known.bytes()) {
                    sizes.put(fk, new Size(end, now));
                }
                if (f.qidKnown()) {
                    foreign.changed(server, new ForeignChanges.File(f.qidPath()), conn, now);
                }
            } else if (t instanceof Tsetattr a && (a.valid() & SETATTR_SIZE) != 0) {
                data.computeIfAbsent(fk, k -> new CachedRanges()).truncate(a.size());
                sizes.put(fk, new Size(a.size(), now));
                if (f.qidKnown()) {
                    foreign.changed(server, new ForeignChanges.File(f.qidPath()), conn, now);
                }
            } else if (t instanceof Tread rd && r instanceof Rread got) {
                read(s, req, f, fk, rd, got, now, window, data, sizes, foreign, marks);
            }
        }
        return marks.outcome();
    }

    private static void version(FileKey fk, Qid q, Map<FileKey, Long> versions, Map<FileKey, CachedRanges> data) {
        Long before = versions.put(fk, q.version());
        if (before != null && before != q.version()) {
            data.remove(fk);
        }
    }

    private static void read(Session s, int req, FidLifetime f, FileKey fk, Tread rd, Rread got, long now,
                             long window, Map<FileKey, CachedRanges> data, Map<FileKey, Size> sizes,
                             ForeignChanges foreign, Marks marks) {
        Size size = sizes.get(fk);
        boolean sizeKnown = size != null && Windows.within(size.at(), now, window);
        long end = rd.offset() + rd.count();
        if (sizeKnown) {
            end = Math.min(end, size.bytes());
        }
        CachedRanges cached = data.get(fk);
        boolean atEof = sizeKnown && rd.offset() >= size.bytes();
        boolean hit = atEof || cached != null && rd.count() > 0 && cached.covers(rd.offset(), end, now, window);
        if (hit) {
            long since = atEof ? size.at() : cached.oldest(rd.offset(), end);
            if (f.qidKnown() && foreign.changedByOthers(NinePExchanges.server(s, req),
                    new ForeignChanges.File(f.qidPath()), s.conn(req), since)) {
                marks.stale(req);
            } else {
                marks.eliminate(req);
                return;
            }
        }
        long n = got.count();
        if (n > 0) {
            long from = rd.offset() / PAGE * PAGE;
            long to = (rd.offset() + n + PAGE - 1) / PAGE * PAGE;
            data.computeIfAbsent(fk, k -> new CachedRanges()).fill(from, to, now);
        }
        if (n < rd.count()) {
            // A short read of a regular file ends at its end (read(5)): the client now knows the size.
            sizes.put(fk, new Size(rd.offset() + n, now));
        }
    }
}
