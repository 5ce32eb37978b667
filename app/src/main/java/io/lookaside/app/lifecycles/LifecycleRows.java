package io.lookaside.app.lifecycles;

import io.lookaside.analysis.Exchanges;
import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.TaskContext;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.HandleLifetime;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NodeLifetime;
import io.lookaside.lifecycle.NodeOrigin;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The lifecycles' tables as rows, prepared off the FX thread once per analysed session from
 * the engine's {@link Lifecycles}: 9P fids, FUSE nodeids and file handles, and FUSE lookups by
 * path for the dentry query (9P answers it from {@code Lifecycles.dentries()} directly).
 */
record LifecycleRows(List<FidRow> fids, List<NodeRow> nodes, List<HandleRow> handles,
                     List<FidRow> leakedFids, List<NodeRow> leakedNodes, List<HandleRow> leakedHandles,
                     Map<String, FuseLookups> fuseLookups) {

    /**
     * One fid lifetime.
     *
     * @param createdAt the message that made the binding (the one a double-click opens)
     * @param leaked    still bound when the capture ended
     */
    public record FidRow(int createdAt, String conn, long fid, String origin, long createdFrame, String opened,
                         String ended, String path, boolean leaked) {
    }

    /** One FUSE nodeid lifetime. */
    public record NodeRow(int createdAt, String conn, long nodeid, String origin, long createdFrame, long lookups,
                          String forgotten, String path, boolean leaked) {
    }

    /** One FUSE file handle. */
    public record HandleRow(int openedAt, String conn, long fh, String kind, long openedFrame, String flags,
                            String released, String path, boolean leaked) {
    }

    /** The FUSE LOOKUPs of one path: how many, how many answered ENOENT, the first of them. */
    public record FuseLookups(int lookups, int notFound, int first) {
    }

    static final LifecycleRows EMPTY = new LifecycleRows(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            Map.of());

    /** Runs off the FX thread; null once cancelled. */
    static LifecycleRows of(Analyzed a, TaskContext ctx) {
        Session s = a.session();
        Lifecycles l = a.analysis().lifecycles();
        List<FidRow> fids = new ArrayList<>(l.fids().size());
        for (FidLifetime f : l.fids()) {
            if ((fids.size() & 4095) == 0 && ctx.cancelled()) {
                return null;
            }
            fids.add(new FidRow(f.createdAt(), conn(s, f.conn()), f.fid(), name(f.origin()), frame(s, f.createdAt()),
                    opened(s, f), ended(s, f), orEmpty(f.path()), f.openAtEnd()));
        }
        List<NodeRow> nodes = new ArrayList<>(l.nodes().size());
        for (NodeLifetime n : l.nodes()) {
            boolean leaked = n.rememberedAtEnd() && n.origin() != NodeOrigin.ROOT;
            nodes.add(new NodeRow(n.createdAt(), conn(s, n.conn()), n.nodeid(), name(n.origin()), frame(s, n.createdAt()),
                    n.lookups(), n.forgottenAt() >= 0 ? "forgotten at frame " + s.frame(n.forgottenAt())
                    : n.origin() == NodeOrigin.ROOT ? "root, never forgotten" : "remembered at the end",
                    orEmpty(n.path()), leaked));
        }
        List<HandleRow> handles = new ArrayList<>(l.handles().size());
        for (HandleLifetime h : l.handles()) {
            handles.add(new HandleRow(h.openedAt(), conn(s, h.conn()), h.fh(), h.directory() ? "directory" : "file",
                    frame(s, h.openedAt()), h.flags() < 0 ? "" : OpenFlags.linux(h.flags()),
                    h.openAtEnd() ? "open at the end" : "released at frame " + s.frame(h.releasedAt()),
                    orEmpty(h.path()), h.openAtEnd()));
        }
        if (ctx.cancelled()) {
            return null;
        }
        return new LifecycleRows(fids, nodes, handles, leaked(fids, FidRow::leaked), leaked(nodes, NodeRow::leaked),
                leaked(handles, HandleRow::leaked), fuseLookups(s, l, a.analysis().exchanges()));
    }

    /** The rows still held at the end, prepared here so that the leaked-only filter costs the FX thread nothing. */
    private static <T> List<T> leaked(List<T> rows, Predicate<T> leaked) {
        List<T> out = new ArrayList<>();
        for (T r : rows) {
            if (leaked.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** FUSE LOOKUP requests by the path they asked for (parent's path + name, as the lifecycles attribute them). */
    private static Map<String, FuseLookups> fuseLookups(Session s, Lifecycles l, Exchanges x) {
        Map<String, int[]> counts = new HashMap<>();
        for (int k = 0; k < x.size(); k++) {
            if (!"LOOKUP".equals(x.op(k))) {
                continue;
            }
            String p = l.path(x.index(k));
            if (p == null) {
                continue;
            }
            int i = x.index(k);
            int[] c = counts.computeIfAbsent(p, q -> new int[] {0, 0, i});
            c[0]++;
            if ("ENOENT".equals(x.error(k))) {
                c[1]++;
            }
        }
        Map<String, FuseLookups> out = new HashMap<>(counts.size() * 2);
        counts.forEach((p, c) -> out.put(p, new FuseLookups(c[0], c[1], c[2])));
        return out;
    }

    private static String opened(Session s, FidLifetime f) {
        if (!f.opened()) {
            return "";
        }
        String flags = f.openFlags() < 0 ? "" : "9P2000.L".equals(s.dialect(f.openedAt())) ? OpenFlags.linux(f.openFlags())
                : OpenFlags.plan9(f.openFlags());
        return flags + " at frame " + s.frame(f.openedAt()) + (f.orclose() ? ", ORCLOSE" : "");
    }

    private static String ended(Session s, FidLifetime f) {
        return switch (f.end()) {
            case CLUNKED -> "clunked at frame " + frame(s, f.endedAt());
            case REMOVED -> "removed at frame " + frame(s, f.endedAt());
            case VERSION_RESET -> "reset by Tversion at frame " + frame(s, f.endedAt());
            case REBOUND -> "rebound at frame " + frame(s, f.endedAt());
            case CAPTURE_END -> "still bound at the end";
        };
    }

    private static String conn(Session s, int conn) {
        return conn >= 0 && conn < s.connections().size() ? s.connections().get(conn).id() : "";
    }

    private static long frame(Session s, int i) {
        return i >= 0 && i < s.size() ? s.frame(i) : 0;
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
