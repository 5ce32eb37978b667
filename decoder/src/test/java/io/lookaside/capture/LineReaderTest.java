package io.lookaside.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Allocation;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineReaderTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(textBlock = """
            'a\\nb\\n',       a|b
            'a\\nb',          a|b
            'a\\r\\nb\\r\\n', a|b
            'a\\rb\\r',       a|b
            'a\\n\\nb',       a||b
            '\\r\\n\\r\\n',   |
            '',               ''
            """)
    void nextEndsLinesAsBufferedReaderDoes(String escaped, String expected) throws IOException {
        String text = escaped.replace("\\n", "\n").replace("\\r", "\r");
        List<String> expectedLines = expected.isEmpty() ? List.of() : List.of(expected.split("\\|", -1));

        assertThat(lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), 100))
                .isEqualTo(expectedLines)
                .isEqualTo(new java.io.BufferedReader(new java.io.StringReader(text)).lines().toList());
    }

    @Test
    void nextReturnsALineOverTheBoundEmptyAndKeepsCounting() throws IOException {
        String text = "short\n" + "x".repeat(5000) + "\nafter\n" + "y".repeat(4097) + "\r\nend";
        LineReader r = reader(text, 4096);

        assertThat(r.next()).isEqualTo("short");
        assertThat(r.next()).isEmpty();
        assertThat(r.next()).isEqualTo("after");
        assertThat(r.next()).isEmpty();
        assertThat(r.next()).isEqualTo("end");
        assertThat(r.next()).isNull();
        assertThat(r.overlong()).isEqualTo(2);
        assertThat(r.firstOverlong()).isEqualTo(2);
    }

    @Test
    void nextKeepsALineOfExactlyTheBound() throws IOException {
        LineReader r = reader("z".repeat(4096) + "\n", 4096);

        assertThat(r.next()).hasSize(4096);
        assertThat(r.overlong()).isZero();
    }

    @Test
    void nextReadsLinesSplitAcrossReadsOfOneByte() throws IOException {
        assertThat(lines(new OneByteAtATime("one\r\ntwo\rthree\n"), 10)).containsExactly("one", "two", "three");
    }

    @Test
    void nextNeverHoldsMoreThanTheBoundOfAnInputWithoutLineBreaks() throws IOException {
        byte[] noBreaks = new byte[32 << 20];
        java.util.Arrays.fill(noBreaks, (byte) 'a');
        LineReader r = new LineReader(new ByteArrayInputStream(noBreaks), 1 << 20);

        String[] line = new String[1];
        long allocated = Allocation.of(() -> line[0] = r.next());

        assertThat(line[0]).isEmpty();
        assertThat(r.next()).isNull();
        assertThat(allocated).as("bytes allocated reading 32 MiB without a line break, bound 1 MiB").isLessThan(4L << 20);
    }

    private static LineReader reader(String text, int max) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), max);
    }

    private static List<String> lines(InputStream in, int max) throws IOException {
        LineReader r = new LineReader(in, max);
        List<String> out = new ArrayList<>();
        for (String line = r.next(); line != null; line = r.next()) {
            out.add(line);
        }
        return out;
    }

    /** A stream that hands over one byte per read, so every line crosses buffer refills. */
    private static final class OneByteAtATime extends FilterInputStream {
        OneByteAtATime(String text) {
            super(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1));
        }
    }
}
