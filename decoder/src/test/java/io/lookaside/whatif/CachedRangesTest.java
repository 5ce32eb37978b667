package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CachedRangesTest {
    @ParameterizedTest
    @CsvSource(textBlock = """
            # from, to, covered by [0,100)@1 and [100,200)@2 and [300,400)@1
            0,   100, true
            50,  150, true
            0,   200, true
            150, 250, false
            250, 350, false
            300, 400, true
            399, 401, false
            """)
    void coversNeedsEveryByteOfTheRange(long from, long to, boolean covered) {
        CachedRanges r = new CachedRanges();
        r.fill(0, 100, 1);
        r.fill(100, 200, 2);
        r.fill(300, 400, 1);

        assertThat(r.covers(from, to, 10, Windows.INFINITE)).isEqualTo(covered);
    }

    @Test
    void coversRejectsPartsFilledBeforeTheWindow() {
        CachedRanges r = new CachedRanges();
        r.fill(0, 100, 1);
        r.fill(100, 200, 50);

        assertThat(r.covers(100, 200, 60, 20)).isTrue();
        assertThat(r.covers(0, 200, 60, 20)).isFalse();
        assertThat(r.oldest(50, 150)).isEqualTo(1);
    }

    @Test
    void fillReplacesWhatItOverlapsAndKeepsTheRest() {
        CachedRanges r = new CachedRanges();
        r.fill(0, 300, 1);
        r.fill(100, 200, 9);

        assertThat(r.oldest(100, 200)).isEqualTo(9);
        assertThat(r.oldest(0, 100)).isEqualTo(1);
        assertThat(r.oldest(200, 300)).isEqualTo(1);
        assertThat(r.covers(0, 300, 9, Windows.INFINITE)).isTrue();
    }

    @Test
    void truncateDropsEverythingAtOrAfterTheSize() {
        CachedRanges r = new CachedRanges();
        r.fill(0, 8192, 1);
        r.truncate(100);

        assertThat(r.covers(0, 100, 2, Windows.INFINITE)).isTrue();
        assertThat(r.covers(0, 101, 2, Windows.INFINITE)).isFalse();
    }
}
