package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.Lookup;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.session.Session;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A client change: after a storm of failed lookups in one directory (a compiler searching its
 * include path, a loader its library path), read the directory once and answer the remaining
 * misses from the listing, instead of one failing Twalk per name.
 */
final class LookupStormListing implements OnePassModel {
    /**
     * Misses within {@link #BURST} that start a listing. A listing costs about four round trips
     * (clone, Tlopen, Treaddir, Tclunk) for a small directory, so listing after fewer misses would
     * not pay; eight keeps a margin of two.
     */
    static final int MISSES = 8;
    static final long BURST = 1_000_000_000L;

    @Override
    public String id() {
        return "lookup-storm-listing";
    }

    @Override
    public String title() {
        return "Negative-lookup storm answered by a listing";
    }

    @Override
    public String assumptions() {
        return "When " + MISSES + " walks in one directory fail with ENOENT within one second, the client "
                + "lists the directory and keeps the listing for the window: later misses in it are saved (a "
                + "name absent from the listing does not exist). The listing's own round trips (about four: "
                + "clone, Tlopen, Treaddir, Tclunk) are not subtracted from the savings. Creating, removing or "
                + "renaming a name in the directory on this connection drops the listing; another connection "
                + "doing so makes later hits stale.";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    /**
     * One pass for all windows: each failed walk's directory is keyed once, then every window's
     * listings take it. What other connections changed does not depend on the window: it is kept
     * once, keyed by (server, directory qid.path).
     */
    @Override
    public List<Outcome> simulate(Session s, Lifecycles l, List<Long> windows) {
        NinePKeys keys = new NinePKeys(s);
        ForeignChangesById foreign = new ForeignChangesById();
        List<Cache> caches = windows.stream().map(w -> new Cache(s, w)).toList();
        for (int nth = 0; nth < l.ninePReplies(); nth++) {
            int rep = l.ninePReply(nth);
            int req = s.peer(rep);
            long now = s.tsNanos(rep);
            if (s.typeCode(req) == NinePTypes.TWALK) {
                var d = l.dentries();
                int first = d.first(req);
                if (first < 0 || !d.get(first).negative()) {
                    continue;
                }
                Lookup miss = d.get(first);
                int dir = keys.entryDir(keys.entry(d, first));
                int entries = keys.fileChange(dir);
                for (Cache c : caches) {
                    c.missed(req, dir, now, foreign, entries, miss.conn());
                }
            } else if (NinePExchanges.changesEntries(s.typeCode(req)) && NinePExchanges.succeeded(s, rep)) {
                int conn = s.conn(req);
                for (NinePExchanges.EntryChange ch
                        : NinePExchanges.entryChanges(s, l, req, NinePExchanges.decode(s, req))) {
                    int dir = keys.file(conn, ch.dir(), req);
                    for (Cache c : caches) {
                        c.listed.remove(dir);
                    }
                    int entries = keys.fileChange(dir);
                    if (entries >= 0) {
                        foreign.changed(entries, conn, now);
                    }
                }
            }
        }
        return caches.stream().map(c -> c.marks.outcome()).toList();
    }

    /** One window's listings and recent misses, per directory file id. */
    private static final class Cache {
        final long window;
        final Marks marks;
        /** When each directory was listed. */
        final LongsById listed = new LongsById();
        /** The times of each directory's latest misses within {@link #BURST}, at most {@link #MISSES}: a ring. */
        private long[] times = new long[0];
        private int[] head = new int[0];
        private int[] count = new int[0];

        Cache(Session s, long window) {
            this.window = window;
            this.marks = new Marks(s);
        }

        /**
         * A walk of connection {@code conn} in {@code dir} failed: answered by a listing still
         * trusted (stale when another connection changed the directory's {@code entries} since),
         * or counted towards a storm.
         */
        void missed(int req, int dir, long now, ForeignChangesById foreign, int entries, int conn) {
            long listedAt = listed.get(dir);
            if (listedAt != LongsById.NONE && Windows.within(listedAt, now, window)) {
                if (foreign.changedByOthers(entries, conn, listedAt)) {
                    marks.stale(req);
                    listed.remove(dir);
                } else {
                    marks.eliminate(req);
                }
                return;
            }
            if (dir >= count.length) {
                int n = Math.max(16, Math.max(dir + 1, count.length * 2));
                times = Arrays.copyOf(times, n * MISSES);
                head = Arrays.copyOf(head, n);
                count = Arrays.copyOf(count, n);
            }
            int base = dir * MISSES;
            int h = head[dir];
            int n = count[dir];
            times[base + (h + n) % MISSES] = now;
            n++;
            while (now - times[base + h] > BURST) {
                h = (h + 1) % MISSES;
                n--;
            }
            if (n >= MISSES) {
                listed.put(dir, now);
                h = 0;
                n = 0;
            }
            head[dir] = h;
            count[dir] = n;
        }
    }
}
