package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.CaptureException;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class RepeatedReadlinksRuleTest {
    private final RepeatedReadlinksRule rule = new RepeatedReadlinksRule();

    @Test
    void evaluateCountsRepeatedReadsOfOneLinkByItsPath() {
        NinePTrace t = NinePTrace.create().mounted()
                .exchange(10, 20, r -> r.twalk(2, 1, 5, "bin", "cc"), r -> r.rwalk(2, 2));
        for (int k = 0; k < 4; k++) {
            long at = 100 + k * 1000L;
            t.exchange(at, at + 50, r -> r.treadlink(1, 5), r -> r.rreadlink(1, "/etc/alternatives/cc"));
        }
        t.exchange(8000, 8010, r -> r.twalk(2, 1, 6, "lib64"), r -> r.rwalk(2, 1));
        t.exchange(9000, 9050, r -> r.treadlink(1, 6), r -> r.rreadlink(1, "usr/lib64"));
        t.exchange(9100, 9150, r -> r.treadlink(1, 7), r -> r.rlerror(1, 22));
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(t.session()));
        assertThat(f.summary()).startsWith("3 of 5 symlink reads repeat an earlier read of the same link (2 distinct;")
                .contains("bin/cc ×4");
        assertThat(f.evidence().paths()).containsExactly("bin/cc");
        assertThat(f.waitNanos()).isEqualTo(150_000);
        assertThat(f.fix()).contains("symlink-caching patch");
    }

    /** The sidecars: "Treadlink: 149 total, 73 distinct paths". */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"a-v9fs-busybox-cachenone", "a-v9fs-busybox-cacheloose",
        "a-v9fs-busybox-cacheloose-ganesha"})
    void evaluateCountsTreadlinkByPathAsTheSidecarDoes(String sample) throws CaptureException {
        long[] n = RuleFixtures.numbers(sample + ".txt", "Treadlink:");
        Finding f = RuleFixtures.evaluate(rule, sample + ".pcap.gz");
        assertThat(f.summary()).startsWith((n[0] - n[1]) + " of " + n[0] + " symlink reads repeat an earlier read of the "
                + "same link (" + n[1] + " distinct;");
    }

    /** The sidecar: "READLINK: 360 total, 6 distinct nodes". */
    @Test
    void evaluateCountsFuseReadlinksAsTheSidecarDoes() throws CaptureException {
        long[] n = RuleFixtures.numbers("b-fuse-bindfs.txt", "READLINK:");
        Finding f = RuleFixtures.evaluate(rule, "b-fuse-bindfs.fusedump.gz");
        assertThat(f.summary()).startsWith((n[0] - n[1]) + " of " + n[0] + " symlink reads repeat an earlier read of the "
                + "same link (" + n[1] + " distinct;");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.fix()).contains("FUSE_CAP_CACHE_SYMLINKS");
    }

    @Test
    void evaluateIsOkWithoutReadlinks() {
        Session s = NinePTrace.create().exchange(0, 10, t -> t.tclunk(1, 1), t -> t.rclunk(1)).session();
        assertThat(rule.evaluate(NegativeLookupsRuleTest.input(s)).summary()).isEqualTo("No symlink was read.");
    }
}
