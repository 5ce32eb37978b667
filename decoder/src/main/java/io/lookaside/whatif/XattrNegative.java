package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePErrors;
import io.lookaside.ninep.NinePMessage;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Txattrwalk;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A negative cache for extended attributes: the same Txattrwalk answered ENODATA again and
 * again on one file — typically security.capability, which the kernel looks up before every
 * buffered write to see whether privileges must be dropped (file_remove_privs) — is answered
 * from memory until the file's attributes change.
 */
final class XattrNegative implements OnePassModel {
    @Override
    public String id() {
        return "xattr-negative";
    }

    @Override
    public String title() {
        return "Extended-attribute negative cache";
    }

    @Override
    public String assumptions() {
        return "An attribute name a file was found not to have (Txattrwalk answered ENODATA) is remembered for "
                + "the window, keyed by the file's qid.path and the name; asking again is saved. Txattrcreate on "
                + "the file by this connection forgets what was remembered for it; another connection's "
                + "Txattrcreate on it makes later hits stale. Attributes set by other means (a server-side "
                + "setxattr) are not seen.";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    /**
     * One pass for all windows: each exchange is decoded and keyed once, then every window's
     * cache takes it. What other connections changed does not depend on the window: it is kept
     * once, keyed by (server, qid.path).
     */
    @Override
    public List<Outcome> simulate(Session s, Lifecycles l, List<Long> windows) {
        NinePKeys keys = new NinePKeys(s);
        ForeignChangesById foreign = new ForeignChangesById();
        /** (file id, name) → attribute id, and per file id the attribute ids of its names. */
        PairIds attributes = new PairIds();
        Map<Integer, List<Integer>> attributesOf = new HashMap<>();
        List<Cache> caches = windows.stream().map(w -> new Cache(s, w)).toList();
        for (int nth = 0; nth < l.ninePReplies(); nth++) {
            int rep = l.ninePReply(nth);
            int req = s.peer(rep);
            int type = s.typeCode(req);
            if (type != NinePTypes.TXATTRWALK && type != NinePTypes.TXATTRCREATE) {
                continue;
            }
            FidLifetime f = l.fid(req);
            if (f == null) {
                continue;
            }
            int conn = s.conn(req);
            long now = s.tsNanos(rep);
            int fk = keys.file(conn, f, req);
            int xattrs = keys.fileChange(fk);
            NinePMessage r = NinePExchanges.decode(s, rep);
            if (type == NinePTypes.TXATTRCREATE) {
                if (NinePErrors.ecode(r) == NinePErrors.NONE) {
                    for (int a : attributesOf.getOrDefault(fk, List.of())) {
                        for (Cache c : caches) {
                            c.missing.remove(a);
                        }
                    }
                    if (xattrs >= 0) {
                        foreign.changed(xattrs, conn, now);
                    }
                }
                continue;
            }
            if (!(NinePExchanges.decode(s, req) instanceof Txattrwalk t)) {
                continue;
            }
            int known = attributes.size();
            int a = attributes.intern(fk, keys.string(t.name()));
            if (a == known) {
                attributesOf.computeIfAbsent(fk, k -> new ArrayList<>()).add(a);
            }
            boolean absent = NinePErrors.ecode(r) == NinePExchanges.ENODATA;
            for (Cache c : caches) {
                c.asked(req, a, absent, now, foreign, xattrs, conn);
            }
        }
        return caches.stream().map(c -> c.marks.outcome()).toList();
    }

    /** One window's cache: per attribute id, when the file was found not to have it. */
    private record Cache(long window, Marks marks, LongsById missing) {
        Cache(Session s, long window) {
            this(window, new Marks(s), new LongsById());
        }

        /**
         * Txattrwalk of attribute {@code a} by connection {@code conn}, answered ENODATA
         * ({@code absent}) or not; {@code xattrs} keys the file's attributes server-wide.
         */
        void asked(int req, int a, boolean absent, long now, ForeignChangesById foreign, int xattrs, int conn) {
            if (!absent) {
                missing.remove(a);
                return;
            }
            long cachedAt = missing.get(a);
            if (cachedAt == LongsById.NONE || !Windows.within(cachedAt, now, window)) {
                missing.put(a, now);
            } else if (foreign.changedByOthers(xattrs, conn, cachedAt)) {
                marks.stale(req);
                missing.put(a, now);
            } else {
                marks.eliminate(req);
            }
        }
    }
}
