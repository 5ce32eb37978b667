package io.lookaside.lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** The dentry-cache key of a lookup: dir is a qid.path when byQid, else a path id. */
    record Key(int conn, boolean byQid, long dir, String name) {
    }

    private final List<Lookup> all;
    private final int[] firstAt;
    private final int[] countAt;
    /** Built on first use ({@link #lookups(String)}): the report never asks for it. */
    private volatile Map<String, List<Lookup>> byPath;
    private final List<NegativeRepeat> repeats;

    private Dentries(List<Lookup> all, List<Key> keys, int messages) {
        this.all = Collections.unmodifiableList(all);
        this.firstAt = new int[messages];
        this.countAt = new int[messages];
        Arrays.fill(firstAt, -1);
        Map<Key, int[]> negatives = new LinkedHashMap<>();
        for (int k = 0; k < all.size(); k++) {
            Lookup l = all.get(k);
            at(l.request(), k);
            at(l.reply(), k);
            if (l.negative()) {
                int first = k;
                negatives.computeIfAbsent(keys.get(k), x -> new int[] {0, first})[0]++;
            }
        }
        List<NegativeRepeat> r = new ArrayList<>();
        for (Map.Entry<Key, int[]> e : negatives.entrySet()) {
            Lookup first = all.get(e.getValue()[1]);
            r.add(new NegativeRepeat(first.path(), first.conn(), e.getValue()[0], first.request()));
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

    /** Collects lookups during the fid pass. */
    static final class Builder {
        private final List<Lookup> all = new ArrayList<>();
        private final List<Key> keys = new ArrayList<>();

        /** A lookup, with its key when it is negative (only negative lookups are grouped by key). */
        void add(Lookup l, Key key) {
            all.add(l);
            keys.add(key);
        }

        Dentries build(int messages) {
            return new Dentries(all, keys, messages);
        }
    }
}
