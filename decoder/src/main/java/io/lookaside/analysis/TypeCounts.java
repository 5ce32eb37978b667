package io.lookaside.analysis;

import io.lookaside.session.Session;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Messages per type name ({@code Twalk}, {@code Rlerror}, {@code LOOKUP}), counted over the columns without decoding. */
final class TypeCounts {
    private TypeCounts() {
    }

    /** Every message of the session by type name. */
    static Map<String, Long> all(Session s) {
        BitSet every = new BitSet(s.size());
        every.set(0, s.size());
        return of(s, every);
    }

    /** The messages in {@code which} by type name, in name order. */
    static Map<String, Long> of(Session s, BitSet which) {
        // Count by (connection, direction, type code) first: names are looked up once per key.
        Map<Long, long[]> byKey = new HashMap<>();
        for (int i = which.nextSetBit(0); i >= 0 && i < s.size(); i = which.nextSetBit(i + 1)) {
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
        Map<String, Long> byName = new TreeMap<>();
        for (long[] c : byKey.values()) {
            byName.merge(s.typeName((int) c[1]), c[0], Long::sum);
        }
        return byName;
    }

    /** {@code real} minus {@code removed} per name; names removed entirely stay with 0. */
    static Map<String, Long> minus(Map<String, Long> real, Map<String, Long> removed) {
        Map<String, Long> left = new TreeMap<>(real);
        removed.forEach((name, n) -> left.merge(name, -n, Long::sum));
        return left;
    }
}
