package io.lookaside.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookaside.Samples;
import io.lookaside.analysis.Finding;
import io.lookaside.app.testing.WorkbenchPage;
import io.lookaside.app.workbench.ReportExport.Format;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import io.lookaside.whatif.Models;
import io.lookaside.whatif.Savings;
import io.lookaside.whatif.Windows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The analysis tabs as a user meets them: open a real capture, wait for its analysis, look at the
 * findings, wait times, what-if and lifecycles, jump from evidence to messages, export the report.
 * Expected figures come from the decoder's own API and from the samples' sidecars, never from
 * the workbench.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisFlowTest {
    private static final Path BUSYBOX = Samples.path("a-v9fs-busybox-cachenone.pcap.gz");
    private static final Path GCCSPLIT = Samples.path("a-v9fs-gccsplit-srccachenone.pcap.gz");
    private static final Path GLUSTERFS = Samples.path("b-fuse-glusterfs.fusedump.gz");

    private final List<Throwable> unexpected = new ArrayList<>();
    private TaskRunner runner;
    private WorkbenchViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        runner = TaskRunner.forJavaFx(unexpected::add);
        vm = WorkbenchApplication.show(stage, runner);
    }

    @AfterEach
    void close() {
        runner.close();
        assertThat(unexpected).isEmpty();
    }

    private WorkbenchPage open(FxRobot robot, Path file) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        robot.interact(() -> vm.open(file));
        return page.waitForAnalysis();
    }

    private Session session() {
        return vm.capture().sessionProperty().get();
    }

    /** What the decoder's model saves at window ∞, computed without the workbench or the analysis engine. */
    private static long decoderSavedRoundTrips(Session s, String model) {
        return Savings.of(s, Models.byId(model).simulate(s, Lifecycles.of(s), Windows.INFINITE)).savedRoundTrips();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Test
    void whatIfShowsTheNegativeDentryRowWithTheDecodersSavedRoundTrips(FxRobot robot) throws Exception {
        WorkbenchPage page = open(robot, BUSYBOX);

        page.openTab("whatIfTab");

        long expected = decoderSavedRoundTrips(session(), "negative-dentry");
        assertThat(page.whatIfCell("negative-dentry", "whatif-saved-round-trips")).isEqualTo(count(expected));
        // Sidecar: "280 repeats of an already-failed path", the walks a negative dentry would answer.
        assertThat(page.whatIfRow("negative-dentry").entry().removedByType()).containsEntry("Twalk", 280L);
    }

    @Test
    void whatIfOnAFuseDaemonShowsTheNegativeEntryTimeoutsSavings(FxRobot robot) throws Exception {
        WorkbenchPage page = open(robot, GLUSTERFS);

        page.openTab("whatIfTab");

        long expected = decoderSavedRoundTrips(session(), "fuse-negative-entry");
        assertThat(page.whatIfCell("fuse-negative-entry", "whatif-saved-round-trips")).isEqualTo(count(expected));
        // Sidecar: "failed LOOKUPs: 1454 total, 204 distinct names, 1250 repeats"; one repeat comes
        // after the daemon created that name, which invalidates the negative entry: 1249 remain.
        assertThat(expected).isEqualTo(1249);
    }

    @Test
    void whatIfOnACompilerRunSavesTheSidecarsRepeatedFailedWalksAndShowsTheSweep(FxRobot robot) throws Exception {
        WorkbenchPage page = open(robot, GCCSPLIT);
        page.openTab("whatIfTab");

        page.selectModel("negative-dentry");

        // Sidecar: "failed walks: 5568 total, 180 distinct paths, 5388 repeats of an already-failed path".
        assertThat(page.whatIfRow("negative-dentry").entry().removedByType()).containsEntry("Twalk", 5388L);
        assertThat(page.whatIfCell("negative-dentry", "whatif-saved-round-trips"))
                .isEqualTo(count(decoderSavedRoundTrips(session(), "negative-dentry")));
        page.waitUntil(() -> ((CategoryPlot) page.chart("sweepChart").getChart().getPlot()).getDataset().getColumnCount() == 7);
        CategoryPlot sweep = (CategoryPlot) page.chart("sweepChart").getChart().getPlot();
        assertThat(sweep.getDataset().getColumnKeys()).containsExactly("0", "1 ms", "10 ms", "100 ms", "1 s", "10 s", "∞");
        assertThat(sweep.getDataset(0).getValue(0, 6).doubleValue()).isPositive();
        assertThat(sweep.getDataset(1).getValue(0, 6).longValue())
                .isEqualTo(page.whatIfRow("negative-dentry").entry().savedRoundTrips());
    }

    @Test
    void findingsListTheRepeatedNegativeLookupsAndTheirEvidenceOpensTheMessage(FxRobot robot) throws Exception {
        WorkbenchPage page = open(robot, BUSYBOX);
        page.openTab("findingsTab");
        assertThat(page.findingRules()).contains("negative-lookups");

        page.selectFinding("negative-lookups").clickEvidence("findingEvidence", 0);

        Finding f = vm.analysis().resultProperty().get().analysis().findings().stream()
                .filter(x -> x.rule().equals("negative-lookups")).findFirst().orElseThrow();
        int message = f.evidence().messages().get(0);
        page.waitUntil(() -> vm.featureProperty().get() == WorkbenchViewModel.Feature.MESSAGES
                && page.selectedMessage() == message);
        page.waitUntil(() -> Long.toString(session().frame(message)).equals(page.detailFields().get("frame")));
        assertThat(page.detailFields()).containsEntry("type", "Twalk");
    }

    /** A tab's view joins the window when the tab is first shown, and stays: an analysis lays out no tab never shown. */
    @Test
    void analysisTabsJoinTheSceneWhenFirstSelectedAndStay(FxRobot robot) throws Exception {
        WorkbenchPage page = open(robot, BUSYBOX);
        int fids = Lifecycles.of(session()).fids().size();

        assertThat(robot.lookup("#findingsTable").tryQuery()).isPresent(); // opened by waitForAnalysis
        assertThat(robot.lookup("#fidTable").tryQuery()).isEmpty();
        assertThat(robot.lookup("#waitsTable").tryQuery()).isEmpty();
        assertThat(robot.lookup("#whatIfTable").tryQuery()).isEmpty();
        page.openTab("lifecyclesTab");
        page.waitUntil(() -> page.lifecycleRows("fidTable") == fids);
        page.openTab("messagesTab");
        robot.interact(() -> vm.open(GLUSTERFS));
        page.waitForAnalysis();

        assertThat(robot.lookup("#fidTable").tryQuery()).isPresent();
        assertThat(robot.lookup("#waitsTable").tryQuery()).isEmpty();
        page.openTab("lifecyclesTab");
        page.waitUntil(() -> page.lifecycleRows("nodeTable") == Lifecycles.of(session()).nodes().size());
    }

    @Test
    void lifecyclesCountTheFidsAnswerADentryQueryAndOpenAFidsCreation(FxRobot robot) throws Exception {
        WorkbenchPage page = open(robot, BUSYBOX);
        int fids = Lifecycles.of(session()).fids().size();
        page.openTab("lifecyclesTab");
        page.waitUntil(() -> page.lifecycleRows("fidTable") == fids);
        assertThat(page.tabText("fidTab")).isEqualTo("Fids (9P): " + count(fids));

        page.queryDentry("opt/nothere");

        // Sidecar: "failed walks ... most repeated: 30 opt/nothere".
        assertThat(page.dentryAnswer()).contains("not found 30 times");
        page.doubleClickLifecycle("fidTable", 2);
        int created = Lifecycles.of(session()).fids().get(2).createdAt();
        page.waitUntil(() -> vm.featureProperty().get() == WorkbenchViewModel.Feature.MESSAGES
                && page.selectedMessage() == created);
    }

    @Test
    void waitTimesShowTheSidecarsTwalkFiguresAndChartsWithData(FxRobot robot) throws Exception {
        WorkbenchPage page = open(robot, BUSYBOX);

        page.openTab("waitsTab");

        // Sidecar: "Twalk 4626 0.7557" (count, total seconds).
        assertThat(page.waitsCell("Twalk", "waits-count")).isEqualTo("4,626");
        assertThat(page.waitsCell("Twalk", "waits-total")).isEqualTo("756 ms");
        page.waitUntil(() -> page.chart("waitOverTimeChart").getChart().getXYPlot().getDataset(0).getItemCount(0) > 0);
        CategoryPlot bars = (CategoryPlot) page.chart("waitByOperationChart").getChart().getPlot();
        // Twalk has the largest total wait in the sidecar's latency table: the first bar.
        assertThat(bars.getDataset().getColumnKey(0)).isEqualTo("Twalk");
        XYPlot time = page.chart("waitOverTimeChart").getChart().getXYPlot();
        assertThat(time.getDataset(1).getItemCount(0)).isEqualTo(time.getDataset(0).getItemCount(0));
    }

    @Test
    void exportWritesAJsonReportThatParsesAndHasTheSchemaKey(FxRobot robot) throws Exception {
        WorkbenchPage page = open(robot, BUSYBOX);
        WorkbenchView view = robot.lookup(".workbench").queryAs(WorkbenchView.class);
        Path out = dir.resolve("busybox.report.json");

        robot.interact(() -> view.exportTo(out, Format.JSON, false));

        page.waitUntil(() -> Files.exists(out) && !vm.export().busyProperty().get());
        var json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("schema").asText()).isEqualTo("lookaside.report/1");
        assertThat(robot.lookup("#exportLabel").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("Report saved to " + out);
    }

    @Test
    void exportOntoAnExistingFileAsksAndCancelLeavesItAlone(FxRobot robot) throws Exception {
        WorkbenchPage page = open(robot, BUSYBOX);
        WorkbenchView view = robot.lookup(".workbench").queryAs(WorkbenchView.class);
        Path out = Files.writeString(dir.resolve("mine.csv"), "mine");

        // Not waited for: the question blocks exportTo until it is answered.
        WaitForAsyncUtils.asyncFx(() -> view.exportTo(out, Format.CSV, false));
        page.answerReplace("Cancel");

        assertThat(Files.readString(out)).isEqualTo("mine");
        WaitForAsyncUtils.asyncFx(() -> view.exportTo(out, Format.CSV, false));
        page.answerReplace("Replace");
        page.waitUntil(() -> Files.readString(out).startsWith("capture,key,value"));
    }
}
