package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangesTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # after adding [0,10) [20,30) [10,20) [40,50): is [from, to) covered?
            0, 30, true
            5, 25, true
            0, 31, false
            35, 45, false
            40, 50, true
            60, 60, true
            """)
    void coversOnlyWhatTheMergedRangesHold(long from, long to, boolean covered) {
        Ranges r = new Ranges();
        r.add(0, 10);
        r.add(20, 30);
        r.add(10, 20);
        r.add(40, 50);
        assertThat(r.covers(from, to)).isEqualTo(covered);
    }

    @Test
    void addAllMergesAndClearForgets() {
        Ranges a = new Ranges();
        a.add(0, 100);
        Ranges b = new Ranges();
        b.add(50, 200);
        b.addAll(a);
        assertThat(b.covers(0, 200)).isTrue();
        b.clear();
        assertThat(b.covers(0, 1)).isFalse();
    }

    @Test
    void addOfAnEmptyRangeChangesNothing() {
        Ranges r = new Ranges();
        r.add(10, 10);
        r.add(20, 5);
        assertThat(r.covers(10, 11)).isFalse();
    }
}
