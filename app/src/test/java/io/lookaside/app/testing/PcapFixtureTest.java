package io.lookaside.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class PcapFixtureTest {
    @Test
    void loadCountsEveryMessageOfTheSidecar() throws Exception {
        Session s = PcapFixture.load(Samples.path("a-v9fs-busybox-cachenone.pcap.gz"));
        // Sidecar: "tshark: frames with 9p: 30288, 9P PDUs: 30288".
        assertThat(s.size()).isEqualTo(30288);
    }
}
