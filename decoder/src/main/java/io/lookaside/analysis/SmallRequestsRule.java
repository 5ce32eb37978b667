package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Rversion;
import io.lookaside.ninep.Tread;
import io.lookaside.ninep.Twrite;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sequential reads or writes in pieces much smaller than a message could carry: a run of reads
 * or writes on one file at contiguous offsets that ⌈bytes / max⌉ requests could have moved
 * (what-if.md, "Writeback cache / write merge", "Scatter-gather direct I/O"). 9P: Tread/Twrite
 * on one fid, max = msize − IOHDRSZ (read(5)); FUSE: READ/WRITE on one fh, max = max_pages
 * pages for reads and max_write for writes (linux/fuse.h fuse_init_out).
 */
public final class SmallRequestsRule implements Rule {
    static final double INFO_SHARE = 0.01;
    static final double WARNING_SHARE = 0.05;
    /** Bytes of a Twrite/Rread header that msize must also hold (Linux P9_IOHDRSZ). */
    static final int IOHDRSZ = 24;
    /** msize when the capture holds no Rversion: the Linux default since 5.15 (net/9p/client.c). */
    static final long DEFAULT_MSIZE = 128 * 1024;
    /** FUSE limits when the capture holds no INIT: fs/fuse's defaults (max_write 4096, FUSE_DEFAULT_MAX_PAGES_PER_REQ 32). */
    static final long FUSE_DEFAULT_MAX_WRITE = 4096;
    static final long FUSE_DEFAULT_MAX_PAGES = 32;
    static final long PAGE = 4096;

    @Override
    public String id() {
        return "small-requests";
    }

    @Override
    public String title() {
        return "Small sequential reads and writes";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP, Protocol.FUSE);
    }

    /** A run of contiguous I/O on one fid: its request count, bytes, next expected offset. */
    private static final class Run {
        long n;
        long bytes;
        long next;
        long max;
        boolean write;
    }

    /** A fid or fh of one connection (a FUSE fh is any 64-bit number the daemon chose). */
    private record Handle(int conn, long handle) {
    }

    /** One read or write: the file it goes to (fid or fh), where, and the most one request could carry. */
    private record Io(long handle, long offset, boolean write, long max) {
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Session s = in.session();
        Exchanges x = in.exchanges();
        Map<Integer, Long> msize = new HashMap<>();
        Map<Integer, long[]> fuseMax = new HashMap<>();
        Map<Handle, Run> runs = new HashMap<>();
        long requests = 0;
        long bytes = 0;
        long saved = 0;
        long smallWait = 0;
        boolean ninep = false;
        boolean fuse = false;
        List<Integer> evidence = new ArrayList<>();
        List<Long> handles = new ArrayList<>();
        long headerOnlyIo = 0;
        // 9P requests that continue a full-sized one on the same fid: one read(2) or write(2) msize cut in pieces.
        long splits = 0;
        long splitWait = 0;
        long splitMsize = Long.MAX_VALUE;
        List<Integer> splitEvidence = new ArrayList<>();
        Map<Handle, long[]> lastNineP = new HashMap<>();
        for (int k = 0; k < x.size(); k++) {
            int i = x.index(k);
            int type = s.typeCode(i);
            Protocol p = s.connection(i).protocol();
            if (p == Protocol.FUSE && s.hasFlag(i, io.lookaside.session.Session.HEADER_ONLY)
                    && (type == FuseOpcode.READ.code() || type == FuseOpcode.WRITE.code())) {
                headerOnlyIo++;
                continue;
            }
            if (p == Protocol.NINEP && type == NinePTypes.TVERSION && x.answered(k)
                    && s.message(s.peer(i)) instanceof Rversion v) {
                msize.put(s.conn(i), v.msize());
                continue;
            }
            if (p == Protocol.FUSE && type == FuseOpcode.INIT.code() && x.answered(k)
                    && s.message(s.peer(i)) instanceof FuseReply.Init init) {
                fuseMax.put(s.conn(i), new long[] {init.max_write() == null ? FUSE_DEFAULT_MAX_WRITE : init.max_write(),
                        (init.max_pages() == null || init.max_pages() == 0 ? FUSE_DEFAULT_MAX_PAGES : init.max_pages()) * PAGE});
                continue;
            }
            if (x.bytes(k) <= 0) {
                continue;
            }
            Io io = switch (p) {
                case NINEP -> ninePIo(s, i, Math.max(1, msize.getOrDefault(s.conn(i), DEFAULT_MSIZE) - IOHDRSZ));
                case FUSE -> fuseIo(s, i, fuseMax.getOrDefault(s.conn(i),
                        new long[] {FUSE_DEFAULT_MAX_WRITE, FUSE_DEFAULT_MAX_PAGES * PAGE}));
            };
            if (io == null) {
                continue;
            }
            ninep |= p == Protocol.NINEP;
            fuse |= p == Protocol.FUSE;
            requests++;
            bytes += x.bytes(k);
            Handle key = new Handle(s.conn(i), io.handle());
            if (p == Protocol.NINEP) {
                long[] last = lastNineP.get(key);
                if (last != null && last[0] == io.offset() && last[1] == io.max() && last[2] == (io.write() ? 1 : 0)) {
                    splits++;
                    splitMsize = Math.min(splitMsize, io.max() + IOHDRSZ);
                    splitWait += Math.max(0, x.waitNanos(k));
                    if (splitEvidence.size() < Evidence.LIMIT) {
                        splitEvidence.add(i);
                    }
                }
                lastNineP.put(key, new long[] {io.offset() + x.bytes(k), x.bytes(k), io.write() ? 1 : 0});
            }
            Run run = runs.get(key);
            if (run == null || run.write != io.write() || run.next != io.offset()) {
                if (run != null) {
                    saved += savable(run);
                }
                run = new Run();
                run.write = io.write();
                run.max = io.max();
                runs.put(key, run);
            }
            run.n++;
            run.bytes += x.bytes(k);
            run.next = io.offset() + x.bytes(k);
            if (x.bytes(k) < io.max() / 2) {
                smallWait += Math.max(0, x.waitNanos(k));
                if (evidence.size() < Evidence.LIMIT && run.n > 1) {
                    evidence.add(i);
                    if (!handles.contains(io.handle())) {
                        handles.add(io.handle());
                    }
                }
            }
        }
        for (Run run : runs.values()) {
            saved += savable(run);
        }
        if (saved == 0 && splits == 0) {
            if (requests == 0 && headerOnlyIo > 0) {
                return Finding.notApplicable(this, headerOnlyIo + " READ and WRITE requests, but this input holds only "
                        + "message headers (no file handles, offsets or sizes), so their sizes cannot be judged; a "
                        + "fusedump or strace capture of the daemon can.");
            }
            return Finding.ok(this, requests == 0 ? "No file data was read or written."
                    : requests + " reads and writes, none that fewer, larger requests could have done.");
        }
        double share = (double) (saved + splits) / Math.max(1, x.size());
        // The msize that cut pieces (the smallest, when several connections did), else the largest negotiated.
        long msizeNow = splits > 0 ? splitMsize
                : msize.values().stream().mapToLong(Long::longValue).max().orElse(DEFAULT_MSIZE);
        String summary = requests + " reads and writes moved " + bytes + " bytes; sequential runs on one file could "
                + "have used " + saved + " fewer requests with full-sized messages"
                + (splits > 0 ? ", and msize " + msizeNow + " split larger reads and writes into " + splits
                        + " more requests" : "") + " (" + Durations.percent(share) + " of all requests).";
        List<String> why = new ArrayList<>();
        List<String> fix = new ArrayList<>();
        if (ninep) {
            long max = Math.max(1, msizeNow - IOHDRSZ);
            why.add("Each read(2) or write(2) of a file without a page cache becomes one 9P request of the "
                    + "application's buffer size, although one message could carry up to msize − " + IOHDRSZ + " = "
                    + max + " bytes.");
            if (splits > 0) {
                why.add("msize " + msizeNow + " is the ceiling: " + splits + " requests continue a read or write of "
                        + max + " bytes on the same fid, pieces of one larger read(2) or write(2).");
            }
            Identification.Party client = in.identification().client();
            if (client.is("linux-v9fs")) {
                fix.add("Mount with cache=loose (or cache=mmap; cache=readahead only on Linux 6.6 and later) so that the "
                        + "page cache reads ahead and writes back in large requests" + (splits > 0 ? "; mount with a "
                        + "larger msize (msize=" + Math.max(msizeNow * 8, 131072) + ") to cut fewer pieces, if the "
                        + "server accepts it (its Rversion lowers msize to its own limit)" : "; a larger msize raises "
                        + "the ceiling") + ".");
            } else if (splits > 0) {
                fix.add("Ask for a larger msize in Tversion (" + client.label() + " uses " + msizeNow + "), up to what "
                        + "the server accepts.");
            } else {
                fix.add("Use a client with a page cache (Linux v9fs cache=loose) or larger read and write sizes.");
            }
        }
        if (fuse) {
            why.add("Without the writeback cache every write(2) becomes a WRITE of the application's size, and direct "
                    + "I/O sends reads the same way, up to max_write and max_pages per request.");
            Identification.Party daemon = in.identification().server();
            if (daemon.is("glusterfs")) {
                fix.add("Mount glusterfs with kernel-writeback-cache=yes (its own option; glusterfs does not use "
                        + "libfuse), so the kernel merges writes before they reach the daemon.");
            } else if (daemon.is("libfuse2")) {
                fix.add("libfuse 2 has no writeback cache: -o big_writes,max_write=131072 raises the write size; "
                        + "libfuse 3's -o writeback_cache merges writes.");
            } else {
                fix.add("Enable the writeback cache (libfuse 3: -o writeback_cache) and raise max_write / max_pages "
                        + "(libfuse 2: -o big_writes,max_write=131072).");
            }
        }
        fix.add("Give the application larger buffers (e.g. dd bs=1M).");
        String explanation = String.join(" ", why) + " A sequential transfer in small pieces pays one round trip per piece.";
        // The runs here ignore what ends a merge (fsync, close); the models, which do not, give the saving.
        return Finding.scored(this, Score.of(share, INFO_SHARE, WARNING_SHARE), summary, explanation,
                String.join(" ", fix) + in.projection("writeback", "write-merge", "sg-direct-io"), smallWait + splitWait,
                new Evidence(evidence.isEmpty() ? splitEvidence : evidence, ninep ? handles : List.of(), List.of(),
                        List.of()));
    }

    private static Io ninePIo(Session s, int i, long max) {
        if (s.message(i) instanceof Tread r) {
            return new Io(r.fid(), r.offset(), false, max);
        }
        if (s.message(i) instanceof Twrite w) {
            return new Io(w.fid(), w.offset(), true, max);
        }
        return null;
    }

    /** max: {max_write, max_pages × page size} of the connection's INIT (linux/fuse.h fuse_init_out). */
    private static Io fuseIo(Session s, int i, long[] max) {
        if (s.message(i) instanceof FuseRequest.Read r) {
            return new Io(r.fh(), r.offset(), false, Math.max(1, max[1]));
        }
        if (s.message(i) instanceof FuseRequest.Write w) {
            return new Io(w.fh(), w.offset(), true, Math.max(1, max[0]));
        }
        return null;
    }

    private static long savable(Run run) {
        long needed = (run.bytes + run.max - 1) / run.max;
        return Math.max(0, run.n - needed);
    }
}
