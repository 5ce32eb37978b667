package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidEnd;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Rgetattr;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.whatif.NinePExchanges.FileKey;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Symlink targets kept by the client, the second half of the v9fs patch series: the target of
 * a symlink stays in its inode's page cache, so resolving the link again sends no Treadlink
 * (Linux 6.1's v9fs_vfs_get_link_dotl sends one every time, even with cache=loose).
 *
 * <p>Trigger: a Treadlink on a fid whose file (qid.path) had its target read before, within the
 * window. When the fid existed only for that Treadlink (a clone walked for it and clunked after,
 * as userspace clients do) the clone walk and the clunk go too. Invalidators: a qid.version
 * change seen in Rgetattr, unlink, removal or rename of the link by this connection; another
 * connection's change of it makes the hit stale.
 */
final class SymlinkCache implements WhatIfModel {
    @Override
    public String id() {
        return "symlink";
    }

    @Override
    public String title() {
        return "Symlink target cache";
    }

    @Override
    public String assumptions() {
        return "A link's target, once read, is kept for the window, keyed by the link's qid.path (a symlink's "
                + "target never changes in place: changing it means a new file). The walk that found the link "
                + "is not saved here (positive dentries do that); only when a fid was cloned just to read the "
                + "link and clunked after are its walk and clunk saved too. Unlinking, removing or renaming the "
                + "link, or a new qid.version for it, drops the target; another connection doing so makes the "
                + "hit stale.";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    @Override
    public Outcome simulate(Session s, Lifecycles l, long window) {
        Marks marks = new Marks(s);
        int[] uses = uses(s, l);
        Map<FileKey, Long> targets = new HashMap<>();
        Map<FileKey, Long> versions = new HashMap<>();
        ForeignChanges foreign = new ForeignChanges();
        for (int rep = 0; rep < s.size(); rep++) {
            if (!NinePExchanges.answeredNineP(s, rep) || !NinePExchanges.succeeded(s, rep)) {
                continue;
            }
            int req = s.peer(rep);
            int type = s.typeCode(req);
            int conn = s.conn(req);
            long now = s.tsNanos(rep);
            FidLifetime f = l.fid(req);
            if (type == NinePTypes.TREADLINK && f != null) {
                FileKey fk = NinePExchanges.file(conn, f, req);
                Long cachedAt = targets.get(fk);
                if (cachedAt == null || !Windows.within(cachedAt, now, window)) {
                    targets.put(fk, now);
                } else if (f.qidKnown() && foreign.changedByOthers(NinePExchanges.server(s, req),
                        new ForeignChanges.File(f.qidPath()), conn, cachedAt)) {
                    marks.stale(req);
                    targets.put(fk, now);
                } else {
                    marks.eliminate(req);
                    dropCloneMadeFor(s, f, uses, marks);
                }
            } else if (type == NinePTypes.TGETATTR && f != null
                    && NinePExchanges.decode(s, rep) instanceof Rgetattr g) {
                FileKey fk = NinePExchanges.file(conn, f, req);
                Long before = versions.put(fk, g.qid().version());
                if (before != null && before != g.qid().version()) {
                    targets.remove(fk);
                }
            } else if (type == NinePTypes.TUNLINKAT || type == NinePTypes.TRENAMEAT || type == NinePTypes.TRENAME
                    || type == NinePTypes.TREMOVE) {
                OptionalLong gone = l.entryQid(req);
                if (gone.isPresent()) {
                    targets.remove(new FileKey(conn, true, gone.getAsLong(), null));
                    foreign.changed(NinePExchanges.server(s, req), new ForeignChanges.File(gone.getAsLong()), conn,
                            now);
                }
            }
        }
        return marks.outcome();
    }

    /** How many requests act on each fid lifetime. */
    private static int[] uses(Session s, Lifecycles l) {
        int[] uses = new int[l.fids().size()];
        for (int i = 0; i < s.size(); i++) {
            if (s.direction(i) == Direction.REQUEST) {
                FidLifetime f = l.fid(i);
                if (f != null) {
                    uses[f.index()]++;
                }
            }
        }
        return uses;
    }

    /** A clone used for nothing but this Treadlink and its clunk would not have been made. */
    private static void dropCloneMadeFor(Session s, FidLifetime f, int[] uses, Marks marks) {
        boolean clunked = f.end() == FidEnd.CLUNKED && f.endedAt() >= 0;
        if (f.origin() != FidOrigin.CLONE || uses[f.index()] != (clunked ? 2 : 1)) {
            return;
        }
        int walk = s.peer(f.createdAt());
        if (walk >= 0) {
            marks.eliminate(walk);
        }
        if (clunked) {
            int clunk = s.direction(f.endedAt()) == Direction.REPLY ? s.peer(f.endedAt()) : f.endedAt();
            if (clunk >= 0) {
                marks.eliminate(clunk);
            }
        }
    }
}
