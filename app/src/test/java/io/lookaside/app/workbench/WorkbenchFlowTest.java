package io.lookaside.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.app.testing.WorkbenchPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The whole window: what a user does after starting {@code ./lookaside}. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFlowTest {
    private static final Path BUSYBOX = Samples.path("a-v9fs-busybox-cachenone.pcap.gz");
    private static final Path BINDFS = Samples.path("b-fuse-bindfs.fusedump.gz");

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

    /** As File › Open does once the file chooser returns, or a drop on the window. */
    private void open(FxRobot robot, Path file) {
        robot.interact(() -> vm.open(file));
    }

    @Test
    void startWithoutACaptureSaysHowToOpenOne(FxRobot robot) {
        WorkbenchPage page = new WorkbenchPage(robot);

        assertThat(page.status()).isEqualTo("Ready. Open a capture with Ctrl+O or drop a file on the window.");
        assertThat(page.rowCount()).isZero();
    }

    @Test
    void openingGarbageShowsAClearErrorAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.pcap"), new byte[] {'h', 'e', 'l', 'l', 'o', 0, 1, 2, 3});
        WorkbenchPage page = new WorkbenchPage(robot);

        open(robot, garbage);

        String error = page.errorDialog();
        assertThat(error).startsWith("Lookaside cannot open garbage.pcap\n")
                .contains("not a capture Lookaside can read")
                .doesNotContain("Exception", "\tat ");
        page.closeErrorDialog().typeFilter("fid == 3");
        assertThat(page.status()).startsWith("Ready.");
    }

    @Test
    void openingASampleListsEveryMessageAndCountsThemInTheStatusBar(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);

        open(robot, BUSYBOX);

        // Sidecar: "tshark: frames with 9p: 30288, 9P PDUs: 30288".
        page.waitForRows(30288);
        assertThat(page.status()).startsWith("Messages: 30288 · Displayed: 30288 (100.0%) · ");
        assertThat(robot.lookup("#loadBar").query().isVisible()).isFalse();
        assertThat(((Stage) robot.lookup("#messageTable").query().getScene().getWindow()).getTitle())
                .isEqualTo("a-v9fs-busybox-cachenone.pcap.gz — Lookaside");
    }

    @Test
    void typingATypeFilterNarrowsTheRowsToTheSidecarsCount(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        open(robot, BUSYBOX);
        page.waitForRows(30288);

        page.typeFilter("type == Twalk");

        // Sidecar histogram: 4626 Twalk; 4626 / 30288 = 15.27 %.
        page.waitForRows(4626);
        page.waitUntil(() -> page.status().startsWith("Messages: 30288 · Displayed: 4626 (15.3%)"));
    }

    @Test
    void selectingATwalkShowsItsDecodedFieldsAndBytes(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        open(robot, BUSYBOX);
        page.waitForRows(30288).applyFilter("type == Twalk").waitForRows(4626);

        page.clickRow(0);

        // The frame read again from the capture: its layers, then the 9P message's fields.
        page.waitUntil(() -> "Twalk".equals(page.detailFields().get("type"))
                && page.detailFields().containsKey("Transmission Control Protocol"));
        assertThat(page.detailFields()).containsKeys("frame", "conn", "tag", "fid", "newfid", "wnames",
                "Internet Protocol Version 4");
        assertThat(page.hex()).startsWith("0000  ");
        // walk(5): size[4] type[1]=110 (0x6e): the frame's bytes hold the message's.
        assertThat(page.hex()).contains(" 6e ");
    }

    @Test
    void enterOnAnErrorReplyJumpsToTheRequestThatFailed(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        open(robot, BUSYBOX);
        // Sidecar: 517 Rlerror.
        page.waitForRows(30288).applyFilter("type == Rlerror").waitForRows(517);

        page.clickRow(0).type(KeyCode.ENTER);

        page.waitUntil(() -> page.detailFields().get("type") != null && page.detailFields().get("type").startsWith("T"));
        assertThat(page.notice()).contains("hidden by the display filter");
        assertThat(page.selectedMessage()).isEqualTo(-1);
    }

    @Test
    void ctrlGGoesToAFrame(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        open(robot, BUSYBOX);
        page.waitForRows(30288).clickRow(0);
        long frame = vm.capture().sessionProperty().get().frame(12345);

        page.press(KeyCode.CONTROL, KeyCode.G).write(Long.toString(frame)).type(KeyCode.ENTER);

        page.waitUntil(() -> page.detailFields().get("frame") != null
                && page.detailFields().get("frame").equals(Long.toString(frame)));
    }

    @Test
    void ctrlSlashPutsTheCaretInTheFilter(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        open(robot, BUSYBOX);
        page.waitForRows(30288).clickRow(0);

        page.press(KeyCode.CONTROL, KeyCode.SLASH).write("type == Tversion").type(KeyCode.ENTER);

        page.waitForRows(1);
    }

    @Test
    void launchOptionsApplyTheFilterAndGoToTheFrame(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);

        robot.interact(() -> vm.launch(new LaunchOptions(BUSYBOX, "type == Rlerror", 1)));

        page.waitForRows(517).waitUntil(() -> page.selectedMessage() >= 0);
        assertThat(page.detailFields()).containsEntry("type", "Rlerror");
    }

    @Test
    void launchOptionsOnAFuseDumpSelectTheFrameAndShowItsFields(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);

        robot.interact(() -> vm.launch(new LaunchOptions(BINDFS, "type == LOOKUP", 408)));

        // Sidecar: 1494 LOOKUP requests + 1494 replies.
        page.waitForRows(2988).waitUntil(() -> page.selectedMessage() >= 0);
        page.waitUntil(() -> "408".equals(page.detailFields().get("frame")));
        assertThat(page.detailFields()).containsEntry("errno", "ENOENT");
    }

    @Test
    void aBadFileAfterAGoodOneKeepsTheGoodOne(FxRobot robot) throws Exception {
        Path garbage = Files.writeString(dir.resolve("junk.pcap"), "junk");
        WorkbenchPage page = new WorkbenchPage(robot);
        open(robot, BUSYBOX);
        page.waitForRows(30288);

        open(robot, garbage);

        assertThat(page.errorDialog()).contains("junk.pcap");
        page.closeErrorDialog();
        assertThat(page.rowCount()).isEqualTo(30288);
        assertThat(page.status()).startsWith("Messages: 30288");
    }

    @Test
    void aFuseDumpListsItsMessagesAndAFailedLookupLeadsToItsRequest(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        open(robot, BINDFS);
        // Sidecar: "fusedump summary: 5509 messages"; "1454 LOOKUP ENOENT".
        page.waitForRows(5509).applyFilter("errno == ENOENT").waitForRows(1454);

        page.clickRow(0);
        page.waitUntil(() -> "ENOENT".equals(page.detailFields().get("errno")));
        page.type(KeyCode.ENTER);

        page.waitUntil(() -> "request".equals(page.detailFields().get("dir")));
        assertThat(page.detailFields()).containsEntry("type", "LOOKUP").containsKey("name");
        assertThat(page.columnTitle("column-key")).isEqualTo("Unique");
    }

    @Test
    void theStatusBarsDiagnosticsLinkOpensTheDiagnostics(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        open(robot, BINDFS);
        page.waitForRows(5509);

        robot.clickOn("#diagnosticsLink");

        // The sidecar says how the dump was made: "rebuilt from strace output".
        assertThat(page.diagnostics()).hasSize(1);
        assertThat(page.diagnostics().get(0)).contains("rebuilt from strace output");
        assertThat(vm.featureProperty().get()).isEqualTo(WorkbenchViewModel.Feature.DIAGNOSTICS);
    }

    @Test
    void doubleClickingADiagnosticGoesToItsFrame(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        open(robot, Samples.path("d-diod-any-sll2.pcap.gz"));
        page.waitUntil(() -> page.rowCount() > 0);
        robot.clickOn("#diagnosticsLink");

        // Sidecar: the kernel dropped packets, a real capture gap; the session names the frame after it.
        String gap = page.diagnostics().stream().filter(d -> d.contains("bytes missing")).findFirst().orElseThrow();
        page.doubleClickDiagnostic(gap);

        page.waitUntil(() -> vm.featureProperty().get() == WorkbenchViewModel.Feature.MESSAGES
                && page.detailFields().containsKey("frame"));
        long frame = Long.parseLong(page.detailFields().get("frame"));
        long diagnosticFrame = vm.diagnostics().items().stream().filter(d -> d.text().equals(gap)).findFirst()
                .orElseThrow().frame();
        assertThat(frame).isGreaterThanOrEqualTo(diagnosticFrame);
    }

    @Test
    void aCaptureWithout9POrFuseSaysSo(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);

        open(robot, Samples.path("d-http-lo.pcap.gz"));

        page.waitUntil(() -> page.status().startsWith("Messages: 0"));
        assertThat(page.placeholder()).isEqualTo("This capture holds no 9P or FUSE messages.");
    }

    @Test
    void openingADirectoryShowsAClearError(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);

        open(robot, dir);

        assertThat(page.errorDialog()).contains("is a directory, not a capture");
    }
}
