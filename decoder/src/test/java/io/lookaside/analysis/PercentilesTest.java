package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentilesTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # p, n, nearest rank (0-based): ceil(p/100 * n) - 1
            50,  10, 4
            90,  10, 8
            99,  10, 9
            100, 10, 9
            50,  1,  0
            99,  200, 197
            90,  7,  6
            50,  4,  1
            """)
    void rankIsTheNearestRank(double p, int n, int expected) {
        assertThat(Percentiles.rank(p, n)).isEqualTo(expected);
    }

    @Test
    void ofReadsTheSortedValuesAndIsZeroWhenEmpty() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Percentiles.of(sorted, 10, 50)).isEqualTo(5);
        assertThat(Percentiles.of(sorted, 10, 90)).isEqualTo(9);
        assertThat(Percentiles.of(sorted, 10, 99)).isEqualTo(10);
        assertThat(Percentiles.of(new long[0], 0, 50)).isZero();
    }
}
