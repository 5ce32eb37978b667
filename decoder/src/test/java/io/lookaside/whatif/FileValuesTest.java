package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileValuesTest {
    @Test
    void putKeepsAValuePerFileUntilRemovedAtAnyId() {
        FileValues v = new FileValues();
        v.put(3, -7);
        v.put(1000, 42);
        v.put(3, 8);
        v.remove(1000);

        assertThat(v.has(3)).isTrue();
        assertThat(v.get(3)).isEqualTo(8);
        assertThat(v.has(1000)).isFalse();
        assertThat(v.has(5000)).isFalse();
    }
}
