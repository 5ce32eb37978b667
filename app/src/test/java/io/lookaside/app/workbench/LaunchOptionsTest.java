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

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            -x                | unknown option -x
            -g                | -g needs a value
            -g,ten            | -g ten: expected a frame number
            a.pcap,b.pcap     | one capture at a time: a.pcap and b.pcap
            """)
    void parseRejectsWhatMakesNoSense(String args, String reason) {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of(args.split(","))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(reason);
    }
}
