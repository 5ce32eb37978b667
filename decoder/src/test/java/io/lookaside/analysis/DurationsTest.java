package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,             0 ns
            850,           850 ns
            163400,        163 µs
            45_600_000,    45.6 ms
            1_234_000_000, 1.23 s
            63_000_000_000, 63.0 s
            -2000,         -2.00 µs
            """)
    void formatKeepsThreeSignificantDigits(String nanos, String expected) {
        assertThat(Durations.format(Long.parseLong(nanos.replace("_", "")))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,             1
            1,             1
            1_000_001,     2
            166_000_000,   200
            1_000_000_000, 1000
            1_200_000_000, 2000
            """)
    void niceMillisAtLeastRoundsUpToOneTwoFive(String nanos, long expected) {
        assertThat(Durations.niceMillisAtLeast(Long.parseLong(nanos.replace("_", "")))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0.125, 12.5%
            0,     0.0%
            1,     100.0%
            """)
    void percentHasOneDecimal(double fraction, String expected) {
        assertThat(Durations.percent(fraction)).isEqualTo(expected);
    }
}
