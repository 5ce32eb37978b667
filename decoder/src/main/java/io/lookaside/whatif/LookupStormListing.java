package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.Lookup;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.session.Session;
import io.lookaside.whatif.NinePExchanges.FileKey;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client change: after a storm of failed lookups in one directory (a compiler searching its
 * include path, a loader its library path), read the directory once and answer the remaining
 * misses from the listing, instead of one failing Twalk per name.
 */
final class LookupStormListing implements WhatIfModel {
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

    /** Server-wide: the entries of a directory, by qid.path. */
    private record EntriesOf(long dirQid) {
    }

    @Override
    public Outcome simulate(Session s, Lifecycles l, long window) {
        Marks marks = new Marks(s);
        Map<FileKey, ArrayDeque<Long>> misses = new HashMap<>();
        Map<FileKey, Long> listed = new HashMap<>();
        ForeignChanges foreign = new ForeignChanges();
        for (int rep = 0; rep < s.size(); rep++) {
            if (!NinePExchanges.answeredNineP(s, rep)) {
                continue;
            }
            int req = s.peer(rep);
            long now = s.tsNanos(rep);
            if (s.typeCode(req) == NinePTypes.TWALK) {
                List<Lookup> lookups = l.dentries().at(req);
                if (lookups.isEmpty() || !lookups.get(0).negative()) {
                    continue;
                }
                Lookup miss = lookups.get(0);
                FileKey dir = NinePExchanges.entry(miss).dir();
                Long listedAt = listed.get(dir);
                if (listedAt != null && Windows.within(listedAt, now, window)) {
                    if (miss.dirQidKnown() && foreign.changedByOthers(NinePExchanges.server(s, req),
                            new EntriesOf(miss.dirQidPath()), miss.conn(), listedAt)) {
                        marks.stale(req);
                        listed.remove(dir);
                    } else {
                        marks.eliminate(req);
                    }
                    continue;
                }
                ArrayDeque<Long> recent = misses.computeIfAbsent(dir, d -> new ArrayDeque<>());
                recent.addLast(now);
                while (now - recent.peekFirst() > BURST) {
                    recent.removeFirst();
                }
                if (recent.size() >= MISSES) {
                    listed.put(dir, now);
                    recent.clear();
                }
            } else if (NinePExchanges.changesEntries(s.typeCode(req)) && NinePExchanges.succeeded(s, rep)) {
                for (NinePExchanges.EntryChange c
                        : NinePExchanges.entryChanges(s, l, req, NinePExchanges.decode(s, req))) {
                    listed.remove(NinePExchanges.file(s.conn(req), c.dir(), req));
                    if (c.dir().qidKnown()) {
                        foreign.changed(NinePExchanges.server(s, req), new EntriesOf(c.dir().qidPath()),
                                s.conn(req), now);
                    }
                }
            }
        }
        return marks.outcome();
    }
}
