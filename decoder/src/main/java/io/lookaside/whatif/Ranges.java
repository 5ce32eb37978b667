package io.lookaside.whatif;

import java.util.Map;
import java.util.TreeMap;

/** A set of byte ranges [from, to) kept merged, for "has this part of the file been read?". */
final class Ranges {
    private final TreeMap<Long, Long> spans = new TreeMap<>();

    void add(long from, long to) {
        if (to <= from) {
            return;
        }
        Map.Entry<Long, Long> before = spans.floorEntry(from);
        if (before != null && before.getValue() >= from) {
            from = before.getKey();
            to = Math.max(to, before.getValue());
        }
        Map.Entry<Long, Long> next = spans.ceilingEntry(from);
        while (next != null && next.getKey() <= to) {
            to = Math.max(to, next.getValue());
            spans.remove(next.getKey());
            next = spans.ceilingEntry(from);
        }
        spans.put(from, to);
    }

    void addAll(Ranges other) {
        for (Map.Entry<Long, Long> e : other.spans.entrySet()) {
            add(e.getKey(), e.getValue());
        }
    }

    /** True when [from, to) lies inside one range; an empty range is always covered. */
    boolean covers(long from, long to) {
        if (to <= from) {
            return true;
        }
        Map.Entry<Long, Long> e = spans.floorEntry(from);
        return e != null && e.getValue() >= to;
    }

    /** How many positions the ranges hold: the size of their union. */
    long length() {
        long n = 0;
        for (Map.Entry<Long, Long> e : spans.entrySet()) {
            n += e.getValue() - e.getKey();
        }
        return n;
    }

    void clear() {
        spans.clear();
    }
}
