package io.lookaside.app.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageRowsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,             0.000000
            1499,          0.000001
            1234567890,    1.234568
            31376421000,   31.376421
            -2000,         -0.000002
            """)
    void secondsRoundsToMicroseconds(long nanos, String expected) {
        assertThat(MessageRows.seconds(nanos)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,         0.0
            163449,    163.4
            163450,    163.5
            7447600,   7447.6
            """)
    void microsKeepsOneDecimal(long nanos, String expected) {
        assertThat(MessageRows.micros(nanos)).isEqualTo(expected);
    }
}
