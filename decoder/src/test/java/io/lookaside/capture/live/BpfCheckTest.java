package io.lookaside.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.net.LinkType;
import org.junit.jupiter.api.Test;

/** Filters are checked as libpcap would compile them for the interface's link type, without capturing. */
class BpfCheckTest {
    @Test
    void aGoodFilterCompiles() {
        assertThat(BpfCheck.check("tcp port 564 or tcp port 5640", LinkType.EN10MB)).isNull();
        assertThat(BpfCheck.check("", LinkType.VSOCK)).isNull();
        assertThat(BpfCheck.check(PcapLiveSource.defaultFilter(5640, LinkType.EN10MB), LinkType.EN10MB)).isNull();
    }

    @Test
    void aBadFilterGivesLibpcapsWords() {
        assertThat(BpfCheck.check("tcp port", LinkType.EN10MB)).contains("syntax error");
        assertThat(BpfCheck.check("tcp port 99999", LinkType.EN10MB)).contains("port");
    }

    @Test
    void aTcpFilterDoesNotApplyToVsock() {
        assertThat(BpfCheck.check("tcp port 564", LinkType.VSOCK)).isNotNull();
    }

    @Test
    void theDefaultFilterIsNinePPlusThePortAndNothingOnVsock() {
        assertThat(PcapLiveSource.defaultFilter(0, LinkType.EN10MB)).isEqualTo("tcp port 564");
        assertThat(PcapLiveSource.defaultFilter(564, LinkType.EN10MB)).isEqualTo("tcp port 564");
        assertThat(PcapLiveSource.defaultFilter(5640, LinkType.RAW_12)).isEqualTo("tcp port 564 or tcp port 5640");
        assertThat(PcapLiveSource.defaultFilter(5640, LinkType.VSOCK)).isEmpty();
    }
}
