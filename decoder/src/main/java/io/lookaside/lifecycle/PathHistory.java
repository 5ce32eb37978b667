package io.lookaside.lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The path ids a handle had, each from a message on: a few ints, not an object per change. */
final class PathHistory {
    private int[] from = new int[1];
    private int[] ids = new int[1];
    private int n;

    void moveTo(int at, int path) {
        if (n > 0 && ids[n - 1] == path) {
            return;
        }
        if (n == from.length) {
            from = Arrays.copyOf(from, n * 2);
            ids = Arrays.copyOf(ids, n * 2);
        }
        from[n] = at;
        ids[n] = path;
        n++;
    }

    PathHistory copy() {
        PathHistory c = new PathHistory();
        c.from = Arrays.copyOf(from, Math.max(n, 1));
        c.ids = Arrays.copyOf(ids, Math.max(n, 1));
        c.n = n;
        return c;
    }

    int last() {
        return ids[n - 1];
    }

    int at(int i) {
        int k = n - 1;
        while (k > 0 && from[k] > i) {
            k--;
        }
        return ids[k];
    }

    List<FidLifetime.PathChange> changes(PathTable paths) {
        List<FidLifetime.PathChange> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(new FidLifetime.PathChange(from[k], paths.text(ids[k])));
        }
        return out;
    }
}
