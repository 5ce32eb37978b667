package io.lookaside.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaunchOptionsTest {

    @Test
    void parseReadsFileFilterAndFrameLikeWireshark() {
        LaunchOptions o = LaunchOptions.parse(List.of("-Y", "type == Twalk", "-g", "120", "a.pcap.gz"));

        assertThat(o).isEqualTo(new LaunchOptions(Path.of("a.pcap.gz"), "type == Twalk", 120));
    }

    @Test
    void parseAcceptsLongNamesAndNoFile() {
        LaunchOptions o = LaunchOptions.parse(List.of("--filter", "fid == 3", "--goto", "7"));

        assertThat(o).isEqualTo(new LaunchOptions(null, "fid == 3", 7));
    }

    @Test
    void parseTakesSeveralCapturesAndCompare() {
        assertThat(LaunchOptions.parse(List.of("a.pcap", "b.pcap", "c.pcap")).files())
                .containsExactly(Path.of("a.pcap"), Path.of("b.pcap"), Path.of("c.pcap"));
        LaunchOptions o = LaunchOptions.parse(List.of("--compare", "a.pcap", "b.pcap"));
        assertThat(o.compare()).isTrue();
        assertThat(o.files()).containsExactly(Path.of("a.pcap"), Path.of("b.pcap"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            -x                | unknown option -x
            -g                | -g needs a value
            -g,ten            | -g ten: expected a frame number
            --compare,a.pcap  | --compare needs two captures, got 1
            """)
    void parseRejectsWhatMakesNoSense(String args, String reason) {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of(args.split(","))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(reason);
    }
}
