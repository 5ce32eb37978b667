package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
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
 * Sequential reads or writes in pieces much smaller than a message could carry: a run of Tread
 * or Twrite on one fid at contiguous offsets that ⌈bytes / (msize − IOHDRSZ)⌉ requests could
 * have moved (what-if.md, "Writeback cache / write merge"; read(5)).
 */
public final class SmallRequestsRule implements Rule {
    static final double INFO_SHARE = 0.01;
    static final double WARNING_SHARE = 0.05;
    /** Bytes of a Twrite/Rread header that msize must also hold (Linux P9_IOHDRSZ). */
    static final int IOHDRSZ = 24;
    /** msize when the capture holds no Rversion: the Linux default. */
    static final long DEFAULT_MSIZE = 8192;

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
        return Set.of(Protocol.NINEP);
    }

    /** A run of contiguous I/O on one fid: its request count, bytes, next expected offset. */
    private static final class Run {
        long n;
        long bytes;
        long next;
        long max;
        boolean write;
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Session s = in.session();
        Exchanges x = in.exchanges();
        Map<Integer, Long> msize = new HashMap<>();
        Map<Long, Run> runs = new HashMap<>();
        long requests = 0;
        long bytes = 0;
        long saved = 0;
        long smallWait = 0;
        List<Integer> evidence = new ArrayList<>();
        List<Long> fids = new ArrayList<>();
        for (int k = 0; k < x.size(); k++) {
            int i = x.index(k);
            int type = s.typeCode(i);
            if (type == NinePTypes.TVERSION && x.answered(k) && s.message(s.peer(i)) instanceof Rversion v) {
                msize.put(s.conn(i), v.msize());
                continue;
            }
            if ((type != NinePTypes.TREAD && type != NinePTypes.TWRITE) || x.bytes(k) <= 0) {
                continue;
            }
            long fid;
            long offset;
            if (s.message(i) instanceof Tread r) {
                fid = r.fid();
                offset = r.offset();
            } else if (s.message(i) instanceof Twrite w) {
                fid = w.fid();
                offset = w.offset();
            } else {
                continue;
            }
            requests++;
            bytes += x.bytes(k);
            long max = Math.max(1, msize.getOrDefault(s.conn(i), DEFAULT_MSIZE) - IOHDRSZ);
            long key = (long) s.conn(i) << 32 | fid;
            boolean write = type == NinePTypes.TWRITE;
            Run run = runs.get(key);
            if (run == null || run.write != write || run.next != offset) {
                if (run != null) {
                    saved += savable(run);
                }
                run = new Run();
                run.write = write;
                run.max = max;
                runs.put(key, run);
            }
            run.n++;
            run.bytes += x.bytes(k);
            run.next = offset + x.bytes(k);
            if (x.bytes(k) < max / 2) {
                smallWait += Math.max(0, x.waitNanos(k));
                if (evidence.size() < Evidence.LIMIT && run.n > 1) {
                    evidence.add(i);
                    if (!fids.contains(fid)) {
                        fids.add(fid);
                    }
                }
            }
        }
        for (Run run : runs.values()) {
            saved += savable(run);
        }
        long max = Math.max(1, msize.values().stream().mapToLong(Long::longValue).max().orElse(DEFAULT_MSIZE) - IOHDRSZ);
        if (saved == 0) {
            return Finding.ok(this, requests == 0 ? "No file data was read or written."
                    : requests + " reads and writes, none that fewer, larger requests could have done.");
        }
        double share = (double) saved / Math.max(1, x.size());
        String summary = requests + " Tread/Twrite moved " + bytes + " bytes; sequential runs on one fid could have "
                + "used " + saved + " fewer requests with msize-sized messages (" + Durations.percent(share)
                + " of all requests).";
        String explanation = "Each read(2) or write(2) of a file without a page cache becomes one 9P request of the "
                + "application's buffer size, so a sequential read or write in small pieces pays one round trip per "
                + "piece although one message could carry up to msize − " + IOHDRSZ + " = " + max + " bytes.";
        String fix = "Mount with cache=loose (or cache=readahead for reads, cache=mmap for writes) so that the page cache "
                + "reads ahead and writes back in large requests; give the application larger buffers "
                + "(e.g. dd bs=1M); a larger msize raises the ceiling.";
        return Finding.scored(this, Score.of(share, INFO_SHARE, WARNING_SHARE), summary, explanation, fix, smallWait,
                new Evidence(evidence, fids, List.of(), List.of()));
    }

    private static long savable(Run run) {
        long needed = (run.bytes + run.max - 1) / run.max;
        return Math.max(0, run.n - needed);
    }
}
