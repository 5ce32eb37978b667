package io.lookaside.whatif;

import java.util.Map;
import java.util.TreeMap;

/**
 * The byte ranges of one file held in a simulated page cache, each with the time it was filled.
 * Disjoint ranges in a sorted map; filling a range replaces what it overlaps, and neighbours
 * filled at the same time merge, so a file read or written sequentially stays one range.
 */
final class CachedRanges {
    private final TreeMap<Long, long[]> ranges = new TreeMap<>();

    /** [from, to) now holds data fetched or written at {@code time}. */
    void fill(long from, long to, long time) {
        if (to <= from) {
            return;
        }
        cut(from, to);
        long start = from;
        long end = to;
        Map.Entry<Long, long[]> before = ranges.lowerEntry(from);
        if (before != null && before.getValue()[0] == from && before.getValue()[1] == time) {
            start = before.getKey();
            ranges.remove(start);
        }
        long[] after = ranges.get(to);
        if (after != null && after[1] == time) {
            end = after[0];
            ranges.remove(to);
        }
        ranges.put(start, new long[] {end, time});
    }

    /** True when every byte of [from, to) is cached and was filled within the window before {@code now}. */
    boolean covers(long from, long to, long now, long window) {
        long at = from;
        Map.Entry<Long, long[]> e = ranges.floorEntry(from);
        if (e == null || e.getValue()[0] <= from) {
            e = ranges.ceilingEntry(from);
        }
        while (at < to) {
            if (e == null || e.getKey() > at || !Windows.within(e.getValue()[1], now, window)) {
                return false;
            }
            at = e.getValue()[0];
            e = ranges.higherEntry(e.getKey());
        }
        return true;
    }

    /** The oldest fill time among the ranges overlapping [from, to). */
    long oldest(long from, long to) {
        long t = Long.MAX_VALUE;
        Map.Entry<Long, long[]> e = ranges.floorEntry(from);
        if (e == null) {
            e = ranges.ceilingEntry(from);
        }
        for (; e != null && e.getKey() < to; e = ranges.higherEntry(e.getKey())) {
            if (e.getValue()[0] > from) {
                t = Math.min(t, e.getValue()[1]);
            }
        }
        return t;
    }

    /** Drops everything at or after {@code size} (a truncation). */
    void truncate(long size) {
        cut(size, Long.MAX_VALUE);
    }

    void clear() {
        ranges.clear();
    }

    /** Removes [from, to) from the ranges, keeping the parts outside it. */
    private void cut(long from, long to) {
        Map.Entry<Long, long[]> e = ranges.floorEntry(from);
        if (e == null) {
            e = ranges.ceilingEntry(from);
        }
        while (e != null && e.getKey() < to) {
            long start = e.getKey();
            long end = e.getValue()[0];
            long time = e.getValue()[1];
            Map.Entry<Long, long[]> next = ranges.higherEntry(start);
            if (end > from) {
                ranges.remove(start);
                if (start < from) {
                    ranges.put(start, new long[] {from, time});
                }
                if (end > to) {
                    ranges.put(to, new long[] {end, time});
                }
            }
            e = next;
        }
    }
}
