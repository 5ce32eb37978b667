package io.lookaside.whatif;

import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * no_open / no_opendir (FUSE_NO_OPEN_SUPPORT 7.27, FUSE_NO_OPENDIR_SUPPORT 7.29): a daemon whose
 * open gives the kernel nothing answers OPEN (OPENDIR) with ENOSYS once, and the kernel then sends
 * neither OPEN nor RELEASE (OPENDIR nor RELEASEDIR) again (fs/fuse/file.c fuse_file_open()).
 * The handle "gives nothing" when no FOPEN flag and no backing id is set and the fh cannot name
 * an open file: the same value for every open, and either 0 or shared by two handles open at
 * the same time.
 */
final class NoOpen extends FuseModel {
    private static final FuseOps OPS = FuseOps.of(FuseOpcode.OPEN, FuseOpcode.OPENDIR, FuseOpcode.RELEASE,
            FuseOpcode.RELEASEDIR, FuseOpcode.CREATE);

    /** What the opens of one kind on one connection looked like. */
    private static final class Kind {
        long opens;
        long fh;
        boolean constant = true;
        boolean flagsFree = true;
        int live;
        int maxLive;

        boolean empty() {
            return opens > 0 && constant && flagsFree && (fh == 0 || maxLive >= 2);
        }
    }

    private record KindKey(int conn, boolean dir) {
    }

    /** Marks a handle that CREATE opened. */
    private static final KindKey CREATED = new KindKey(-1, false);

    @Override
    public String id() {
        return "no-open";
    }

    @Override
    public String title() {
        return "no_open / no_opendir";
    }

    @Override
    public boolean windowed() {
        return false;
    }

    @Override
    public String assumptions() {
        return "Where every successful OPEN (or OPENDIR) of a connection returned the same fh, no FOPEN flag and no "
                + "backing id, and that fh is 0 or was shared by two handles open at once (so it cannot name a file), "
                + "the daemon could answer ENOSYS and let the kernel skip opens: each OPEN and the RELEASE that "
                + "closes its handle (OPENDIR and RELEASEDIR) leave the wire. The saved wait is the OPEN's, which the "
                + "opening process waited for; RELEASE is sent in the background (its pid is 0) and only shortens "
                + "the daemon's queue. An fh that is constant only because one handle was open at a time (a daemon "
                + "reusing one file descriptor number) is assumed to carry state and is not counted; the remarks say "
                + "where that happened. Failed opens stay: their errors would then surface later. CREATE's handle "
                + "keeps its RELEASE (fs/fuse/dir.c fuse_create_open()). The window plays no part.";
    }

    @Override
    void run(Session s, long window, Marks marks) {
        Map<KindKey, Kind> kinds = survey(s);
        walk(s, new Visitor() {
            @Override
            public void opened(int reply, KindKey kind, FuseReply.Open o) {
                if (kinds.get(kind).empty()) {
                    marks.eliminate(s.peer(reply));
                }
            }

            @Override
            public void released(int request, KindKey kind) {
                if (kinds.get(kind).empty()) {
                    marks.eliminate(request);
                }
            }
        });
    }

    /** Per connection and kind (file, directory): fh values, flags and how many handles were open at once. */
    private static Map<KindKey, Kind> survey(Session s) {
        Map<KindKey, Kind> kinds = new LinkedHashMap<>();
        walk(s, new Visitor() {
            @Override
            public void opened(int reply, KindKey kind, FuseReply.Open o) {
                Kind k = kinds.computeIfAbsent(kind, x -> new Kind());
                if (k.opens > 0 && o.fh() != k.fh) {
                    k.constant = false;
                }
                k.fh = o.fh();
                k.opens++;
                if (o.open_flags() != 0 || o.backing_id() != 0) {
                    k.flagsFree = false;
                }
                k.live++;
                k.maxLive = Math.max(k.maxLive, k.live);
            }

            @Override
            public void released(int request, KindKey kind) {
                kinds.get(kind).live--;
            }
        });
        return kinds;
    }

    /** Successful OPEN/OPENDIR replies, and the RELEASE/RELEASEDIR requests that close their handles. */
    private interface Visitor {
        void opened(int reply, KindKey kind, FuseReply.Open o);

        void released(int request, KindKey kind);
    }

    /**
     * Walks opens and releases in order. A RELEASE is matched by (node, fh) to the latest open
     * handle (the kernel sends the node with it); a CREATE's handle, or one opened before the
     * capture, is not an OPEN's.
     */
    private static void walk(Session s, Visitor v) {
        Map<FuseTrace.Handle, ArrayDeque<KindKey>> handles = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (!FuseTrace.isFuse(s, i) || !OPS.has(s.typeCode(i))) {
                continue;
            }
            int conn = s.conn(i);
            if (s.direction(i) == Direction.REPLY) {
                FuseRequest r = FuseTrace.request(s, s.peer(i));
                FuseReply a = FuseTrace.reply(s, i);
                if ((r instanceof FuseRequest.Open || r instanceof FuseRequest.Opendir)
                        && a instanceof FuseReply.Open o) {
                    KindKey kind = new KindKey(conn, r instanceof FuseRequest.Opendir);
                    handles.computeIfAbsent(new FuseTrace.Handle(conn, r.header().nodeid(), o.fh()),
                            k -> new ArrayDeque<>()).push(kind);
                    v.opened(i, kind, o);
                } else if (r instanceof FuseRequest.Create && a instanceof FuseReply.Create c) {
                    handles.computeIfAbsent(new FuseTrace.Handle(conn, c.entry_out().nodeid(), c.fh()),
                            k -> new ArrayDeque<>()).push(CREATED);
                }
            } else if (s.direction(i) == Direction.REQUEST) {
                FuseRequest r = FuseTrace.request(s, i);
                FuseTrace.Handle h = r instanceof FuseRequest.Release rel
                        ? new FuseTrace.Handle(conn, r.header().nodeid(), rel.fh())
                        : r instanceof FuseRequest.Releasedir rel
                        ? new FuseTrace.Handle(conn, r.header().nodeid(), rel.fh()) : null;
                ArrayDeque<KindKey> open = h == null ? null : handles.get(h);
                if (open != null && !open.isEmpty()) {
                    KindKey kind = open.pop();
                    if (!CREATED.equals(kind)) {
                        v.released(i, kind);
                    }
                }
            }
        }
    }

    @Override
    List<String> notes(Session s) {
        List<String> out = new ArrayList<>();
        for (var e : survey(s).entrySet()) {
            Kind k = e.getValue();
            String what = e.getKey().dir() ? "OPENDIR" : "OPEN";
            String conn = s.connections().get(e.getKey().conn()).id();
            if (k.empty()) {
                out.add("Connection " + conn + ": " + k.opens + " " + what + "s returned fh " + Long.toUnsignedString(k.fh)
                        + " with no flags" + (k.fh == 0 ? "" : ", shared by up to " + k.maxLive + " open handles")
                        + ": the handle carries nothing.");
            } else if (k.constant && k.flagsFree) {
                out.add("Connection " + conn + ": " + k.opens + " " + what + "s all returned fh "
                        + Long.toUnsignedString(k.fh) + " with no flags, but never for two open handles at once: "
                        + "the daemon may be reusing one file descriptor, so the fh is assumed to carry state and "
                        + "these opens are not counted. If it really carries nothing, no_open"
                        + (e.getKey().dir() ? "dir" : "") + " would save " + k.opens + " " + what + " round trips.");
            } else if (!k.flagsFree) {
                out.add("Connection " + conn + ": " + what + " replies set FOPEN flags or a backing id, which "
                        + "no_open" + (e.getKey().dir() ? "dir" : "") + " would lose; not counted.");
            } else {
                out.add("Connection " + conn + ": " + what + " returned different fh values: the daemon keeps state "
                        + "per handle; not counted.");
            }
        }
        return out;
    }
}
