package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePErrors;
import io.lookaside.ninep.NinePMessage;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Txattrwalk;
import io.lookaside.session.Session;
import io.lookaside.whatif.NinePExchanges.FileKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A negative cache for extended attributes: the same Txattrwalk answered ENODATA again and
 * again on one file — typically security.capability, which the kernel looks up before every
 * buffered write to see whether privileges must be dropped (file_remove_privs) — is answered
 * from memory until the file's attributes change.
 */
final class XattrNegative implements WhatIfModel {
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

    /** Server-wide: the extended attributes of one qid.path. */
    private record XattrsOf(long qid) {
    }

    @Override
    public Outcome simulate(Session s, Lifecycles l, long window) {
        Marks marks = new Marks(s);
        Map<FileKey, Map<String, Long>> missing = new HashMap<>();
        ForeignChanges foreign = new ForeignChanges();
        for (int rep = 0; rep < s.size(); rep++) {
            if (!NinePExchanges.answeredNineP(s, rep)) {
                continue;
            }
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
            FileKey fk = NinePExchanges.file(conn, f, req);
            NinePMessage r = NinePExchanges.decode(s, rep);
            if (type == NinePTypes.TXATTRCREATE) {
                if (NinePErrors.ecode(r) == NinePErrors.NONE) {
                    missing.remove(fk);
                    if (f.qidKnown()) {
                        foreign.changed(NinePExchanges.server(s, req), new XattrsOf(f.qidPath()), conn, now);
                    }
                }
                continue;
            }
            if (!(NinePExchanges.decode(s, req) instanceof Txattrwalk t)) {
                continue;
            }
            Map<String, Long> names = missing.computeIfAbsent(fk, k -> new HashMap<>());
            if (NinePErrors.ecode(r) != NinePExchanges.ENODATA) {
                names.remove(t.name());
                continue;
            }
            Long cachedAt = names.get(t.name());
            if (cachedAt == null || !Windows.within(cachedAt, now, window)) {
                names.put(t.name(), now);
            } else if (f.qidKnown() && foreign.changedByOthers(NinePExchanges.server(s, req),
                    new XattrsOf(f.qidPath()), conn, cachedAt)) {
                marks.stale(req);
                names.put(t.name(), now);
            } else {
                marks.eliminate(req);
            }
        }
        return marks.outcome();
    }
}
