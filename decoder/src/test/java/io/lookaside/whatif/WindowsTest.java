package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            0, 0
            1000000, 1ms
            10000000000, 10s
            9223372036854775807, inf
            -1, answered
            1500, 1500ns
            """)
    void labelNamesEveryWindow(long nanos, String label) {
        assertThat(Windows.label(nanos)).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # cached at, now, window, trusted
            0, 1000, 1000, true
            0, 1001, 1000, false
            0, 99999999999, 9223372036854775807, true
            0, 0, -1, false
            """)
    void withinTrustsAnAnswerForTheWindowOnly(long at, long now, long window, boolean trusted) {
        assertThat(Windows.within(at, now, window)).isEqualTo(trusted);
    }
}
