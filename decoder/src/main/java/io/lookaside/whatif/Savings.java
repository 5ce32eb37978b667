package io.lookaside.whatif;

import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.BitSet;
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
        return of(s, o, WallClock.wait(s));
    }

    /** As {@link #of(Session, Outcome)} with the capture's total wall-clock wait already known. */
    public static Savings of(Session s, Outcome o, long baseWallNanos) {
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
        for (int i = o.eliminated().nextSetBit(0); i >= 0; i = o.eliminated().nextSetBit(i + 1)) {
            byType.merge(s.typeName(i), 1L, Long::sum);
        }
        long wall = baseWallNanos - WallClock.wait(s, off);
        return new Savings(trips, rtt, wall, o.stale().cardinality(), byType);
    }
}
