package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.Lookup;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.session.Session;
import io.lookaside.whatif.NinePExchanges.EntryKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 9P negative dentries, the {@code negtimeout=} patch for v9fs loose mounts: a lookup that
 * failed with ENOENT leaves a negative dentry that answers the same lookup again until it
 * expires, instead of the dentry being dropped as Linux 6.1's v9fs_cached_dentry_delete does.
 *
 * <p>Trigger: a Twalk whose first name was not found (Rlerror/Rerror ENOENT; a partial Rwalk's
 * failing name is cached too). Key: (connection, directory identity, name), the directory by
 * qid.path when known, else by path. A later walk of the same key within the window is
 * eliminated. Invalidators: this connection creating the name (Tlcreate, Tcreate, Tmkdir,
 * Tsymlink, Tmknod, Tlink, rename onto it), or finding it; another connection to the same
 * server creating it makes the hit stale.
 */
final class NegativeDentry implements WhatIfModel {
    @Override
    public String id() {
        return "negative-dentry";
    }

    @Override
    public String title() {
        return "9P negative dentries (negtimeout)";
    }

    @Override
    public String assumptions() {
        return "The client walks one name at a time, as Linux does, so a walk whose first name was not found "
                + "could have been answered by a negative dentry left by an earlier failure of the same name in "
                + "the same directory. The timeout counts from the last failure the server reported (the patch "
                + "refreshes it on every negative lookup). Only the walk is saved: a failed walk creates no fid, "
                + "so no Tgetattr or Tclunk follows it. Names created by this connection are dropped from the "
                + "cache; names created by another connection to the same server would have been answered "
                + "wrongly, and are counted as stale, not saved. Memory pressure never evicts a dentry.";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    @Override
    public Outcome simulate(Session s, Lifecycles l, long windowNanos) {
        Marks marks = new Marks(s);
        Map<EntryKey, Long> negative = new HashMap<>();
        ForeignChanges foreign = new ForeignChanges();
        for (int rep = 0; rep < s.size(); rep++) {
            if (!NinePExchanges.answeredNineP(s, rep)) {
                continue;
            }
            int req = s.peer(rep);
            int type = s.typeCode(req);
            long now = s.tsNanos(rep);
            if (type == NinePTypes.TWALK) {
                walked(s, l, req, now, windowNanos, negative, foreign, marks);
            } else if (NinePExchanges.changesEntries(type) && NinePExchanges.succeeded(s, rep)) {
                created(s, l, req, now, negative, foreign);
            }
        }
        return marks.outcome();
    }

    private static void walked(Session s, Lifecycles l, int req, long now, long window,
                               Map<EntryKey, Long> negative, ForeignChanges foreign, Marks marks) {
        List<Lookup> lookups = l.dentries().at(req);
        for (int k = 0; k < lookups.size(); k++) {
            Lookup x = lookups.get(k);
            EntryKey key = NinePExchanges.entry(x);
            if (x.result() == Lookup.Result.FOUND) {
                negative.remove(key);
                continue;
            }
            if (x.result() != Lookup.Result.NOT_FOUND) {
                continue;
            }
            Long cachedAt = negative.get(key);
            boolean firstName = k == 0;
            if (firstName && cachedAt != null && Windows.within(cachedAt, now, window)) {
                if (x.dirQidKnown() && foreign.changedByOthers(NinePExchanges.server(s, req),
                        new ForeignChanges.Entry(x.dirQidPath(), x.name()), x.conn(), cachedAt)) {
                    marks.stale(req);
                    negative.put(key, now);
                } else {
                    marks.eliminate(req);
                }
            } else {
                negative.put(key, now);
            }
        }
    }

    /** A name this connection made exist: its negative dentry goes; others' caches would be stale. */
    private static void created(Session s, Lifecycles l, int req, long now, Map<EntryKey, Long> negative,
                                ForeignChanges foreign) {
        int conn = s.conn(req);
        for (NinePExchanges.EntryChange c : NinePExchanges.entryChanges(s, l, req, NinePExchanges.decode(s, req))) {
            if (!c.created()) {
                continue;
            }
            negative.remove(NinePExchanges.entry(conn, c.dir(), req, c.name()));
            if (c.dir().qidKnown()) {
                foreign.changed(NinePExchanges.server(s, req), new ForeignChanges.Entry(c.dir().qidPath(), c.name()),
                        conn, now);
            }
        }
    }
}
