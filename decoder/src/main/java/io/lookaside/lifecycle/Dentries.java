package io.lookaside.lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every lookup result of the 9P connections, keyed the way a client's dentry cache keys them:
 * (connection, directory identity, name). Answers "how many times was usr/local/include/bits
 * looked up and not found?" ({@link #notFound(String)}) and lists the negative lookups that
 * repeat ({@link #negativeRepeats()}), the case for a negative dentry cache.
 */
public final class Dentries {
    /**
     * The negative lookups of one dentry key.
     *
     * @param path     the path looked up
     * @param lookups  how many times it was looked up and not found
     * @param first    the first Twalk that did not find it
     */
    public record NegativeRepeat(String path, int conn, int lookups, int first) {
        /** Lookups after the first: what a negative dentry cache with no expiry would have answered. */
        public int repeats() {
            return lookups - 1;
        }
    }

    private final List<Lookup> all;
    private final Lookup[] lookups;
    /**
     * Per lookup: the dense id of its dentry-cache key (connection, directory identity, name),
     * the directory a qid.path when it was known, else a path id. Two lookups have the same id
     * exactly when their keys are equal.
     */
    private final int[] keyOf;
    private final int keys;
    private final int[] firstAt;
    private final int[] countAt;
    /** Built on first use ({@link #lookups(String)}): the report never asks for it. */
    private volatile Map<String, List<Lookup>> byPath;
    private final List<NegativeRepeat> repeats;

    private Dentries(List<Lookup> all, int[] keyOf, int keys, int messages) {
        this.all = Collections.unmodifiableList(all);
        this.lookups = all.toArray(new Lookup[0]);
        this.keyOf = keyOf;
        this.keys = keys;
        this.firstAt = new int[messages];
        this.countAt = new int[messages];
        Arrays.fill(firstAt, -1);
        // Negative lookups per key, the keys in the order of their first negative lookup.
        int[] negatives = new int[keys];
        int[] firstNegative = new int[keys];
        int[] order = new int[keys];
        int distinct = 0;
        for (int k = 0; k < lookups.length; k++) {
            Lookup l = lookups[k];
            at(l.request(), k);
            at(l.reply(), k);
            if (l.negative()) {
                int key = keyOf[k];
                if (negatives[key]++ == 0) {
                    firstNegative[key] = k;
                    order[distinct++] = key;
                }
            }
        }
        List<NegativeRepeat> r = new ArrayList<>();
        for (int d = 0; d < distinct; d++) {
            int key = order[d];
            Lookup first = lookups[firstNegative[key]];
            r.add(new NegativeRepeat(first.path(), first.conn(), negatives[key], first.request()));
        }
        r.sort(Comparator.comparingInt(NegativeRepeat::lookups).reversed()
                .thenComparing(NegativeRepeat::path));
        this.repeats = List.copyOf(r);
    }

    private void at(int message, int k) {
        if (firstAt[message] < 0) {
            firstAt[message] = k;
        }
        countAt[message]++;
    }

    /** Every lookup, in the order the replies came. */
    public List<Lookup> all() {
        return all;
    }

    /** The lookups made by the walk of message {@code i} (the Twalk or its reply); empty for other messages. */
    public List<Lookup> at(int i) {
        if (i < 0 || i >= firstAt.length || firstAt[i] < 0) {
            return List.of();
        }
        return all.subList(firstAt[i], firstAt[i] + countAt[i]);
    }

    /** The first lookup (an index into {@link #all()}) of the walk of message {@code i}, or -1 when it made none. */
    public int first(int i) {
        return i < 0 || i >= firstAt.length ? -1 : firstAt[i];
    }

    /** How many lookups the walk of message {@code i} made: they follow {@link #first(int)}. */
    public int count(int i) {
        return i < 0 || i >= countAt.length ? 0 : countAt[i];
    }

    /** Lookup {@code k} of {@link #all()}, without a list view. */
    public Lookup get(int k) {
        return lookups[k];
    }

    /**
     * The dense id (0 to {@link #keys()} - 1) of lookup {@code k}'s dentry-cache key: (connection,
     * directory, name), the directory by qid.path when the capture showed it, else by path.
     */
    public int key(int k) {
        return keyOf[k];
    }

    /** How many distinct dentry-cache keys the lookups have. */
    public int keys() {
        return keys;
    }

    /** Every lookup of this path (relative to the attach root, as {@link Lifecycles#path(int)} shows it). */
    public List<Lookup> lookups(String path) {
        return Collections.unmodifiableList(byPath().getOrDefault(path, List.of()));
    }

    private Map<String, List<Lookup>> byPath() {
        Map<String, List<Lookup>> m = byPath;
        if (m == null) {
            synchronized (this) {
                m = byPath;
                if (m == null) {
                    m = new HashMap<>();
                    for (Lookup l : all) {
                        m.computeIfAbsent(l.path(), p -> new ArrayList<>()).add(l);
                    }
                    byPath = m;
                }
            }
        }
        return m;
    }

    /** How many times this path was looked up and not found. */
    public int notFound(String path) {
        int n = 0;
        for (Lookup l : lookups(path)) {
            if (l.negative()) {
                n++;
            }
        }
        return n;
    }

    /** Lookups that did not find their name (ENOENT or a partial walk). */
    public int negativeLookups() {
        int n = 0;
        for (NegativeRepeat r : repeats) {
            n += r.lookups();
        }
        return n;
    }

    /** Per dentry key with at least one negative lookup: how many; most repeated first. */
    public List<NegativeRepeat> negativeRepeats() {
        return repeats;
    }

    /** Collects lookups during the fid pass and gives each its key id. */
    static final class Builder {
        private final List<Lookup> all = new ArrayList<>();
        private int[] keyOf = new int[256];
        /** Per connection and kind of directory (by qid, by path): (directory, name) to key id. */
        private NameMap[] ids = new NameMap[0];
        private int keys;

        /** A lookup of {@code name} in {@code dir} of connection {@code conn}: a qid.path when byQid, else a path id. */
        void add(Lookup l, int conn, boolean byQid, long dir, String name) {
            int slot = conn * 2 + (byQid ? 1 : 0);
            if (slot >= ids.length) {
                ids = Arrays.copyOf(ids, Math.max(slot + 1, ids.length * 2));
            }
            NameMap m = ids[slot];
            if (m == null) {
                m = ids[slot] = new NameMap();
            }
            int at = m.find(dir, name);
            int key;
            if (at >= 0) {
                key = (int) m.value(at);
            } else {
                key = keys++;
                m.put(dir, name, key);
            }
            int k = all.size();
            if (k == keyOf.length) {
                keyOf = Arrays.copyOf(keyOf, k * 2);
            }
            keyOf[k] = key;
            all.add(l);
        }

        Dentries build(int messages) {
            return new Dentries(new ArrayList<>(all), Arrays.copyOf(keyOf, all.size()), keys, messages);
        }
    }
}
