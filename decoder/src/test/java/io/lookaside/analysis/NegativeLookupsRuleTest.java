package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.CaptureException;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class NegativeLookupsRuleTest {
    private final NegativeLookupsRule rule = new NegativeLookupsRule();

    @Test
    void evaluateCountsRepeatedFailedWalksAndPartialWalks() {
        Session s = NinePTrace.create().mounted()
                .exchange(0, 100, t -> t.twalk(1, 1, 9, "missing.h"), t -> t.rlerror(1, 2))
                .exchange(1000, 1100, t -> t.twalk(1, 1, 9, "missing.h"), t -> t.rlerror(1, 2))
                .exchange(2000, 2100, t -> t.twalk(1, 1, 9, "missing.h"), t -> t.rlerror(1, 2))
                .exchange(3000, 3100, t -> t.twalk(1, 1, 9, "other.h"), t -> t.rlerror(1, 2))
                // walk(5): a partial walk stops at the missing name and creates no fid.
                .exchange(10_000, 10_100, t -> t.twalk(2, 1, 9, "usr", "nothere"), t -> t.rwalk(2, 1))
                .exchange(11_000, 11_100, t -> t.twalk(2, 1, 9, "usr", "nothere"), t -> t.rwalk(2, 1))
                // A successful walk is no miss.
                .exchange(12_000, 12_100, t -> t.twalk(3, 1, 9, "usr"), t -> t.rwalk(3, 1))
                .session();
        Finding f = rule.evaluate(input(s));
        assertThat(f.summary()).startsWith("3 of 6 lookups of missing names repeat an earlier miss (3 distinct;")
                .contains("missing.h ×3");
        assertThat(f.waitNanos()).isEqualTo(3 * 100_000L);
        assertThat(f.evidence().messages()).hasSize(3);
        assertThat(f.evidence().paths()).containsExactly("missing.h", "usr/nothere");
        // 90% of the repeats came 1 ms after the previous miss of their name.
        assertThat(f.fix()).contains("cache=loose,negtimeout=1 ");
        assertThat(f.score()).isPositive();
    }

    @Test
    void evaluateIsOkWithoutRepeats() {
        Session s = NinePTrace.create()
                .exchange(0, 100, t -> t.twalk(1, 1, 9, "a"), t -> t.rlerror(1, 2))
                .exchange(1000, 1100, t -> t.twalk(1, 1, 9, "b"), t -> t.rlerror(1, 2))
                .session();
        Finding f = rule.evaluate(input(s));
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.summary()).isEqualTo("2 uncached lookups of missing names, none repeated.");
    }

    /** The sidecars: "failed walks: 454 total, 174 distinct paths, 280 repeats of an already-failed path". */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(textBlock = """
            a-v9fs-busybox-cachenone.pcap.gz,        a-v9fs-busybox-cachenone.txt
            a-v9fs-busybox-cacheloose.pcap.gz,       a-v9fs-busybox-cacheloose.txt
            a-v9fs-busybox-cacheloose-ganesha.pcap.gz, a-v9fs-busybox-cacheloose-ganesha.txt
            a-v9fs-gccsplit-srccachenone.pcap.gz,    a-v9fs-gccsplit-srccachenone.txt
            a-v9fs-gccsplit-srccacheloose.pcap.gz,   a-v9fs-gccsplit-srccacheloose.txt
            """)
    void evaluateCountsFailedWalksByPathAsTheSidecarDoes(String sample, String sidecar) throws CaptureException {
        long[] n = RuleFixtures.numbers(sidecar, "failed walks:");
        Finding f = RuleFixtures.evaluate(rule, sample);
        assertThat(f.summary()).startsWith(n[2] + " of " + n[0] + " lookups of missing names repeat an earlier miss ("
                + n[1] + " distinct;");
    }

    @Test
    void evaluateIsOkWithoutRepeatsOnARealCapture() throws CaptureException {
        // The sidecar: "failed walks: 2 total, 2 distinct paths, 0 repeats" (one of them a partial walk).
        Finding f = RuleFixtures.evaluate(rule, "c-diod-userspace.pcap.gz");
        assertThat(f.summary()).isEqualTo("2 uncached lookups of missing names, none repeated.");
    }

    /** The sidecar: "failed LOOKUPs: 1454 total, 204 distinct names, 1250 repeats". */
    @Test
    void evaluateCountsFuseMissesAsTheSidecarDoes() throws CaptureException {
        long[] n = RuleFixtures.numbers("b-fuse-bindfs.txt", "failed LOOKUPs:");
        Finding f = RuleFixtures.evaluate(rule, "b-fuse-bindfs.fusedump.gz");
        assertThat(f.summary()).startsWith(n[2] + " of " + n[0] + " lookups of missing names repeat an earlier miss ("
                + n[1] + " distinct;");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.fix()).contains("negative_timeout=");
    }

    @Test
    void evaluateIsOkWhenTheDaemonAnswersWithCachedNegativeEntries() throws CaptureException {
        // fuse-overlayfs answers its 204 misses with nodeid 0 and a timeout: the kernel caches them (sidecar: 0 repeats).
        Finding f = RuleFixtures.evaluate(rule, "b-fuse-fuse-overlayfs.fusedump.gz");
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.summary()).contains("204 misses were answered with a negative entry the kernel caches");
    }

    @Test
    void evaluateSaysWhyItCannotTellRepeatsFromHeadersOnly() throws CaptureException {
        Finding f = RuleFixtures.evaluate(rule, "b-fuse-bindfs.tracefs.txt");
        // It cannot judge: N/A, never OK (the capture has 1454 failed LOOKUPs it cannot tell apart).
        assertThat(f.severity()).isEqualTo(Severity.NA);
        assertThat(f.summary()).startsWith("1454 of ").contains("requests are lookups that failed with ENOENT, but this "
                + "input holds only message headers");
    }

    static RuleInput input(Session s) {
        Analysis a = Analyzer.analyze(s, io.lookaside.lifecycle.Lifecycles.of(s), java.util.List.of(), java.util.List.of(),
                java.util.List.of());
        return new RuleInput(s, a.lifecycles(), a.exchanges(), a.operations(), a.baseWallNanos(), java.util.Map.of(),
                java.util.Set.of(io.lookaside.capture.Protocol.NINEP));
    }
}
