package io.lookaside.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionLoaderTest {

    @Test
    void loadHandsOverGrowingPrefixesWhoseRowsAreTheSessionsFirstRows() throws Exception {
        List<Session> prefixes = new ArrayList<>();

        Session s = SessionLoader.load(Samples.path("a-v9fs-gccsplit-srccachenone.pcap.gz"), CaptureOptions.DEFAULT,
                LoadMonitor.NONE, prefixes::add, Duration.ZERO);

        assertThat(prefixes).hasSizeGreaterThan(5);
        assertThat(prefixes).extracting(Session::size).isSorted().doesNotHaveDuplicates()
                .allMatch(n -> n > 0 && n <= s.size());
        for (Session p : prefixes) {
            for (int i = 0; i < p.size(); i += 101) {
                assertThat(p.frame(i)).isEqualTo(s.frame(i));
                assertThat(p.typeName(i)).isEqualTo(s.typeName(i));
                assertThat(p.message(i)).isEqualTo(s.message(i));
                assertThat(p.peer(i)).isIn(-1, s.peer(i)).isLessThan(p.size());
            }
        }
    }

    @Test
    void loadHandsOverTheFirstPrefixBeforeTheIntervalHasPassed() throws Exception {
        List<Session> prefixes = new ArrayList<>();

        SessionLoader.load(Samples.path("c-diod-userspace.pcap.gz"), CaptureOptions.DEFAULT, LoadMonitor.NONE,
                prefixes::add, Duration.ofHours(1));

        assertThat(prefixes).hasSize(1);
        assertThat(prefixes.get(0).size()).isPositive();
    }
}
