package io.lookaside.whatif;

import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one {@link Outcome}: saved round trips, the sum of their RTTs, the saved
 * wall-clock wait (blocking-aware: a saving counts only where the requester had nothing else
 * outstanding), stale hits, and the messages removed per type.
 */
public record Savings(long savedRoundTrips, long savedRttNanos, long savedWallNanos, long staleHits,
                      Map<String, Long> removedByType) {

    public static Savings of(Session s, Outcome o) {
        return of(s, o, WallClock.index(s));
    }

    /** As {@link #of(Session, Outcome)} with the capture's total wall-clock wait already known. */
    public static Savings of(Session s, Outcome o, long baseWallNanos) {
        return of(s, o, baseWallNanos, WallClock.index(s));
    }

    /** As {@link #of(Session, Outcome)} with the session's intervals already indexed (many outcomes of one session). */
    public static Savings of(Session s, Outcome o, WallClock.Index index) {
        return of(s, o, index.total(), index);
    }

    private static Savings of(Session s, Outcome o, long baseWallNanos, WallClock.Index index) {
        long trips = 0;
        long rtt = 0;
        Map<String, Long> byType = new TreeMap<>();
        BitSet off = (BitSet) o.eliminated().clone();
        off.or(o.unblocked());
        for (int i = off.nextSetBit(0); i >= 0; i = off.nextSetBit(i + 1)) {
            if (s.direction(i) != Direction.REQUEST) {
                continue;
            }
            trips++;
            int rep = s.peer(i);
            if (rep >= 0) {
                rtt += s.tsNanos(rep) - s.tsNanos(i);
            }
        }
        // Count by (connection, direction, type code) first and look each name up once: a cache
        // model can remove a large part of a capture.
        Map<Long, long[]> byKey = new HashMap<>();
        for (int i = o.eliminated().nextSetBit(0); i >= 0 && i < s.size(); i = o.eliminated().nextSetBit(i + 1)) {
            // Times an odd constant (a bijection): Long.hashCode folds the halves together, which
            // would make connection c with type t collide with connection t with type c.
            long key = ((long) s.conn(i) << 32 | (long) s.direction(i).ordinal() << 24 | (s.typeCode(i) & 0xFFFFFFL))
                    * 0x9E37_79B9_7F4A_7C15L;
            long[] c = byKey.get(key);
            if (c == null) {
                byKey.put(key, new long[] {1, i});
            } else {
                c[0]++;
            }
        }
        for (long[] c : byKey.values()) {
            byType.merge(s.typeName((int) c[1]), c[0], Long::sum);
        }
        long wall = baseWallNanos - index.wait(off);
        return new Savings(trips, rtt, wall, o.stale().cardinality(), byType);
    }
}
