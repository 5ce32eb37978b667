package io.lookaside.lifecycle;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Interned paths as a tree of (parent, name) nodes, so that a path is an int and every
 * distinct path string exists once. Paths are shown as the sidecars show them: relative to the
 * attach root ({@code usr/include/stdio.h}), the root itself as {@code /}. A fid first seen in
 * use has an unknown location; what is walked from it is shown under {@code <fid N>}.
 */
final class PathTable {
    static final int NONE = -1;

    private int[] parent = new int[256];
    private String[] name = new String[256];
    private String[] text = new String[256];
    private boolean[] unknownRoot = new boolean[256];
    private int size;
    /** (parent id, name) to child id: looked up for every name of every walk. */
    private final NameMap children = new NameMap();
    private final Map<String, Integer> roots = new HashMap<>();

    /**
     * The root of an attach: every aname gets its own root node. The first aname's root is shown
     * as "/", another's as {@code ANAME:} so that its files cannot pass for the first tree's
     * (diod's {@code ctl} tree has a file named {@code null}: shown as {@code ctl:/null}).
     */
    int root(String aname) {
        return roots.computeIfAbsent("attach:" + aname, k -> {
            boolean first = roots.keySet().stream().noneMatch(r -> r.startsWith("attach:"));
            return add(NONE, "", first || aname == null || aname.isEmpty() ? "/" : aname + ":");
        });
    }

    /** The root of a FUSE mount (nodeid 1), one per connection, shown as "/". */
    int mountRoot(int conn) {
        return roots.computeIfAbsent("mount:" + conn, k -> add(NONE, "", "/"));
    }

    /** The stand-in path of a FUSE nodeid the kernel knew before the capture. */
    int unknownNode(int conn, long nodeid) {
        return roots.computeIfAbsent("node:" + conn + ":" + nodeid, k -> {
            int id = add(NONE, "", "<nodeid " + nodeid + ">");
            unknownRoot[id] = true;
            return id;
        });
    }

    /** The stand-in root of a fid whose location the capture never showed. */
    int unknown(long fid) {
        return roots.computeIfAbsent("fid:" + fid, k -> {
            int id = add(NONE, "", "<fid " + fid + ">");
            unknownRoot[id] = true;
            return id;
        });
    }

    /** True when the path lies under the stand-in root of a fid of unknown location. */
    boolean underUnknown(int id) {
        if (id == NONE) {
            return false;
        }
        int p = id;
        while (parent[p] != NONE) {
            p = parent[p];
        }
        return unknownRoot[p];
    }

    /** The path of {@code name} in directory {@code dir}; "." is the directory, ".." its parent. */
    int child(int dir, String n) {
        if (dir == NONE) {
            return NONE;
        }
        if (n.isEmpty() || n.equals(".")) {
            return dir;
        }
        if (n.equals("..")) {
            return parent[dir] == NONE ? dir : parent[dir];
        }
        int at = children.find(dir, n);
        if (at >= 0) {
            return (int) children.value(at);
        }
        String t = parent[dir] == NONE && text[dir].equals("/") ? n : text[dir] + "/" + n;
        int created = add(dir, n, t);
        children.put(dir, n, created);
        return created;
    }

    String text(int id) {
        return id == NONE ? null : text[id];
    }

    /** True when {@code id} is {@code ancestor} or lies below it. */
    boolean within(int id, int ancestor) {
        if (ancestor == NONE) {
            return false;
        }
        for (int p = id; p != NONE; p = parent[p]) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The path {@code id} would have if {@code from} (an ancestor or itself) were at {@code to}. */
    int moved(int id, int from, int to) {
        if (id == from) {
            return to;
        }
        return child(moved(parent[id], from, to), name[id]);
    }

    /** The table as it is now, in arrays of its own, for reading only (a streaming snapshot; ids stay the same). */
    PathTable copy() {
        PathTable c = new PathTable();
        c.parent = Arrays.copyOf(parent, Math.max(size, 1));
        c.name = Arrays.copyOf(name, Math.max(size, 1));
        c.text = Arrays.copyOf(text, Math.max(size, 1));
        c.unknownRoot = Arrays.copyOf(unknownRoot, Math.max(size, 1));
        c.size = size;
        return c;
    }

    private int add(int p, String n, String t) {
        if (size == parent.length) {
            parent = Arrays.copyOf(parent, size * 2);
            name = Arrays.copyOf(name, size * 2);
            text = Arrays.copyOf(text, size * 2);
            unknownRoot = Arrays.copyOf(unknownRoot, size * 2);
        }
        parent[size] = p;
        name[size] = n;
        text[size] = t;
        return size++;
    }
}
