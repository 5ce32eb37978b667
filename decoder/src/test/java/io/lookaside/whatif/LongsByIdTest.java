package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongsByIdTest {
    @Test
    void getIsNoneUntilPutAndAfterRemoveForAnyIdIncludingNegative() {
        LongsById v = new LongsById();
        assertThat(v.get(5)).isEqualTo(LongsById.NONE);
        assertThat(v.get(-1)).isEqualTo(LongsById.NONE);
        v.put(1000, 42);
        v.put(3, 0);
        assertThat(v.get(1000)).isEqualTo(42);
        assertThat(v.has(3)).isTrue();
        assertThat(v.has(4)).isFalse();
        v.remove(1000);
        v.remove(-1);
        v.remove(5000);
        assertThat(v.has(1000)).isFalse();
        assertThat(v.get(3)).isZero();
    }
}
