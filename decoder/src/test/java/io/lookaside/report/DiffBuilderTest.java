package io.lookaside.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.analysis.Analyzer;
import io.lookaside.analysis.NinePTrace;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class DiffBuilderTest {

    /** The fixture's capture without its Tunlinkat, and with its clunks twice as slow. */
    static Report other() {
        NinePTrace t = NinePTrace.create()
                .exchange(0, 10, r -> r.tversion(8216, "9P2000.L"), r -> r.rversion(8216, "9P2000.L"));
        for (int k = 0; k < 5; k++) {
            long at = 1000 + 2000L * k;
            t.exchange(at, at + 100, r -> r.twalk(1, 1, 2, "missing"), r -> r.rlerror(1, 2));
        }
        for (int k = 0; k < 4; k++) {
            long at = 20_000 + 1000L * k;
            t.exchange(at, at + 100, r -> r.tclunk(2, 3), r -> r.rclunk(2));
        }
        Session s = t.session();
        return ReportBuilder.build(Analyzer.analyze(s), ReportBuilder.Options.DEFAULT);
    }

    @Test
    void buildComparesOperationsWithDeltasBMinusA() {
        Diff d = DiffBuilder.build(ReportFixtures.report(), other());
        assertThat(d.schema()).isEqualTo("lookaside.diff/1");
        Diff.Operation clunk = d.operations().stream().filter(o -> o.op().equals("Tclunk")).findFirst().orElseThrow();
        assertThat(clunk.count()).isEqualTo(new Diff.Delta(3L, 4L, 1L));
        assertThat(clunk.totalNanos()).isEqualTo(new Diff.Delta(150_000L, 400_000L, 250_000L));
        assertThat(clunk.meanNanos()).isEqualTo(new Diff.Delta(50_000L, 100_000L, 50_000L));
        Diff.Operation unlink = d.operations().stream().filter(o -> o.op().equals("Tunlinkat")).findFirst().orElseThrow();
        assertThat(unlink.count()).isEqualTo(new Diff.Delta(1L, null, null));
        assertThat(d.totals().requests()).isEqualTo(new Diff.Delta(13L, 10L, -3L));
        assertThat(d.operations().get(0).op()).isEqualTo("Twalk");
    }

    @Test
    void buildComparesModelsPresentOnOneSideOnly() {
        Diff d = DiffBuilder.build(ReportFixtures.report(), other());
        Diff.Model m = d.whatIf().get("walk-cache");
        assertThat(m.savedRoundTrips().a()).isEqualTo(6);
        assertThat(m.savedRoundTrips().b()).isNull();
        assertThat(m.savedRoundTrips().delta()).isNull();
        assertThat(d.profiles()).containsKey("walk-cache");
    }

    @Test
    void diffWritersProduceEverySection() throws Exception {
        Diff d = DiffBuilder.build(ReportFixtures.report(), other());
        var out = new java.io.ByteArrayOutputStream();
        DiffCsv.write(d, out);
        var sections = ReportCsvTest.sections(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(sections.keySet()).containsExactly("totals", "operations", "whatif", "profiles", "findings");
        String html = DiffHtml.render(d);
        assertThat(html).contains("Wait-time comparison").contains("id=\"operations\"").contains("<svg");
        assertThat(ReportHtmlTest.EXTERNAL.matcher(html).find()).isFalse();
        assertThat(html).doesNotContain(ReportFixtures.HOSTILE);
        String json = ReportJson.toString(d);
        assertThat(json).contains("\"schema\" : \"lookaside.diff/1\"").contains("\"delta\" : 250000");
    }
}
