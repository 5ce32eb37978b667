package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScoreTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # info, warning
            0.01, 0.05
            10,   100
            0.1,  0.4
            """)
    void ofMeetsTwentyFiveAtInfoAndSeventyFiveAtWarningLimit(double info, double warning) {
        assertThat(Score.of(info, info, warning)).isCloseTo(25.0, within(0.1));
        assertThat(Score.of(warning, info, warning)).isCloseTo(75.0, within(0.1));
    }

    @Test
    void ofIsZeroForNothingAndApproachesHundred() {
        assertThat(Score.of(0, 10, 100)).isZero();
        assertThat(Score.of(-5, 10, 100)).isZero();
        assertThat(Score.of(Double.NaN, 10, 100)).isZero();
        assertThat(Score.of(1_000, 10, 100)).isEqualTo(100.0);
        assertThat(Score.of(250, 10, 100)).isBetween(90.0, 100.0);
        assertThat(Score.of(5, 10, 100)).isEqualTo(12.5);
        assertThat(Score.of(190, 10, 100)).isCloseTo(100 * (1 - 0.75 / 9), within(0.1));
    }

    @Test
    void ofIsMonotonic() {
        double last = -1;
        for (double x = 0; x <= 0.2; x += 0.001) {
            double y = Score.of(x, 0.01, 0.05);
            assertThat(y).isGreaterThanOrEqualTo(last);
            last = y;
        }
    }

    @Test
    void ofRejectsWarningLimitNotAboveInfoLimit() {
        assertThatThrownBy(() -> Score.of(1, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Score.of(1, 0, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,     OK
            24.9,  OK
            25,    INFO
            74.9,  INFO
            75,    WARNING
            100,   WARNING
            """)
    void severityOfFollowsTheLimits(double score, Severity expected) {
        assertThat(Severity.of(score)).isEqualTo(expected);
    }
}
