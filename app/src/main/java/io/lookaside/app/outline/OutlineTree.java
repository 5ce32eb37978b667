package io.lookaside.app.outline;

import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NodeLifetime;
import io.lookaside.session.Connection;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of the outline: a connection, a fid or node id on it, or a path that fid or node had.
 *
 * @param label    what the tree shows, without the count
 * @param kind     what the entry is
 * @param messages how many messages fall under it
 * @param first    the first of those messages (index in the session)
 * @param children the entries under it, the busiest first
 */
public record OutlineTree(String label, Kind kind, int messages, int first, List<OutlineTree> children) {

    public enum Kind { CONNECTION, FID, NODE, PATH, OTHER }

    /** A connection's fids (or node ids) beyond this many are summed in one entry: a tree of 100 000 fids helps nobody. */
    static final int MAX_CHILDREN = 500;

    public OutlineTree {
        children = List.copyOf(children);
    }

    /** The tree of {@code s}: one entry per connection. O(messages); runs off the FX thread. */
    public static List<OutlineTree> of(Session s, Lifecycles lc) {
        // conn → fid or nodeid → path → [count, first]
        Map<Integer, Map<Long, Map<String, int[]>>> byConn = new LinkedHashMap<>();
        Map<Integer, int[]> connTotals = new LinkedHashMap<>();
        for (int i = 0; i < s.size(); i++) {
            int c = s.conn(i);
            int[] ct = connTotals.computeIfAbsent(c, k -> new int[] {0, -1});
            ct[0]++;
            if (ct[1] < 0) {
                ct[1] = i;
            }
            long id;
            FidLifetime f = lc.fid(i);
            NodeLifetime n = f == null ? lc.node(i) : null;
            if (f != null) {
                id = f.fid();
            } else if (n != null) {
                id = n.nodeid();
            } else {
                id = -1; // version, attach, flush, init: no fid or node
            }
            String path = lc.path(i);
            int[] pc = byConn.computeIfAbsent(c, k -> new HashMap<>()).computeIfAbsent(id, k -> new HashMap<>())
                    .computeIfAbsent(path == null ? "" : path, k -> new int[] {0, -1});
            pc[0]++;
            if (pc[1] < 0) {
                pc[1] = i;
            }
        }
        List<OutlineTree> out = new ArrayList<>();
        for (Map.Entry<Integer, int[]> ce : connTotals.entrySet()) {
            Connection conn = s.connections().get(ce.getKey());
            boolean fuse = "fuse".equals(conn.protocol().key());
            List<OutlineTree> ids = new ArrayList<>();
            for (Map.Entry<Long, Map<String, int[]>> ie : byConn.get(ce.getKey()).entrySet()) {
                List<OutlineTree> paths = new ArrayList<>();
                int total = 0;
                int first = Integer.MAX_VALUE;
                for (Map.Entry<String, int[]> pe : ie.getValue().entrySet()) {
                    int[] v = pe.getValue();
                    total += v[0];
                    first = Math.min(first, v[1]);
                    paths.add(new OutlineTree(pe.getKey().isEmpty() ? "(no path)" : pe.getKey(), Kind.PATH, v[0], v[1], List.of()));
                }
                long id = ie.getKey();
                String label = id < 0 ? "(no " + (fuse ? "node id" : "fid") + ")" : (fuse ? "node " : "fid ") + Long.toUnsignedString(id);
                ids.add(new OutlineTree(label, id < 0 ? Kind.OTHER : fuse ? Kind.NODE : Kind.FID, total, first, busiestFirst(paths)));
            }
            String label = conn.id() + " · " + (fuse ? "FUSE" : "9P");
            out.add(new OutlineTree(label, Kind.CONNECTION, ce.getValue()[0], ce.getValue()[1], capped(busiestFirst(ids))));
        }
        return out;
    }

    private static List<OutlineTree> busiestFirst(List<OutlineTree> l) {
        l.sort(Comparator.comparingInt(OutlineTree::messages).reversed().thenComparingInt(OutlineTree::first));
        return l;
    }

    private static List<OutlineTree> capped(List<OutlineTree> l) {
        if (l.size() <= MAX_CHILDREN) {
            return l;
        }
        List<OutlineTree> out = new ArrayList<>(l.subList(0, MAX_CHILDREN));
        int rest = 0;
        int first = Integer.MAX_VALUE;
        for (OutlineTree t : l.subList(MAX_CHILDREN, l.size())) {
            rest += t.messages();
            first = Math.min(first, t.first());
        }
        out.add(new OutlineTree((l.size() - MAX_CHILDREN) + " more", Kind.OTHER, rest, first, List.of()));
        return out;
    }
}
