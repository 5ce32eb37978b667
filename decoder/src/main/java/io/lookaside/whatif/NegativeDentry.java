package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.Lookup;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.session.Session;
import java.util.List;
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
final class NegativeDentry implements OnePassModel {
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

    /**
     * One pass for all windows: each walk's lookups are keyed once, then every window's cache
     * takes them. What other connections changed does not depend on the window: it is kept once.
     */
    @Override
    public List<Outcome> simulate(Session s, Lifecycles l, List<Long> windows) {
        NinePKeys keys = new NinePKeys(s);
        ForeignChangesById foreign = new ForeignChangesById();
        List<Cache> caches = windows.stream().map(w -> new Cache(s, w)).toList();
        for (int nth = 0; nth < l.ninePReplies(); nth++) {
            int rep = l.ninePReply(nth);
            int req = s.peer(rep);
            int type = s.typeCode(req);
            long now = s.tsNanos(rep);
            if (type == NinePTypes.TWALK) {
                walked(s, l, keys, req, now, foreign, caches);
            } else if (NinePExchanges.changesEntries(type) && NinePExchanges.succeeded(s, rep)) {
                created(s, l, keys, req, now, foreign, caches);
            }
        }
        return caches.stream().map(c -> c.marks.outcome()).toList();
    }

    /** One window's negative dentries: per entry id, when the server last said it does not exist. */
    private record Cache(long window, Marks marks, LongsById negative) {
        Cache(Session s, long window) {
            this(window, new Marks(s), new LongsById());
        }
    }

    private static void walked(Session s, Lifecycles l, NinePKeys keys, int req, long now,
                               ForeignChangesById foreign, List<Cache> caches) {
        var d = l.dentries();
        int first = d.first(req);
        int n = d.count(req);
        for (int k = 0; k < n; k++) {
            Lookup x = d.get(first + k);
            if (x.result() == Lookup.Result.FAILED) {
                continue;
            }
            int key = keys.entry(d, first + k);
            if (x.result() == Lookup.Result.FOUND) {
                for (Cache c : caches) {
                    c.negative().remove(key);
                }
                continue;
            }
            boolean firstName = k == 0;
            int change = firstName ? keys.entryChange(key) : -1;
            for (Cache c : caches) {
                long cachedAt = c.negative().get(key);
                if (firstName && cachedAt != LongsById.NONE && Windows.within(cachedAt, now, c.window())) {
                    if (foreign.changedByOthers(change, x.conn(), cachedAt)) {
                        c.marks().stale(req);
                        c.negative().put(key, now);
                    } else {
                        c.marks().eliminate(req);
                    }
                } else {
                    c.negative().put(key, now);
                }
            }
        }
    }

    /** A name this connection made exist: its negative dentry goes; others' caches would be stale. */
    private static void created(Session s, Lifecycles l, NinePKeys keys, int req, long now,
                                ForeignChangesById foreign, List<Cache> caches) {
        int conn = s.conn(req);
        for (NinePExchanges.EntryChange c : NinePExchanges.entryChanges(s, l, req, NinePExchanges.decode(s, req))) {
            if (!c.created()) {
                continue;
            }
            int key = keys.entry(keys.file(conn, c.dir(), req), c.name());
            for (Cache w : caches) {
                w.negative().remove(key);
            }
            int change = keys.entryChange(key);
            if (change >= 0) {
                foreign.changed(change, conn, now);
            }
        }
    }
}
