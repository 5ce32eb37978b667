package io.lookaside.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import io.lookaside.Samples;
import io.lookaside.app.capture.CaptureViewModel;
import io.lookaside.app.compare.Comparison;
import io.lookaside.app.compare.PathAlignment;
import io.lookaside.app.dock.DockLayout;
import io.lookaside.report.Diff;
import io.lookaside.session.Session;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The workbench as a workbench: several captures as editors, views moved and remembered across a
 * restart, the perspective reset, recent files, and two captures compared. Preferences live in a
 * temporary directory, never the user's.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFrameTest {
    private static final Path NONE = Samples.path("a-v9fs-busybox-cachenone.pcap.gz");
    private static final Path LOOSE = Samples.path("a-v9fs-busybox-cacheloose.pcap.gz");
    private static final Path BINDFS = Samples.path("b-fuse-bindfs.fusedump.gz");
    private static final int WAIT = 90;

    @TempDir
    static Path config;

    private final List<Throwable> unexpected = new ArrayList<>();
    private TaskRunner runner;
    private WorkbenchFrame frame;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        runner = TaskRunner.forJavaFx(unexpected::add);
        Path dir = Files.createTempDirectory(config, "prefs");
        frame = WorkbenchApplication.showFrame(stage, runner, CaptureViewModel.Loader.DEFAULT, WorkbenchPrefs.in(dir));
    }

    @AfterEach
    void close() {
        runner.close();
        assertThat(unexpected).isEmpty();
    }

    private CaptureEditor open(FxRobot robot, Path file) {
        AtomicReference<CaptureEditor> e = new AtomicReference<>();
        robot.interact(() -> e.set(frame.open(file)));
        return e.get();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
        waitFor(WAIT, TimeUnit.SECONDS, c);
        waitForFxEvents();
    }

    private static void waitForAnalysis(CaptureEditor e) throws Exception {
        waitUntil(() -> e.viewModel().analysis().resultProperty().get() != null);
    }

    @Test
    void openingTwoCapturesGivesTwoEditorsEachWithItsOwnSessionAndAnalysis(FxRobot robot) throws Exception {
        CaptureEditor a = open(robot, NONE);
        CaptureEditor b = open(robot, BINDFS);

        assertThat(frame.editors()).containsExactly(a, b); // the first, empty editor took the first capture
        waitForAnalysis(a);
        waitForAnalysis(b);
        // Sidecars: 30288 9P messages in the cache=none capture; the bindfs capture is FUSE.
        assertThat(a.viewModel().capture().sessionProperty().get().size()).isEqualTo(30288);
        assertThat(b.viewModel().capture().sessionProperty().get().sourceKind()).isNotEqualTo("pcap");
        assertThat(a.viewModel().analysis().resultProperty().get().session())
                .isNotSameAs(b.viewModel().analysis().resultProperty().get().session());
        TabPane editors = robot.lookup("#editorTabs").queryAs(TabPane.class);
        assertThat(editors.getTabs()).extracting(t -> t.getText())
                .containsExactly("a-v9fs-busybox-cachenone.pcap.gz", "b-fuse-bindfs.fusedump.gz");
        assertThat(stage.getTitle()).isEqualTo("b-fuse-bindfs.fusedump.gz — Lookaside");

        robot.interact(() -> editors.getSelectionModel().select(0));
        assertThat(frame.activeProperty().get()).isSameAs(a);
        assertThat(stage.getTitle()).isEqualTo("a-v9fs-busybox-cachenone.pcap.gz — Lookaside");
        // The outline of the 9P capture: its one connection, and fids under it.
        waitUntil(() -> !a.viewModel().outline().rootsProperty().get().isEmpty());
        assertThat(a.viewModel().outline().rootsProperty().get()).hasSize(1);
        assertThat(a.viewModel().outline().rootsProperty().get().get(0).messages()).isEqualTo(30288);
        assertThat(a.viewModel().outline().rootsProperty().get().get(0).children().get(0).label()).startsWith("fid ");
    }

    @Test
    void closingAnEditorLetsGoOfItsCapture(FxRobot robot) throws Exception {
        // A window of its own: TestFX records the events fired on its primary stage (targets included),
        // which would hold the closed editor's nodes in the test, not in the workbench.
        AtomicReference<WorkbenchFrame> own = new AtomicReference<>();
        AtomicReference<Stage> window = new AtomicReference<>();
        robot.interact(() -> {
            window.set(new Stage());
            own.set(WorkbenchApplication.showFrame(window.get(), runner, CaptureViewModel.Loader.DEFAULT,
                    WorkbenchPrefs.inMemory()));
        });
        AtomicReference<CaptureEditor> first = new AtomicReference<>();
        AtomicReference<CaptureEditor> second = new AtomicReference<>();
        robot.interact(() -> {
            first.set(own.get().open(NONE));
            second.set(own.get().open(LOOSE));
        });
        waitForAnalysis(first.get());
        waitForAnalysis(second.get());
        WeakReference<Session> session = new WeakReference<>(second.get().viewModel().capture().sessionProperty().get());
        WeakReference<Object> view = new WeakReference<>(second.get().view());

        robot.interact(() -> own.get().close(second.getAndSet(null)));
        waitForFxEvents();

        assertThat(own.get().editors()).containsExactly(first.get());
        for (int k = 0; k < 50 && session.get() != null; k++) {
            System.gc();
            Thread.sleep(100);
            waitForFxEvents();
        }
        if (view.get() != null) {
            Object v = view.get();
            robot.interact(() -> System.err.println("still held: "
                    + io.lookaside.app.testing.ReferencePath.find(window.get().getScene(), v, 3_000_000)));
        }
        assertThat(session.get()).as("the closed capture's session is collected").isNull();
        robot.interact(() -> window.get().hide());
    }

    @Test
    void aMovedViewIsWhereItWasLeftAfterARestartAndResetPerspectivePutsItBack(FxRobot robot) throws Exception {
        CaptureEditor a = open(robot, NONE);
        String findings = WorkbenchView.id(WorkbenchViewModel.Feature.FINDINGS);
        String messages = WorkbenchView.id(WorkbenchViewModel.Feature.MESSAGES);
        assertThat(a.view().dock().layoutProperty().get().stackOf(findings).allViews()).contains(messages);

        // Findings out of the Messages stack, to the right of it (what the tab's Split Right and a
        // drop on the stack's right edge do).
        robot.interact(() -> a.view().dock().move(findings, messages, DockLayout.Side.RIGHT));
        DockLayout moved = a.view().dock().layoutProperty().get();
        assertThat(moved.stackOf(findings).views()).containsExactly(findings);
        robot.interact(() -> frame.saveWindow(stage));

        // Restart: a new window over the same preferences.
        AtomicReference<WorkbenchFrame> again = new AtomicReference<>();
        robot.interact(() -> {
            stage.hide();
            Stage next = new Stage();
            again.set(WorkbenchApplication.showFrame(next, runner, CaptureViewModel.Loader.DEFAULT,
                    WorkbenchPrefs.in(frame.prefs().file().getParent())));
        });
        CaptureEditor restarted = again.get().activeProperty().get();
        assertThat(restarted.view().dock().layoutProperty().get()).isEqualTo(moved);
        assertThat(again.get().prefs().recentFiles()).contains(NONE.toAbsolutePath().normalize());

        // Window › Reset Perspective.
        MenuItem reset = restarted.view().menuBar().getMenus().stream().filter(m -> "windowMenu".equals(m.getId()))
                .findFirst().orElseThrow().getItems().stream().filter(i -> "resetPerspectiveItem".equals(i.getId()))
                .findFirst().orElseThrow();
        robot.interact(reset::fire);
        assertThat(restarted.view().dock().layoutProperty().get()).isEqualTo(WorkbenchView.defaultLayout());
        assertThat(restarted.view().dock().layoutProperty().get().stackOf(findings).views()).contains(messages);
        robot.interact(() -> again.get().getScene().getWindow().hide());
    }

    @Test
    void aViewDetachesIntoAWindowMaximisesAndComesBack(FxRobot robot) throws Exception {
        CaptureEditor a = open(robot, NONE);
        String waits = WorkbenchView.id(WorkbenchViewModel.Feature.WAITS);
        robot.interact(() -> a.view().dock().detach(waits));
        assertThat(a.view().dock().detachedViews()).containsExactly(waits);
        assertThat(a.view().dock().layoutProperty().get().allViews()).doesNotContain(waits);
        // Showing the feature raises its window rather than losing it.
        robot.interact(() -> a.viewModel().featureProperty().set(WorkbenchViewModel.Feature.WAITS));
        robot.interact(() -> a.view().dock().closeWindows());
        assertThat(a.view().dock().detachedViews()).isEmpty();
        assertThat(a.view().dock().layoutProperty().get().allViews()).contains(waits);

        robot.interact(() -> a.view().dock().toggleMaximised(WorkbenchView.OUTLINE));
        assertThat(a.view().dock().maximisedProperty().get()).isEqualTo(WorkbenchView.OUTLINE);
        assertThat(robot.lookup("#messageTable").tryQuery()).isEmpty();
        robot.interact(() -> a.view().dock().toggleMaximised(WorkbenchView.OUTLINE));
        assertThat(a.view().dock().maximisedProperty().get()).isNull();
        javafx.scene.control.Tab messages = a.view().dock().tab(WorkbenchView.id(WorkbenchViewModel.Feature.MESSAGES));
        assertThat(messages.getTabPane()).isNotNull();
        assertThat(messages.getTabPane().getScene()).isSameAs(stage.getScene());
    }

    @Test
    void aRecentFileOpensFromTheMenu(FxRobot robot) throws Exception {
        CaptureEditor a = open(robot, NONE);
        waitUntil(() -> a.viewModel().capture().sessionProperty().get() != null);
        robot.interact(() -> frame.close(a));
        assertThat(frame.activeProperty().get().isEmpty()).isTrue();

        robot.clickOn("File").clickOn("#openRecentMenu");
        robot.clickOn("a-v9fs-busybox-cachenone.pcap.gz  —  " + NONE.toAbsolutePath().normalize().getParent());

        CaptureEditor reopened = frame.activeProperty().get();
        waitUntil(() -> reopened.viewModel().capture().sessionProperty().get() != null);
        assertThat(reopened.viewModel().capture().pathProperty().get().toAbsolutePath().normalize())
                .isEqualTo(NONE.toAbsolutePath().normalize());
    }

    @Test
    void comparingCacheNoneWithCacheLooseShowsTheDiffAndTheWalksLooseRemoved(FxRobot robot) throws Exception {
        CaptureEditor a = open(robot, NONE);
        CaptureEditor b = open(robot, LOOSE);
        robot.interact(() -> frame.compare(a, b));

        waitUntil(() -> frame.compare().isSettled());
        Comparison c = frame.compare().resultProperty().get();
        Diff.Operation walks = c.diff().operations().stream().filter(o -> o.op().equals("Twalk")).findFirst().orElseThrow();
        // Sidecars: 4626 Twalk with cache=none; cache=loose sends fewer.
        assertThat(walks.count().a()).isEqualTo(4626);
        assertThat(walks.count().b()).isLessThan(4626);
        assertThat(walks.count().delta()).isEqualTo(walks.count().b() - 4626);
        TableView<?> ops = robot.lookup("#compareOperations").queryAs(TableView.class);
        assertThat(ops.getItems()).hasSameSizeAs(c.diff().operations());
        // The alignment: paths in A's order, and some walked fewer times under cache=loose.
        assertThat(c.alignment()).isNotEmpty();
        assertThat(c.alignment().stream().mapToInt(PathAlignment::lookupsRemoved).sum())
                .isEqualTo(c.alignment().stream().mapToInt(PathAlignment::lookupsA).sum()
                        - c.alignment().stream().mapToInt(PathAlignment::lookupsB).sum());
        assertThat(c.alignment().stream().filter(p -> p.lookupsRemoved() > 0)).isNotEmpty();
        assertThat(robot.lookup("#compareChart").tryQuery()).isPresent();
    }
}
