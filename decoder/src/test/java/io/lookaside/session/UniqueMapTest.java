package io.lookaside.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UniqueMapTest {

    @Test
    void putGetRemoveAgreeWithHashMapUnderChurn() {
        UniqueMap m = new UniqueMap();
        Map<Long, Integer> ref = new HashMap<>();
        Random r = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            // FUSE-like keys: even uniques, some with bit 63 or bit 0 set, in a narrow range to force collisions
            long key = (r.nextInt(5000) * 2L) | (r.nextInt(10) == 0 ? 1L << 63 : 0) | (r.nextInt(10) == 0 ? 1 : 0);
            switch (r.nextInt(3)) {
                case 0 -> assertThat(m.put(key, i)).isEqualTo(orAbsent(ref.put(key, i)));
                case 1 -> assertThat(m.remove(key)).isEqualTo(orAbsent(ref.remove(key)));
                default -> assertThat(m.get(key)).isEqualTo(ref.getOrDefault(key, -1).intValue());
            }
            assertThat(m.size()).isEqualTo(ref.size());
        }
    }

    private static int orAbsent(Integer v) {
        return v == null ? -1 : v;
    }
}
