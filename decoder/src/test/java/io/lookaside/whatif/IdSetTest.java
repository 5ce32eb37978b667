package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdSetTest {
    @Test
    void removeSaysWhetherTheIdWasThereAndContainsIsFalseForAnyOtherId() {
        IdSet set = new IdSet();
        set.add(3);
        set.add(200);
        assertThat(set.contains(3)).isTrue();
        assertThat(set.contains(-1) || set.contains(4) || set.contains(100_000)).isFalse();
        assertThat(set.remove(200)).isTrue();
        assertThat(set.remove(200)).isFalse();
        assertThat(set.remove(100_000)).isFalse();
        assertThat(set.contains(200)).isFalse();
        assertThat(set.contains(3)).isTrue();
    }

    @Test
    void addAndRemoveAgreeWithBitSet() {
        IdSet set = new IdSet();
        BitSet expected = new BitSet();
        Random r = new Random(5);
        for (int k = 0; k < 100_000; k++) {
            int id = r.nextInt(5000);
            if (r.nextBoolean()) {
                set.add(id);
                expected.set(id);
            } else {
                assertThat(set.remove(id)).isEqualTo(expected.get(id));
                expected.clear(id);
            }
        }
        for (int id = 0; id < 5100; id++) {
            assertThat(set.contains(id)).isEqualTo(expected.get(id));
        }
    }
}
