package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class SmallRequestsRuleTest {
    private final SmallRequestsRule rule = new SmallRequestsRule();

    @Test
    void evaluateCountsRequestsASequentialRunCouldHaveSaved() {
        NinePTrace t = NinePTrace.create()
                .exchange(0, 10, r -> r.tversion(8192 + 24, "9P2000.L"), r -> r.rversion(8192 + 24, "9P2000.L"));
        // 8 reads of 1 KiB at contiguous offsets of fid 3: one read of msize − 24 = 8192 bytes would do.
        for (int k = 0; k < 8; k++) {
            long off = k * 1024L;
            long at = 100 + k * 100L;
            t.exchange(at, at + 50, r -> r.tread(1, 3, off, 1024), r -> r.rread(1, 1024));
        }
        // A single read elsewhere: nothing to merge.
        t.exchange(2000, 2050, r -> r.tread(1, 4, 0, 100), r -> r.rread(1, 100));
        // Writes at a gap start a new run: 2 + 2 writes of 512 bytes, each run could have been one.
        t.exchange(3000, 3050, r -> r.twrite(1, 5, 0, 512), r -> r.rwrite(1, 512));
        t.exchange(3100, 3150, r -> r.twrite(1, 5, 512, 512), r -> r.rwrite(1, 512));
        t.exchange(3200, 3250, r -> r.twrite(1, 5, 9000, 512), r -> r.rwrite(1, 512));
        t.exchange(3300, 3350, r -> r.twrite(1, 5, 9512, 512), r -> r.rwrite(1, 512));
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(t.session()));
        assertThat(f.summary()).startsWith("13 reads and writes moved 10340 bytes; sequential runs on one file could have used 9 fewer");
        assertThat(f.explanation()).contains("msize − 24 = 8192 bytes");
        assertThat(f.evidence().fids()).contains(3L, 5L);
    }

    /**
     * bindfs (libfuse 2, protocol 7.19, max_write 131072 in its INIT reply) gets the workload's appends and the
     * 512 KiB file as WRITEs of the application's sizes: runs of small writes that fewer WRITEs could carry.
     */
    @Test
    void evaluateFindsSmallSequentialFuseWrites() throws Exception {
        Finding f = RuleFixtures.evaluate(rule, "b-fuse-bindfs.fusedump.gz");
        assertThat(f.summary()).matches("\\d+ reads and writes moved \\d+ bytes; sequential runs on one file could have "
                + "used \\d+ fewer requests .*");
        assertThat(f.fix()).contains("writeback_cache");
        assertThat(f.evidence().fids()).isEmpty();
    }

    @Test
    void evaluateNamesMsizeWhenItSplitsAReadIntoFullSizedPieces() {
        NinePTrace t = NinePTrace.create()
                .exchange(0, 10, r -> r.tversion(8192 + 24, "9P2000.L"), r -> r.rversion(8192 + 24, "9P2000.L"))
                .exchange(100, 200, r -> r.tread(1, 3, 0, 8192), r -> r.rread(1, 8192))
                .exchange(300, 400, r -> r.tread(1, 3, 8192, 8192), r -> r.rread(1, 100));
        Session s = t.session();
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(s));
        // No piece is small, but the second continues a full 8192-byte one: msize cut one read in two.
        assertThat(f.summary()).contains("msize 8216 split larger reads and writes into 1 more requests");
    }

    /**
     * diod's userspace tools at msize 8192 (c-diod-userspace): every read is full-sized, so no run
     * is "small", but msize cuts each larger read in 8168-byte pieces; the finding says so.
     */
    @Test
    void evaluateNamesMsizeOnTheMsize8192Capture() throws io.lookaside.capture.CaptureException {
        Finding f = RuleFixtures.evaluate(rule, "c-diod-userspace.pcap.gz");
        assertThat(f.summary()).containsPattern("msize \\d+ split larger reads and writes into \\d+ more requests");
        assertThat(f.explanation()).contains("msize 8192 is the ceiling");
        // Scored by its share of the wait: here diodload's 10 000-Tgetattr burst dominates, so the split reads
        // are a small share; the summary says how small.
        assertThat(f.summary()).containsPattern("At stake: .*, .* of all request wait\\.");
        assertThat(f.severity()).isEqualTo(Severity.of(Score.of((double) f.waitNanos()
                / RuleFixtures.totalWait("c-diod-userspace.pcap.gz"), Finding.INFO_WAIT_SHARE, Finding.WARNING_WAIT_SHARE)));
    }
}
