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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
final class SymlinkCache implements OnePassModel {
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

    /**
     * One pass for all windows: each exchange is looked at, its Rgetattr read and its file
     * identified once; what depends on the window (the targets held) is kept per window.
     */
    @Override
    public List<Outcome> simulate(Session s, Lifecycles l, List<Long> windows) {
        int n = windows.size();
        long[] window = windows.stream().mapToLong(Long::longValue).toArray();
        Marks[] marks = new Marks[n];
        FileValues[] targets = new FileValues[n];
        for (int w = 0; w < n; w++) {
            marks[w] = new Marks(s);
            targets[w] = new FileValues();
        }
        int[] uses = null;
        FileIds files = new FileIds(s, l);
        FileValues versions = new FileValues();
        ForeignChangesById foreign = new ForeignChangesById();
        for (int nth = 0; nth < l.ninePReplies(); nth++) {
            int rep = l.ninePReply(nth);
            if (!NinePExchanges.succeeded(s, rep)) {
                continue;
            }
            int req = s.peer(rep);
            int type = s.typeCode(req);
            int conn = s.conn(req);
            long now = s.tsNanos(rep);
            FidLifetime f = l.fid(req);
            if (type == NinePTypes.TREADLINK && f != null) {
                int file = files.of(conn, f, req);
                int serverFile = f.qidKnown() ? files.serverFile(conn, f.qidPath()) : -1;
                for (int w = 0; w < n; w++) {
                    FileValues held = targets[w];
                    if (!held.has(file) || !Windows.within(held.get(file), now, window[w])) {
                        held.put(file, now);
                    } else if (serverFile >= 0 && foreign.changedByOthers(serverFile, conn, held.get(file))) {
                        marks[w].stale(req);
                        held.put(file, now);
                    } else {
                        marks[w].eliminate(req);
                        if (uses == null) {
                            uses = uses(s, l);
                        }
                        dropCloneMadeFor(s, f, uses, marks[w]);
                    }
                }
            } else if (type == NinePTypes.TGETATTR && f != null) {
                ByteBuffer g = NinePFields.rgetattr(s, rep);
                if (g == null) {
                    continue;
                }
                int file = files.of(conn, f, req);
                long version = NinePFields.qidVersion(g, Rgetattr.QID);
                boolean changed = versions.has(file) && versions.get(file) != version;
                versions.put(file, version);
                if (changed) {
                    for (FileValues held : targets) {
                        held.remove(file);
                    }
                }
            } else if (type == NinePTypes.TUNLINKAT || type == NinePTypes.TRENAMEAT || type == NinePTypes.TRENAME
                    || type == NinePTypes.TREMOVE) {
                OptionalLong gone = l.entryQid(req);
                if (gone.isPresent()) {
                    int file = files.byQid(conn, gone.getAsLong());
                    for (FileValues held : targets) {
                        held.remove(file);
                    }
                    foreign.changed(files.serverFile(file), conn, now);
                }
            }
        }
        List<Outcome> out = new ArrayList<>(n);
        for (Marks m : marks) {
            out.add(m.outcome());
        }
        return out;
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
