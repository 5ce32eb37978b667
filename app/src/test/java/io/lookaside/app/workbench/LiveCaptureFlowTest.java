package io.lookaside.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.app.live.InterfaceRow;
import io.lookaside.app.testing.Diod;
import io.lookaside.app.testing.WorkbenchPage;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Live capture in the window, on real traffic: diod on 127.0.0.1 at a free port, its userspace
 * clients, libpcap on {@code lo}. Needs root and diod; fails saying so unless
 * {@code -Dlookaside.live.skip=true}.
 */
@ExtendWith(ApplicationExtension.class)
class LiveCaptureFlowTest {
    private final List<Throwable> unexpected = new ArrayList<>();
    private TaskRunner runner;
    private WorkbenchViewModel vm;

    @TempDir
    Path dir;

    @BeforeEach
    void requireLiveCapture() {
        Diod.requireLiveCapture();
    }

    @Start
    void start(Stage stage) {
        runner = TaskRunner.forJavaFx(unexpected::add);
        vm = WorkbenchApplication.show(stage, runner);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(vm::stopCapture);
        runner.close();
        assertThat(unexpected).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static TableView<InterfaceRow> interfaces(FxRobot robot) {
        return robot.lookup("#interfaceTable").queryAs(TableView.class);
    }

    private static String problem(FxRobot robot) {
        return robot.lookup("#captureProblem").queryAs(Label.class).getText();
    }

    private static void setField(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    /** Capture › Start… (Ctrl+K), loopback chosen, the filter and port set, Start pressed. */
    private void startCaptureOnLoopback(FxRobot robot, WorkbenchPage page, int port, Path output) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        page.waitUntil(() -> interfaces(robot).getItems().stream().anyMatch(r -> r.name().equals("lo")));
        robot.interact(() -> vm.captureDialog().selectedProperty().set(
                interfaces(robot).getItems().stream().filter(r -> r.name().equals("lo")).findFirst().orElseThrow()));
        setField(robot, "#capturePort", Integer.toString(port));
        setField(robot, "#captureOutput", output.toString());
        page.waitUntil(() -> problem(robot).isEmpty());
        assertThat(robot.lookup("#captureFilter").queryAs(TextField.class).getText())
                .isEqualTo("tcp port 564 or tcp port " + port);
        robot.clickOn("#startCapture");
        page.waitUntil(() -> vm.live().runningProperty().get());
    }

    @Test
    void captureDialogListsLoopbackWithItsTrafficAndChecksTheFilterAsItIsTyped(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);

        page.waitUntil(() -> interfaces(robot).getItems().stream().anyMatch(r -> r.name().equals("lo")));
        InterfaceRow lo = interfaces(robot).getItems().stream().filter(r -> r.name().equals("lo")).findFirst().orElseThrow();
        assertThat(lo.addresses()).contains("127.0.0.1");
        assertThat(lo.linkType()).isEqualTo("Ethernet, loopback");
        // The sparkline has rates once two readings of the counters a second apart are in.
        page.waitUntil(() -> lo.ratesProperty().get().length >= 2);
        robot.interact(() -> vm.captureDialog().selectedProperty().set(lo));
        page.waitUntil(() -> problem(robot).isEmpty());
        assertThat(robot.lookup("#startCapture").queryAs(Button.class).isDisabled()).isFalse();

        setField(robot, "#captureFilter", "tcp port");
        page.waitUntil(() -> problem(robot).startsWith("Filter: "));
        assertThat(robot.lookup("#startCapture").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(problem(robot)).doesNotContain("Exception");

        setField(robot, "#captureFilter", "tcp port 5640");
        page.waitUntil(() -> problem(robot).isEmpty());
        assertThat(robot.lookup("#startCapture").queryAs(Button.class).isDisabled()).isFalse();
        robot.interact(() -> robot.lookup("#captureDialog").queryAs(javafx.scene.control.DialogPane.class)
                .getScene().getWindow().hide());
    }

    @Test
    void captureOnLoopbackFillsTheTableLiveAndStopKeepsEveryMessageOfTheWrittenFile(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        Path output = dir.resolve("live.pcapng");
        try (Diod diod = Diod.start(dir.resolve("export"))) {
            startCaptureOnLoopback(robot, page, diod.port(), output);
            // Traffic until the test has seen what it looks for, and at most a minute of it.
            AtomicBoolean enough = new AtomicBoolean();
            CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                try {
                    diod.getattrStorm(1, 1); // a burst of thousands, then a trickle
                    while (!enough.get() && System.nanoTime() < end) {
                        diod.browse();
                    }
                    diod.browse();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // Rows appear while the capture runs, the counters move, and the analysis of the
            // messages so far arrives without waiting for Stop.
            page.waitUntil(() -> page.rowCount() > 0);
            assertThat(vm.live().runningProperty().get()).isTrue();
            assertThat(page.status()).startsWith("Capturing on lo · Messages: ").contains("dropped: ");
            int early = page.rowCount();
            page.waitUntil(() -> page.rowCount() > early + 1000);
            assertThat(vm.live().runningProperty().get()).isTrue();
            page.waitUntil(() -> vm.analysis().resultProperty().get() != null);
            assertThat(vm.live().runningProperty().get()).isTrue();
            // The table follows the tail: its last row is on screen.
            page.waitUntil(() -> showsLastRow(robot, page));
            // A user who scrolls away stays where they went while rows keep coming.
            // Focused without a click: TestFX measures a node off the FX thread, which races with a table that grows.
            robot.interact(() -> page.table().requestFocus());
            robot.type(KeyCode.HOME);
            page.waitUntil(() -> firstVisibleRow(page) == 0);
            int away = page.rowCount();
            page.waitUntil(() -> page.rowCount() > away + 20);
            assertThat(firstVisibleRow(page)).isZero();
            enough.set(true);
            traffic.get(90, TimeUnit.SECONDS);

            robot.clickOn("#stopCapture");
            page.waitUntil(() -> !vm.live().runningProperty().get() && vm.capture().sessionProperty().get() != null);
        }
        page.waitUntil(vm::isSettled);

        // As File › Open reads it: the default options, 9P found by its version exchange.
        Session written = SessionLoader.load(output, CaptureOptions.DEFAULT, LoadMonitor.NONE);
        assertThat(written.size()).isGreaterThan(1000);
        assertThat(page.rowCount()).isEqualTo(written.size());
        assertThat(vm.capture().sessionProperty().get().size()).isEqualTo(written.size());
        assertThat(vm.capture().pathProperty().get()).isEqualTo(output.toAbsolutePath());
        String summary = robot.lookup("#liveSummary").queryAs(Label.class).getText();
        assertThat(summary).startsWith("Captured on lo: " + grouped(written.size()) + " messages")
                .contains("dropped: 0 (libpcap)").endsWith("; stopped");

        // File › Save Capture As…, as it runs once the save dialog returns.
        Path saved = dir.resolve("saved/kept.pcapng");
        Files.createDirectories(saved.getParent());
        robot.interact(() -> vm.saveCaptureAs(saved));
        page.waitUntil(() -> vm.captureCopy().resultProperty().get() != null);
        assertThat(vm.captureCopy().resultProperty().get().written()).isTrue();
        Session reopened = SessionLoader.load(saved, CaptureOptions.DEFAULT, LoadMonitor.NONE);
        assertThat(reopened.size()).isEqualTo(written.size());
        for (int i = 0; i < reopened.size(); i++) {
            assertThat(reopened.frame(i)).isEqualTo(written.frame(i));
            assertThat(reopened.typeCode(i)).isEqualTo(written.typeCode(i));
        }
    }

    @Test
    void aCaptureThatCannotStartSaysWhyInWordsAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        Path output = dir.resolve("never.pcapng");

        robot.interact(() -> vm.startCapture(new io.lookaside.app.live.LiveRequest("nosuch" + ProcessHandle.current().pid(),
                "", 0, null, 0, output, false, 0, 0)));

        page.waitUntil(() -> robot.lookup("#captureErrorDialog").tryQuery().isPresent());
        String text = robot.lookup("#captureErrorDialog").queryAs(javafx.scene.control.DialogPane.class).getContentText();
        assertThat(text).startsWith("Lookaside cannot capture on nosuch").doesNotContain("Exception", "\tat ");
        assertThat(vm.live().runningProperty().get()).isFalse();
        assertThat(page.status()).startsWith("Ready.");
    }

    @Test
    void anInterfaceThatGoesAwayEndsTheCaptureKeepingWhatWasCapturedAndSaysSo(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        // A veth pair of this test's own (unique name, no address: nothing is routed), deleted mid-capture.
        String veth = "lkg" + ProcessHandle.current().pid() % 100000 + "a";
        ip("link", "add", veth, "type", "veth", "peer", "name", veth.replaceAll("a$", "b"));
        try {
            ip("link", "set", veth, "up");
            ip("link", "set", veth.replaceAll("a$", "b"), "up");
            Path output = dir.resolve("gone.pcapng");
            robot.interact(() -> vm.startCapture(new io.lookaside.app.live.LiveRequest(veth, "", 0, null, 0, output,
                    false, 0, 0)));
            page.waitUntil(() -> vm.live().snapshotProperty().get() != null);

            ip("link", "del", veth);

            page.waitUntil(() -> !vm.live().runningProperty().get() && vm.capture().sessionProperty().get() != null);
            String summary = robot.lookup("#liveSummary").queryAs(Label.class).getText();
            // libpcap tells it either way, depending on when it notices: "went away" or "The interface disappeared".
            assertThat(summary).startsWith("Captured on " + veth + ": ").containsPattern("went away|disappeared")
                    .doesNotEndWith("; stopped").doesNotContain("Exception");
            assertThat(vm.capture().pathProperty().get()).isEqualTo(output.toAbsolutePath());
            assertThat(Files.size(output)).isPositive();
            assertThat(robot.lookup("#captureErrorDialog").tryQuery()).isEmpty();
        } finally {
            new ProcessBuilder("ip", "link", "del", veth).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void ip(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("ip " + String.join(" ", args) + ": " + out).isZero();
    }

    private static String grouped(int n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    /** Lays the table out with the rows it has now, then looks whether its last row is on screen. */
    private static boolean showsLastRow(FxRobot robot, WorkbenchPage page) {
        AtomicBoolean shown = new AtomicBoolean();
        robot.interact(() -> {
            page.table().layout();
            shown.set(lastVisibleRow(page) == page.rowCount() - 1);
        });
        return shown.get();
    }

    private static int firstVisibleRow(WorkbenchPage page) {
        VirtualFlow<?> flow = (VirtualFlow<?>) page.table().lookup(".virtual-flow");
        return flow == null || flow.getFirstVisibleCell() == null ? -1 : flow.getFirstVisibleCell().getIndex();
    }

    private static int lastVisibleRow(WorkbenchPage page) {
        VirtualFlow<?> flow = (VirtualFlow<?>) page.table().lookup(".virtual-flow");
        return flow == null || flow.getLastVisibleCell() == null ? -1 : flow.getLastVisibleCell().getIndex();
    }
}
