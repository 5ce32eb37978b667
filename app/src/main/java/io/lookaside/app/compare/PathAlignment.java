package io.lookaside.app.compare;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same workload in two captures, aligned by path: for every path either capture touched,
 * its first message on each side and how many lookups (9P Twalk, FUSE LOOKUP) each side sent
 * for it. Rows come in A's order of first occurrence, then the paths only B touched. A path B
 * looked up fewer times than A is a walk B's configuration (cache=loose, a longer entry
 * timeout) removed.
 *
 * @param path     the path, relative to the attach root
 * @param firstA   the first message of A concerning it (index), or -1
 * @param firstB   the same in B, or -1
 * @param lookupsA lookups of it in A
 * @param lookupsB lookups of it in B
 * @param messagesA every message of A concerning it
 * @param messagesB every message of B concerning it
 */
public record PathAlignment(String path, int firstA, int firstB, int lookupsA, int lookupsB, int messagesA,
                            int messagesB) {
    /** Rows beyond this many are left out: the alignment is read by a person. */
    public static final int MAX_ROWS = 50_000;

    /** Lookups B did not make: positive when B's configuration removed walks of this path. */
    public int lookupsRemoved() {
        return lookupsA - lookupsB;
    }

    /** Aligns the paths of {@code a} and {@code b}. O(messages of both). */
    public static List<PathAlignment> of(Session a, Lifecycles la, Session b, Lifecycles lb) {
        Map<String, int[]> sa = paths(a, la);
        Map<String, int[]> sb = paths(b, lb);
        List<PathAlignment> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : sa.entrySet()) {
            int[] x = e.getValue();
            int[] y = sb.get(e.getKey());
            out.add(new PathAlignment(e.getKey(), x[0], y == null ? -1 : y[0], x[1], y == null ? 0 : y[1], x[2],
                    y == null ? 0 : y[2]));
            if (out.size() >= MAX_ROWS) {
                return out;
            }
        }
        for (Map.Entry<String, int[]> e : sb.entrySet()) {
            if (!sa.containsKey(e.getKey())) {
                int[] y = e.getValue();
                out.add(new PathAlignment(e.getKey(), -1, y[0], 0, y[1], 0, y[2]));
                if (out.size() >= MAX_ROWS) {
                    break;
                }
            }
        }
        return out;
    }

    /** path → {first message, lookups, messages}, in order of first occurrence. */
    private static Map<String, int[]> paths(Session s, Lifecycles lc) {
        Map<String, int[]> out = new LinkedHashMap<>();
        Map<String, Boolean> lookupTypes = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            String p = lc.path(i);
            if (p == null) {
                continue;
            }
            int[] v = out.computeIfAbsent(p, k -> new int[] {-1, 0, 0});
            if (v[0] < 0) {
                v[0] = i;
            }
            v[2]++;
            if (s.direction(i) == Direction.REQUEST
                    && lookupTypes.computeIfAbsent(s.typeName(i), t -> t.equals("Twalk") || t.equals("LOOKUP"))) {
                v[1]++;
            }
        }
        return out;
    }
}
