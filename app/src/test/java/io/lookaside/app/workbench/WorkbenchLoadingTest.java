package io.lookaside.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.app.testing.PacedLoader;
import io.lookaside.app.messages.MessagesViewModel;
import io.lookaside.app.testing.WorkbenchPage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Opening a capture while it is still being read: its first rows show at once, the table keeps
 * its place as more arrive, the analysis waits for every message. The capture is a real sample
 * read by the workbench's own loader, held after each prefix so that the test can look.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchLoadingTest {
    private static final Path BUSYBOX = Samples.path("a-v9fs-busybox-cachenone.pcap.gz");
    /** Sidecar: "tshark: frames with 9p: 30288, 9P PDUs: 30288". */
    private static final int BUSYBOX_MESSAGES = 30288;

    private final List<Throwable> unexpected = new ArrayList<>();
    private final PacedLoader loader = new PacedLoader();
    private TaskRunner runner;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage stage) {
        runner = TaskRunner.forJavaFx(unexpected::add);
        vm = WorkbenchApplication.show(stage, runner, loader);
    }

    @AfterEach
    void close() throws Exception {
        loader.finish();
        runner.close();
        assertThat(loader.awaitEnd(30)).isTrue();
        assertThat(unexpected).isEmpty();
    }

    /** Opens the sample and waits until the first rows it read are on show, the load still going on. */
    private WorkbenchPage openAndWaitForFirstRows(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        robot.interact(() -> vm.open(BUSYBOX));
        page.waitUntil(() -> page.rowCount() > 0);
        return page;
    }

    @Test
    void openingShowsTheFirstRowsBeforeTheCaptureIsRead(FxRobot robot) throws Exception {
        WorkbenchPage page = openAndWaitForFirstRows(robot);

        int shown = page.rowCount();
        assertThat(shown).isLessThan(BUSYBOX_MESSAGES);
        assertThat(vm.capture().busyProperty().get()).isTrue();
        assertThat(robot.lookup("#loadBar").query().isVisible()).isTrue();
        assertThat(page.status()).matches("Loading a-v9fs-busybox-cachenone\\.pcap\\.gz … \\d+% · Messages: " + shown
                + " · Displayed: " + shown + " \\(100\\.0%\\)");
        // Rows read so far are the capture's first messages, in capture order.
        assertThat(page.table().getItems().get(0)).isZero();
        assertThat(page.table().getItems().get(shown - 1)).isEqualTo(shown - 1);

        loader.next();
        page.waitUntil(() -> page.rowCount() > shown);
        loader.finish();
        page.waitForRows(BUSYBOX_MESSAGES);
        assertThat(page.status()).startsWith("Messages: 30288 · Displayed: 30288 (100.0%) · ");
        assertThat(loader.handed()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aSelectedRowAndTheScrollPositionStayWhenMoreRowsArrive(FxRobot robot) throws Exception {
        WorkbenchPage page = openAndWaitForFirstRows(robot);
        int shown = page.rowCount();
        int row = Math.min(210, shown - 40);
        page.clickRow(row);
        page.waitUntil(() -> page.selectedMessage() == row);
        int top = firstVisibleRow(robot);

        loader.next();
        page.waitUntil(() -> page.rowCount() > shown);

        assertThat(page.selectedMessage()).isEqualTo(row);
        assertThat(page.table().getSelectionModel().getSelectedIndex()).isEqualTo(row);
        assertThat(firstVisibleRow(robot)).isEqualTo(top);

        loader.finish();
        page.waitForRows(BUSYBOX_MESSAGES);
        page.waitUntil(() -> !vm.capture().busyProperty().get());
        assertThat(page.selectedMessage()).isEqualTo(row);
        assertThat(firstVisibleRow(robot)).isEqualTo(top);
        assertThat(page.detailFields()).containsEntry("frame", Long.toString(vm.messages().sessionProperty().get().frame(row)));
    }

    @Test
    void theRowsOnShowStayAndTakeTheirTextFromEachNewPrefix(FxRobot robot) throws Exception {
        WorkbenchPage page = openAndWaitForFirstRows(robot);
        int shown = page.rowCount();
        // The last rows read: requests there wait for replies that the next prefix brings.
        robot.interact(() -> page.table().scrollTo(shown - 1));
        VirtualFlow<?> flow = (VirtualFlow<?>) page.table().lookup(".virtual-flow");
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        List<IndexedCell<?>> before = visibleRows(flow, first, last);

        loader.next();
        page.waitUntil(() -> page.rowCount() > shown);
        robot.interact(() -> { });

        // Not rebuilt for each prefix (TableView.refresh() makes new rows, cells, skins and CSS) ...
        assertThat(visibleRows(flow, first, last)).hasSize(last - first + 1).containsExactlyElementsOf(before);
        // ... and each cell shows its message as the newer prefix has it.
        MessagesViewModel m = vm.messages();
        int checked = 0;
        for (IndexedCell<?> row : before) {
            for (var node : row.getChildrenUnmodifiable()) {
                if (node instanceof TableCell<?, ?> c && c.getItem() instanceof Integer message) {
                    String column = c.getTableColumn().getId().substring("column-".length()).toUpperCase(Locale.ROOT);
                    assertThat(c.getText()).isEqualTo(m.cell(MessagesViewModel.Column.valueOf(column), message));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(MessagesViewModel.Column.values().length * (last - first + 1));
    }

    private static List<IndexedCell<?>> visibleRows(VirtualFlow<?> flow, int first, int last) {
        List<IndexedCell<?>> rows = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            IndexedCell<?> row = flow.getVisibleCell(i);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void aFilterTypedWhileLoadingAppliesToTheRowsThatFollow(FxRobot robot) throws Exception {
        WorkbenchPage page = openAndWaitForFirstRows(robot);

        page.applyFilter("type == Twalk");
        page.waitUntil(() -> vm.messages().appliedFilterProperty().get().equals("type == Twalk"));
        int walks = page.rowCount();
        assertThat(walks).isPositive();
        assertThat(page.table().getItems()).allMatch(m -> vm.messages().sessionProperty().get().typeName(m).equals("Twalk"));

        loader.next();
        page.waitUntil(() -> page.rowCount() > walks);
        loader.finish();

        // Sidecar histogram: 4626 Twalk.
        page.waitForRows(4626);
        page.waitUntil(() -> page.status().startsWith("Messages: 30288 · Displayed: 4626 (15.3%)"));
    }

    @Test
    void theAnalysisTabsWaitForTheWholeCapture(FxRobot robot) throws Exception {
        WorkbenchPage page = openAndWaitForFirstRows(robot);

        page.openTab("findingsTab");

        assertThat(vm.analysis().resultProperty().get()).isNull();
        assertThat(vm.analysis().busyProperty().get()).isFalse();
        assertThat(findingsPlaceholder(robot)).isEqualTo(
                "Waiting for a-v9fs-busybox-cachenone.pcap.gz to finish loading: the analysis starts once every message is read.");

        loader.finish();
        page.waitForAnalysis();
        assertThat(vm.analysis().resultProperty().get().session().size()).isEqualTo(BUSYBOX_MESSAGES);
    }

    @Test
    void cancelWhileLoadingStopsTheLoadAndLeavesTheWindowAsItWas(FxRobot robot) throws Exception {
        WorkbenchPage page = openAndWaitForFirstRows(robot);

        robot.clickOn("#cancelLoad");

        assertThat(loader.awaitEnd(10)).isTrue();
        int handed = loader.handed();
        page.waitUntil(() -> page.rowCount() == 0);
        assertThat(page.status()).startsWith("Ready.");
        assertThat(robot.lookup("#loadBar").query().isVisible()).isFalse();
        assertThat(loader.handed()).isEqualTo(handed);
    }

    @Test
    void closingTheWindowWhileLoadingStopsTheLoadingThread(FxRobot robot) throws Exception {
        openAndWaitForFirstRows(robot);

        runner.close();

        assertThat(loader.awaitEnd(10)).isTrue();
        loader.thread().join(10_000);
        assertThat(loader.thread().isAlive()).isFalse();
    }

    private static int firstVisibleRow(FxRobot robot) {
        TableView<?> t = robot.lookup("#messageTable").queryAs(TableView.class);
        IndexedCell<?> first = ((VirtualFlow<?>) t.lookup(".virtual-flow")).getFirstVisibleCell();
        return first.getIndex();
    }

    private static String findingsPlaceholder(FxRobot robot) {
        TableView<?> t = robot.lookup("#findingsTable").queryAs(TableView.class);
        return ((Label) t.getPlaceholder()).getText();
    }
}
