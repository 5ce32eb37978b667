package io.lookaside.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldQuotesAsRfc4180Says() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("")).isEmpty();
    }

    @Test
    void fieldQuotesLineBreaksAndLeavesNullEmpty() {
        assertThat(Csv.field("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(Csv.field("a\rb")).isEqualTo("\"a\rb\"");
        assertThat(Csv.field(null)).isEmpty();
        assertThat(Csv.field(12L)).isEqualTo("12");
    }

    @Test
    void rowEndsWithCrLf() throws IOException {
        StringWriter w = new StringWriter();
        Csv csv = new Csv(w);
        csv.row("a", 1, null, "x,y");
        csv.blank();
        assertThat(w).hasToString("a,1,,\"x,y\"\r\n\r\n");
    }
}
