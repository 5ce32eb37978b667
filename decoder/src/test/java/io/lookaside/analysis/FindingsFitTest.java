package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.CaptureException;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.session.Session;
import io.lookaside.wire.Wire;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11's findings on real captures: severity by the share of the wait, N/A where the input
 * cannot tell, fixes fitted to the identified client and daemon.
 */
class FindingsFitTest {

    private static Analysis analyze(String sample) throws CaptureException {
        return Analyzer.analyze(ExchangesTest.load(sample));
    }

    private static Finding finding(Analysis a, String rule) {
        return a.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    /** Every finding about wait is as severe as its share of all request wait, whatever its counts. */
    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "a-v9fs-busybox-cacheloose.pcap.gz",
        "a-v9fs-gccsplit-srccachenone.pcap.gz", "c-diod-userspace.pcap.gz", "b-fuse-bindfs.fusedump.gz",
        "b-fuse-glusterfs.fusedump.gz"})
    void severityFollowsTheShareOfTheWait(String sample) throws CaptureException {
        Analysis a = analyze(sample);
        long total = a.operations().stream().mapToLong(OperationStats::totalNanos).sum();
        for (Finding f : a.findings()) {
            if (f.waitNanos() > 0 && !f.rule().equals("setup-errors") && !f.rule().equals("handle-leaks")) {
                double share = (double) f.waitNanos() / total;
                assertThat(f.severity()).as(f.rule() + " at " + share).isEqualTo(Severity.of(
                        Score.of(share, Finding.INFO_WAIT_SHARE, Finding.WARNING_WAIT_SHARE)));
                assertThat(f.summary()).contains("of all request wait");
            }
        }
        // Highest score first.
        for (int k = 1; k < a.findings().size(); k++) {
            assertThat(a.findings().get(k).score()).isLessThanOrEqualTo(a.findings().get(k - 1).score());
        }
    }

    @Test
    void repeatedReadlinksWithATinyShareOfTheWaitAreNoWarning() throws CaptureException {
        Analysis a = analyze("a-v9fs-busybox-cacheloose.pcap.gz");
        Finding f = finding(a, "repeated-readlinks");
        long total = a.operations().stream().mapToLong(OperationStats::totalNanos).sum();
        assertThat((double) f.waitNanos() / total).isLessThan(Finding.WARNING_WAIT_SHARE);
        assertThat(f.severity()).isNotEqualTo(Severity.WARNING);
    }

    /** Kernel tracepoints carry no names, handles or sizes: the rules that need them say N/A, never OK. */
    @Test
    void aTracefsCaptureGetsNotApplicableWhereItLacksWhatARuleNeeds() throws CaptureException {
        Analysis a = analyze("b-fuse-bindfs.tracefs.txt");
        assertThat(finding(a, "negative-lookups").severity()).isEqualTo(Severity.NA);
        assertThat(finding(a, "repeated-readlinks").severity()).isEqualTo(Severity.NA);
        Finding small = finding(a, "small-requests");
        assertThat(small.severity()).isEqualTo(Severity.NA);
        assertThat(small.summary()).contains("READ and WRITE requests").doesNotContain("No file data");
    }

    /** The tracefs reader takes each line's pid: one requester per sending task, not one per connection. */
    @Test
    void aTracefsCaptureHasOneRequesterPerSendingTask() throws CaptureException {
        Session s = ExchangesTest.load("b-fuse-bindfs.tracefs.txt");
        java.util.Set<Long> requesters = new java.util.HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            requesters.add(s.requester(i));
        }
        assertThat(requesters.size()).isGreaterThan(10);
    }

    @Test
    void glusterfsIsToldItsOwnOptionsNotLibfuses() throws CaptureException {
        Analysis a = analyze("b-fuse-glusterfs.fusedump.gz");
        Finding neg = finding(a, "negative-lookups");
        assertThat(neg.fix()).contains("negative-timeout=").doesNotContain("libfuse");
        for (Finding f : a.findings()) {
            assertThat(f.fix()).as(f.rule()).doesNotContain("libfuse -o").doesNotContain("-o writeback_cache");
        }
    }

    @Test
    void aLinuxV9fsClientIsNotToldToUseCacheReadaheadAsIfItHadIt() throws CaptureException {
        for (String sample : List.of("a-v9fs-busybox-cachenone.pcap.gz", "a-v9fs-bigread-cachenone.pcap.gz")) {
            Analysis a = analyze(sample);
            assertThat(a.identification().client().name()).isEqualTo("linux-v9fs");
            assertThat(finding(a, "small-requests").fix()).contains("Mount with cache=loose (or cache=mmap; "
                    + "cache=readahead only on Linux 6.6 and later)");
            for (Finding f : a.findings()) {
                if (f.fix().contains("cache=readahead")) {
                    assertThat(f.fix()).contains("cache=readahead only on Linux 6.6 and later");
                }
            }
        }
    }

    @Test
    void posixaclIsNotOfferedAgainstSecurityCapabilityLookups() throws CaptureException {
        Finding f = finding(analyze("a-v9fs-busybox-cacheloose.pcap.gz"), "error-storms");
        assertThat(f.summary()).contains("Txattrwalk");
        assertThat(f.fix()).doesNotContain("no posixacl option").contains("leaving out posixacl changes nothing");
    }

    /** diod's ctl tree has a file named "null": its path must not read like a missing value. */
    @Test
    void pathsOfASecondAttachNameTheirTree() throws CaptureException {
        Analysis a = analyze("c-diod-userspace.pcap.gz");
        Session s = a.session();
        boolean seen = false;
        for (int i = 0; i < s.size(); i++) {
            String p = a.lifecycles().path(i);
            assertThat(p).isNotEqualTo("null");
            seen |= "ctl:/null".equals(p);
        }
        assertThat(seen).isTrue();
    }

    /** A 9P2000 server's "file does not exist" is a miss like Rlerror ENOENT. */
    @Test
    void nineP2000EnameMissesCountAsNegativeLookups() {
        NinePTrace t = NinePTrace.create()
                .exchange(0, 10, r -> r.tversion(8192, "9P2000"), r -> r.rversion(8192, "9P2000"))
                .exchange(20, 30, r -> r.msg(NinePTypes.TATTACH, 1, Wire.le().u32(0).u32(0xFFFF_FFFFL).str("glenda")
                        .str("")), r -> r.rattach(1));
        for (int k = 0; k < 3; k++) {
            int tag = 2 + k;
            t.exchange(100 + 100L * k, 150 + 100L * k, r -> r.twalk(tag, 0, 1, "missing.h"),
                    r -> r.msg(NinePTypes.RERROR, tag, Wire.le().str("file does not exist")));
        }
        Finding f = new NegativeLookupsRule().evaluate(NegativeLookupsRuleTest.input(t.session()));
        assertThat(f.summary()).startsWith("2 of 3 lookups of missing names repeat an earlier miss");
    }

    /** The writeback sweep's saving falls as the window grows; the remark says why, the text which window fits. */
    @Test
    void theWritebackSweepSaysWhyItsSavingFallsAsTheWindowGrows() throws CaptureException {
        Analysis a = analyze("a-v9fs-busybox-twopoints.pcap.gz");
        WhatIfRun run = a.whatIf().stream().filter(r -> r.model().id().equals("writeback")).findFirst().orElseThrow();
        assertThat(run.remarks()).anyMatch(r -> r.contains("can fall as the window grows"));
        assertThat(run.model().assumptions()).contains("dirty_writeback_centisecs, 5 s").contains("dirty_expire_centisecs (30 s)");
    }

    /** The loose profile on a capture that already is cache=loose says it would count the probes twice. */
    @Test
    void theLooseProfileOnALooseCaptureSaysItWouldAddTheProbesTwice() throws CaptureException {
        ProfileRun loose = analyze("a-v9fs-bigread-cacheloose.pcap.gz").profiles().stream()
                .filter(p -> p.profile().id().equals("v9fs-cache-loose")).findFirst().orElseThrow();
        assertThat(loose.remarks()).anyMatch(r -> r.contains("looks like cache=loose (or another caching mode) already"));
        ProfileRun none = analyze("a-v9fs-bigread-cachenone.pcap.gz").profiles().stream()
                .filter(p -> p.profile().id().equals("v9fs-cache-loose")).findFirst().orElseThrow();
        assertThat(none.remarks()).noneMatch(r -> r.contains("looks like cache=loose"));
    }
}
