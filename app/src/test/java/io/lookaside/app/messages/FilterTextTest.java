package io.lookaside.app.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.app.messages.DisplayFilter.Compare;
import io.lookaside.app.messages.DisplayFilter.Literal;
import io.lookaside.app.messages.DisplayFilter.Op;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            Twalk                         | Twalk
            127.0.0.1:41000>127.0.0.1:564 | "127.0.0.1:41000>127.0.0.1:564"
            gcc 12                        | "gcc 12"
            and                           | "and"
            a"b\\c                        | "a\\"b\\\\c"
            """)
    void literalQuotesOnlyWhatNeedsIt(String value, String expected) {
        assertThat(FilterText.literal(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            Twalk
            127.0.0.1:41000>127.0.0.1:564
            gcc 12
            or
            a"b\\c
            """)
    void literalParsesBackToTheSameValue(String value) throws Exception {
        assertThat(DisplayFilterParser.parse("name == " + FilterText.literal(value)))
                .isEqualTo(new Compare("name", Op.EQ, Literal.of(value)));
    }
}
