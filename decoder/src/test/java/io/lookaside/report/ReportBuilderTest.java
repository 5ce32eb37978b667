package io.lookaside.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.analysis.Analysis;
import io.lookaside.analysis.Analyzer;
import io.lookaside.Samples;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.SessionLoader;
import io.lookaside.whatif.WallClock;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    @Test
    void buildSummarisesTheCaptureWithItsFileNameOnly() {
        Report r = ReportFixtures.report();
        assertThat(r.schema()).isEqualTo("lookaside.report/1");
        CaptureInfo c = r.capture();
        assertThat(c.file()).isEqualTo("trace.pcap");
        assertThat(c.sourceKind()).isEqualTo("pcap");
        assertThat(c.protocols()).containsExactly("9p");
        assertThat(c.dialects()).containsExactly("9P2000.L");
        assertThat(c.messages()).isEqualTo(26);
        assertThat(c.durationNanos()).isEqualTo(40_100_000);
        assertThat(c.capturePoint().kind()).isEqualTo("network");
        assertThat(c.messageCounts()).containsEntry("Twalk", 7L).containsEntry("Rlerror", 8L).containsEntry("Tclunk", 3L);
    }

    /** Messages per type and the capture's span against the sidecars ("message counts:", "N 9P messages, S s from first to last"). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(textBlock = """
            a-v9fs-busybox-cachenone.pcap.gz,        a-v9fs-busybox-cachenone.txt
            a-v9fs-gccsplit-srccacheloose.pcap.gz,   a-v9fs-gccsplit-srccacheloose.txt
            a-v9fs-busybox-cacheloose-ganesha.pcap.gz, a-v9fs-busybox-cacheloose-ganesha.txt
            c-diod-userspace.pcap.gz,                c-diod-userspace.txt
            """)
    void buildCountsMessagesAsTheSidecarDoes(String sample, String sidecar) throws Exception {
        var s = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        Report r = ReportBuilder.build(Analyzer.analyze(s), ReportBuilder.Options.DEFAULT);
        assertThat(r.capture().messageCounts()).isEqualTo(new java.util.TreeMap<>(io.lookaside.Sidecars.counts(sidecar, "message counts:")));
        String pairing = io.lookaside.Sidecars.lines(sidecar).stream().filter(l -> l.startsWith("T/R pairing")).findFirst().orElseThrow();
        var m = java.util.regex.Pattern.compile("(\\d+) 9P messages, ([0-9.]+) s from first to last").matcher(pairing);
        assertThat(m.find()).isTrue();
        assertThat(r.capture().messages()).isEqualTo(Long.parseLong(m.group(1)));
        assertThat(r.capture().durationNanos() / 1e9).isCloseTo(Double.parseDouble(m.group(2)), org.assertj.core.api.Assertions.within(0.0006));
    }

    @Test
    void buildTotalsTheWait() {
        Report r = ReportFixtures.report();
        Totals t = r.totals();
        assertThat(t.requests()).isEqualTo(13);
        assertThat(t.answered()).isEqualTo(13);
        assertThat(t.errors()).isEqualTo(8);
        assertThat(t.waitNanos()).isEqualTo(10_000 + 2_000 + 5 * 100_000 + 3 * 50_000 + 2 * 200_000 + 100_000);
        assertThat(t.wallNanos()).isEqualTo(t.waitNanos());
        assertThat(t.requesters()).isEqualTo(1);
        // Every request but Tversion concerns a path; the clunked fid 3 was never walked: "<fid 3>".
        assertThat(t.pathsKnown()).isEqualTo(12);
        assertThat(r.paths()).extracting(PathRow::path).containsExactly("missing", ReportFixtures.HOSTILE, "<fid 3>", "f", "/");
        PathRow missing = r.paths().get(0);
        assertThat(missing.count()).isEqualTo(5);
        assertThat(missing.errors()).isEqualTo(5);
        assertThat(missing.totalNanos()).isEqualTo(500_000);
        assertThat(missing.ops()).containsExactly(java.util.Map.entry("Twalk", 5L));
        OperationRow walk = r.operations().get(0);
        assertThat(walk.op()).isEqualTo("Twalk");
        assertThat(walk.errors()).containsExactly(java.util.Map.entry("ENOENT", 7L));
        assertThat(walk.errorCount()).isEqualTo(7);
        assertThat(walk.p50Nanos()).isEqualTo(100_000);
        assertThat(walk.maxNanos()).isEqualTo(200_000);
    }

    @Test
    void buildReportsEveryModelOverTheSweepAndTheProjection() {
        Report r = ReportFixtures.report();
        WhatIfEntry m = r.whatIf().get("walk-cache");
        // Walks 2 ms apart, then a gap of 21 ms, then 2 ms: 1 ms catches none, 10 ms 5 of them, 100 ms and more all 6.
        assertThat(m.sweep()).extracting(WhatIfEntry.SweepPoint::window)
                .containsExactly("0", "1ms", "10ms", "100ms", "1s", "10s", "inf");
        assertThat(m.sweep()).extracting(WhatIfEntry.SweepPoint::savedRoundTrips).containsExactly(0L, 0L, 5L, 6L, 6L, 6L, 6L);
        assertThat(m.sweep().get(2).windowNanos()).isEqualTo(10_000_000L);
        assertThat(m.sweep().get(6).windowNanos()).isNull();
        assertThat(m.savedRoundTrips()).isEqualTo(6);
        assertThat(m.savedRttNanos()).isEqualTo(4 * 100_000 + 2 * 200_000);
        // One connection, one request at a time: the wall-clock saving is the RTT saving.
        assertThat(m.savedWallNanos()).isEqualTo(m.savedRttNanos());
        assertThat(m.projectedWallNanos()).isEqualTo(r.totals().wallNanos() - m.savedWallNanos());
        assertThat(m.removedByType()).containsEntry("Twalk", 6L);
        assertThat(m.evidence().frames()).hasSize(6);
        assertThat(m.evidence().messages()).hasSize(6);
        assertThat(m.assumptions()).isEqualTo("Repeated walks are answered from a cache.");
        ProfileEntry p = r.profiles().get("walk-cache");
        assertThat(p.predictedCounts()).containsEntry("Twalk", 1L).containsEntry("Rlerror", 2L).containsEntry("Tclunk", 3L);
        assertThat(p.steps()).extracting(ProfileEntry.Step::window).containsExactly("1s");
        assertThat(p.predictedWaitNanos()).isEqualTo(r.totals().wallNanos() - p.savedWallNanos());
    }

    @Test
    void buildGivesNullFiguresAndRemarksForModelsThatCannotRun() throws Exception {
        // Kernel tracepoints carry FUSE headers only: the FUSE models that need names or bodies cannot run.
        var s = SessionLoader.load(Samples.path("b-fuse-bindfs.tracefs.txt"), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        Report r = ReportBuilder.build(Analyzer.analyze(s), ReportBuilder.Options.DEFAULT);
        WhatIfEntry negative = r.whatIf().get("fuse-negative-entry");
        assertThat(negative.applicable()).isFalse();
        assertThat(negative.remarks()).isNotEmpty();
        assertThat(negative.savedRoundTrips()).isNull();
        assertThat(negative.projectedWallNanos()).isNull();
        assertThat(negative.sweep()).isEmpty();
        String html = ReportHtml.render(r);
        assertThat(html).contains("cannot run on this capture");
        String json = ReportJson.toString(r);
        assertThat(json).contains("\"savedRoundTrips\" : null");
    }

    @Test
    void buildKeepsFindingsInScoreOrderWithFrames() {
        Report r = ReportFixtures.report();
        assertThat(r.findings()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        FindingEntry negative = r.findings().stream().filter(f -> f.rule().equals("negative-lookups")).findFirst().orElseThrow();
        assertThat(negative.severity()).isEqualTo("WARNING");
        assertThat(negative.evidence().frames()).hasSize(5).allMatch(f -> f > 0);
        assertThat(negative.evidence().paths()).containsExactly("missing", ReportFixtures.HOSTILE);
    }

    @Test
    void buildListsTopPathsOnlyAsAskedAndWallClockOfASample() throws Exception {
        var s = SessionLoader.load(Samples.path("b-fuse-bindfs.fusedump.gz"), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        Analysis a = Analyzer.analyze(s);
        Report r = ReportBuilder.build(a, new ReportBuilder.Options(3, 2));
        assertThat(r.paths()).hasSizeLessThanOrEqualTo(3);
        assertThat(r.totals().wallNanos()).isEqualTo(WallClock.wait(s));
        assertThat(r.capture().capturePoint().kind()).isEqualTo("daemon");
        assertThat(r.capture().connections()).hasSize(1);
        assertThat(r.operations().get(0).op()).isEqualTo("LOOKUP");
    }
}
