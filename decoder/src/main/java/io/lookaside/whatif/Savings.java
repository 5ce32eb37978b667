package io.lookaside.whatif;

import io.lookaside.lifecycle.LongIntMap;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
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

    /**
     * As {@link #of(Session, Outcome, WallClock.Index)} with the session's message types already
     * indexed too (the what-if engine: every outcome of a sweep).
     */
    public static Savings of(Session s, Outcome o, WallClock.Index index, Types types) {
        return of(s, o, index.total(), index, types);
    }

    private static Savings of(Session s, Outcome o, long baseWallNanos, WallClock.Index index) {
        return of(s, o, baseWallNanos, index, Types.of(s));
    }

    /**
     * One pass over the words of what the change takes off the wire or off the critical path
     * (eliminated ∪ unblocked): the removed messages by type, the round trips and their RTTs (an
     * answered request's interval in the wall-clock index), and the wall-clock blocks touched.
     * What does not depend on the outcome (type ids, which types are requests, the intervals and
     * blocks) was indexed once per session.
     */
    private static Savings of(Session s, Outcome o, long baseWallNanos, WallClock.Index index, Types types) {
        long[] eliminated = o.eliminated().toLongArray();
        long[] unblocked = o.unblocked().toLongArray();
        long[] off = new long[Math.max(eliminated.length, unblocked.length)];
        for (int w = 0; w < off.length; w++) {
            off[w] = (w < eliminated.length ? eliminated[w] : 0) | (w < unblocked.length ? unblocked[w] : 0);
        }
        int size = types.size;
        int[] idOf = types.idOf;
        boolean[] request = types.request;
        long[] byId = types.counts();
        long trips = 0;
        long rtt = 0;
        WallClock.Index.Blocks touched = index.blocks();
        for (int w = 0; w < off.length; w++) {
            long word = off[w];
            long elim = w < eliminated.length ? eliminated[w] : 0;
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                word &= word - 1;
                int i = (w << 6) + bit;
                if (i >= size) {
                    break;
                }
                int t = idOf[i];
                if ((elim >>> bit & 1) != 0) {
                    byId[t]++;
                }
                if (request[t]) {
                    trips++;
                    rtt += touched.add(i);
                }
            }
        }
        Map<String, Long> byType = types.byName(byId);
        long wall = baseWallNanos - touched.waitWithout(off);
        return new Savings(trips, rtt, wall, o.stale().cardinality(), byType);
    }

    /**
     * The messages in {@code which} by type name ({@code Twalk}, {@code Rlerror}, {@code LOOKUP}),
     * in name order, from the session's columns without decoding. For many sets of one session,
     * {@link Types#count(BitSet)}.
     */
    public static Map<String, Long> byType(Session s, BitSet which) {
        return Types.of(s).count(which);
    }

    /**
     * A session's messages by (connection, direction, type code), the key a type name depends on,
     * as dense ids (an int a message), so that a set of messages is counted by type name with one
     * array increment a message: the sweep counts the messages of every outcome, and a boxed key
     * a message was most of that.
     */
    public static final class Types {
        private final int size;
        private final int[] idOf;
        private final String[] names;
        /** Type id → whether its messages are requests (the direction is part of the key). */
        private final boolean[] request;

        private Types(int size, int[] idOf, String[] names, boolean[] request) {
            this.size = size;
            this.idOf = idOf;
            this.names = names;
            this.request = request;
        }

        public static Types of(Session s) {
            int n = s.size();
            int[] idOf = new int[n];
            LongIntMap ids = new LongIntMap();
            List<String> names = new ArrayList<>();
            List<Boolean> requests = new ArrayList<>();
            long lastKey = -1;
            int lastId = -1;
            for (int i = 0; i < n; i++) {
                long key = (long) s.conn(i) << 32 | (long) s.direction(i).ordinal() << 24 | (s.typeCode(i) & 0xFFFFFFL);
                if (key != lastKey) {
                    lastId = ids.get(key);
                    if (lastId == LongIntMap.MISSING) {
                        lastId = names.size();
                        ids.put(key, lastId);
                        names.add(s.typeName(i));
                        requests.add(s.direction(i) == Direction.REQUEST);
                    }
                    lastKey = key;
                }
                idOf[i] = lastId;
            }
            boolean[] request = new boolean[requests.size()];
            for (int id = 0; id < request.length; id++) {
                request[id] = requests.get(id);
            }
            return new Types(n, idOf, names.toArray(new String[0]), request);
        }

        /** The messages in {@code which} (indices past the session are ignored) by type name, in name order. */
        public Map<String, Long> count(BitSet which) {
            long[] counts = new long[names.length];
            for (int i = which.nextSetBit(0); i >= 0 && i < size; i = which.nextSetBit(i + 1)) {
                counts[idOf[i]]++;
            }
            return byName(counts);
        }

        /** Zero counts by type id, for {@link #add}. */
        long[] counts() {
            return new long[names.length];
        }

        /** Every message of the session by type name, in name order. */
        public Map<String, Long> all() {
            long[] counts = new long[names.length];
            for (int i = 0; i < size; i++) {
                counts[idOf[i]]++;
            }
            return byName(counts);
        }

        Map<String, Long> byName(long[] counts) {
            Map<String, Long> byName = new TreeMap<>();
            for (int id = 0; id < counts.length; id++) {
                if (counts[id] > 0) {
                    byName.merge(names[id], counts[id], Long::sum);
                }
            }
            return byName;
        }
    }
}
