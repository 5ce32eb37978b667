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

    @ParameterizedTest
    @CsvSource(textBlock = """
            # n, distinct values (few: many equal waits), seed
            1,     1,       1
            17,    3,       2
            1000,  1000000, 3
            1000,  2,       4
            50000, 50,      5
            50000, 1000000, 6
            """)
    void selectPutsTheValueOfASortedCopyAtEveryRank(int n, int distinct, long seed) {
        java.util.Random random = new java.util.Random(seed);
        long[] values = new long[n];
        for (int j = 0; j < n; j++) {
            values[j] = random.nextInt(distinct) - distinct / 4;
        }
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        for (int k : new int[] {0, n / 2, Percentiles.rank(90, n), Percentiles.rank(99, n), n - 1}) {
            long[] a = values.clone();
            Percentiles.select(a, 0, n, k);
            assertThat(a[k]).as("rank %d", k).isEqualTo(sorted[k]);
            for (int j = 0; j < k; j++) {
                assertThat(a[j]).isLessThanOrEqualTo(a[k]);
            }
        }
    }

    @Test
    void selectHandlesSortedAndReversedInput() {
        long[] up = new long[10_000];
        long[] down = new long[10_000];
        for (int j = 0; j < up.length; j++) {
            up[j] = j;
            down[j] = up.length - 1 - j;
        }
        Percentiles.select(up, 0, up.length, 9_899);
        Percentiles.select(down, 0, down.length, 4_999);
        assertThat(up[9_899]).isEqualTo(9_899);
        assertThat(down[4_999]).isEqualTo(4_999);
    }
}
