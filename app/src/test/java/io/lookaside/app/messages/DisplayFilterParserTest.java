package io.lookaside.app.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookaside.app.messages.DisplayFilter.And;
import io.lookaside.app.messages.DisplayFilter.Compare;
import io.lookaside.app.messages.DisplayFilter.Literal;
import io.lookaside.app.messages.DisplayFilter.Not;
import io.lookaside.app.messages.DisplayFilter.Op;
import io.lookaside.app.messages.DisplayFilter.Or;
import io.lookaside.app.messages.DisplayFilter.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayFilterParserTest {

    @Test
    void parseBlankMeansNoFilter() throws Exception {
        assertThat(DisplayFilterParser.parse("   ")).isNull();
        assertThat(DisplayFilterParser.parse(null)).isNull();
    }

    @Test
    void parseComparisonKeepsFieldOperatorAndLiteral() throws Exception {
        assertThat(DisplayFilterParser.parse("type == Twalk"))
                .isEqualTo(new Compare("type", Op.EQ, Literal.of("Twalk")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fid == 3        | EQ
            fid = 3         | EQ
            fid eq 3        | EQ
            fid != 3        | NE
            fid ne 3        | NE
            fid < 3         | LT
            fid lt 3        | LT
            fid <= 3        | LE
            fid >= 3        | GE
            fid > 3         | GT
            fid gt 3        | GT
            fid contains 3  | CONTAINS
            fid CONTAINS 3  | CONTAINS
            """)
    void parseOperatorReadsSymbolsAndWords(String text, Op op) throws Exception {
        assertThat(DisplayFilterParser.parse(text)).isEqualTo(new Compare("fid", op, Literal.of("3")));
    }

    @Test
    void parseAndBindsTighterThanOr() throws Exception {
        DisplayFilter a = new Compare("a", Op.EQ, Literal.of("1"));
        DisplayFilter b = new Compare("b", Op.EQ, Literal.of("2"));
        DisplayFilter c = new Compare("c", Op.EQ, Literal.of("3"));

        assertThat(DisplayFilterParser.parse("a == 1 || b == 2 && c == 3")).isEqualTo(new Or(a, new And(b, c)));
        assertThat(DisplayFilterParser.parse("(a == 1 or b == 2) and c == 3")).isEqualTo(new And(new Or(a, b), c));
    }

    @Test
    void parseNotAppliesToTheNextTerm() throws Exception {
        assertThat(DisplayFilterParser.parse("!(type == Tclunk) && not fid == 1")).isEqualTo(new And(
                new Not(new Compare("type", Op.EQ, Literal.of("Tclunk"))),
                new Not(new Compare("fid", Op.EQ, Literal.of("1")))));
    }

    @Test
    void parseAdjacentFreeTextTermsAreAnded() throws Exception {
        assertThat(DisplayFilterParser.parse("usr/lib \"gcc 12\"")).isEqualTo(new And(new Text("usr/lib"), new Text("gcc 12")));
    }

    @Test
    void parseQuotedValueKeepsBlanksAndEscapes() throws Exception {
        assertThat(DisplayFilterParser.parse("name == \"a \\\"b\\\" c\""))
                .isEqualTo(new Compare("name", Op.EQ, Literal.of("a \"b\" c")));
    }

    @Test
    void parseWordWithDotsAndColonsIsOneValue() throws Exception {
        assertThat(DisplayFilterParser.parse("conn contains 127.0.0.1:564"))
                .isEqualTo(new Compare("conn", Op.CONTAINS, Literal.of("127.0.0.1:564")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fid ==              | expected a value after '==', found the end of the filter | 6
            (fid == 3           | expected ')' to close the '(' at column 1, found the end of the filter | 9
            fid == 3)           | unexpected ')' at column 9 | 8
            fid & 3             | '&' alone is not an operator; use '&&' | 4
            name == "abc        | the string at column 9 has no closing quote | 8
            a/b == 3            | 'a/b' is not a field name | 0
            && fid == 3         | expected a field, a value or '(', found '&&' at column 1 | 0
            """)
    void parseRejectsMalformedFilterWithReasonAndPosition(String text, String reason, int position) {
        assertThatThrownBy(() -> DisplayFilterParser.parse(text))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage(reason)
                .extracting(e -> ((FilterSyntaxException) e).position()).isEqualTo(position);
    }

    @Test
    void literalOfReadsDecimalHexAndText() {
        assertThat(Literal.of("42").integer()).isEqualTo(42L);
        assertThat(Literal.of("0x2a").integer()).isEqualTo(42L);
        assertThat(Literal.of("1.5").number()).isEqualTo(1.5);
        assertThat(Literal.of("Twalk").number()).isNull();
        assertThat(Literal.of("1d").number()).isNull();
    }
}
