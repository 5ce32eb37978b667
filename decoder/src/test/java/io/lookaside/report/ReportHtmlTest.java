package io.lookaside.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lookaside.Samples;
import io.lookaside.analysis.Analyzer;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.SessionLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportHtmlTest {
    /** Anything that would make the page fetch or run something. */
    static final Pattern EXTERNAL = Pattern.compile("(?i)<script|<link|<iframe|<img|\\ssrc=|@import|url\\(|https?://|//[a-z0-9]");

    @TempDir
    Path dir;

    @Test
    void renderIsOneSelfContainedPageWithEverySection() {
        String html = ReportHtml.render(ReportFixtures.report());
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        for (String id : new String[] {"summary", "findings", "operations", "whatif", "profiles", "paths", "capture"}) {
            assertThat(html).contains("id=\"" + id + "\"");
        }
        assertThat(html).contains("<svg").contains("<style>");
        assertThat(EXTERNAL.matcher(html).find()).as("external reference").isFalse();
    }

    @Test
    void renderEscapesNamesFromTheCapture() {
        String html = ReportHtml.render(ReportFixtures.report());
        assertThat(html).doesNotContain(ReportFixtures.HOSTILE).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    }

    @Test
    void renderProjectsTheWaitOfEachModel() {
        Report r = ReportFixtures.report();
        String html = ReportHtml.render(r);
        WhatIfEntry m = r.whatIf().get("walk-cache");
        assertThat(html).contains("This workload would wait <b>" + Html.d(m.projectedWallNanos()) + "</b> instead of <b>"
                + Html.d(r.totals().wallNanos()) + "</b>");
    }

    /**
     * The gcc build's negative-dentry saving is a few percent of its wait: on one axis with the
     * biggest model it is a flat line at 0. In the small multiples it has its own scale, is drawn
     * first, outlined, and its largest saving is written on it; the saved-wait bars have their own axis.
     */
    @Test
    void theNegativeDentryAndSymlinkSavingsGetTheirOwnScale() throws Exception {
        io.lookaside.session.Session s = io.lookaside.session.SessionLoader.load(
                io.lookaside.Samples.path("a-v9fs-busybox-cachenone.pcap.gz"), io.lookaside.capture.CaptureOptions.DEFAULT,
                io.lookaside.capture.LoadMonitor.NONE);
        Report r = ReportBuilder.build(io.lookaside.analysis.Analyzer.analyze(s), ReportBuilder.Options.DEFAULT);
        String html = ReportHtml.render(r);
        WhatIfEntry neg = r.whatIf().get("negative-dentry");
        long top = neg.sweep().stream().mapToLong(WhatIfEntry.SweepPoint::savedWallNanos).max().orElseThrow();
        assertThat(top).isPositive().isLessThan(r.totals().wallNanos() / 10);
        assertThat(html).contains("each model on its own scale");
        assertThat(html).contains("negative-dentry  (saves up to " + Html.d(top) + ")");
        assertThat(html).contains("symlink  (saves up to ");
        // Headline models come first in the multiples.
        int multiples = html.indexOf("one chart per model on its own scale");
        assertThat(html.indexOf("negative-dentry  (saves up to", multiples))
                .isLessThan(html.indexOf("page-cache  (saves up to", multiples));
        assertThat(html).contains("Saved wall-clock wait, on its own axis");
    }

    @Test
    void renderSaysSoWhenNoModelApplies() throws Exception {
        var s = SessionLoader.load(Samples.path("b-fuse-bindfs.fusedump.gz"), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        var a = Analyzer.analyze(s, io.lookaside.lifecycle.Lifecycles.of(s), java.util.List.of(), java.util.List.of(),
                io.lookaside.analysis.Rules.ALL);
        String html = ReportHtml.render(ReportBuilder.build(a, ReportBuilder.Options.DEFAULT));
        assertThat(html).contains("No what-if model applies to this capture.").contains("No profile applies to this capture.");
        assertThat(EXTERNAL.matcher(html).find()).isFalse();
    }

    /** Renders the page in headless Chromium: its DOM has every section and the screenshot is a full page. */
    @Test
    void chromiumRendersThePage() throws Exception {
        Path chromium = Chromium.find();
        assumeTrue(chromium != null, "chromium is not installed");
        Path html = dir.resolve("report.html");
        Files.writeString(html, ReportHtml.render(ReportFixtures.report()), StandardCharsets.UTF_8);
        String dom = Chromium.run(chromium, html, dir, "--dump-dom");
        for (String id : new String[] {"summary", "findings", "operations", "whatif", "profiles", "paths", "capture"}) {
            assertThat(dom).contains("id=\"" + id + "\"");
        }
        assertThat(dom).contains("Wait-time report").contains("<svg");
        assertThat(EXTERNAL.matcher(dom).find()).isFalse();
        Path png = dir.resolve("shot.png");
        Chromium.run(chromium, html, dir, "--hide-scrollbars", "--window-size=1400,2000", "--screenshot=" + png);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        assertThat(ByteBuffer.wrap(bytes, 16, 8).getInt()).isEqualTo(1400);
        assertThat(ByteBuffer.wrap(bytes, 20, 4).getInt()).isEqualTo(2000);
        assertThat(bytes.length).as("a page with content, not a blank image").isGreaterThan(50_000);
    }
}
