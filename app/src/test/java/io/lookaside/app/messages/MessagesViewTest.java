package io.lookaside.app.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.app.testing.WorkbenchPage;
import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The message panes on their own, over a session of a real sample. */
@ExtendWith(ApplicationExtension.class)
class MessagesViewTest {
    private static Session busybox;

    private final List<Throwable> unexpected = new ArrayList<>();
    private TaskRunner runner;
    private MessagesViewModel vm;

    @BeforeAll
    static void load() throws Exception {
        busybox = SessionLoader.load(Samples.path("a-v9fs-busybox-cachenone.pcap.gz"), CaptureOptions.DEFAULT, LoadMonitor.NONE);
    }

    @Start
    void start(Stage stage) {
        runner = TaskRunner.forJavaFx(unexpected::add);
        vm = new MessagesViewModel(runner);
        stage.setScene(new Scene(new MessagesView(vm), 1200, 800));
        stage.show();
        vm.show(busybox);
    }

    @AfterEach
    void close() {
        runner.close();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void showListsEveryMessage(FxRobot robot) throws Exception {
        new WorkbenchPage(robot).waitForRows(30288);
    }

    @Test
    void typingAFilterNarrowsTheRows(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);

        page.typeFilter("tag == 0xffff");

        // The sidecar counts 1 Tversion and 1 Rversion, the only NOTAG messages (version(5)).
        page.waitForRows(2);
    }

    @Test
    void aFilterThatDoesNotParseSaysWhyAndKeepsTheRows(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);

        page.applyFilter("tag == (");

        page.waitUntil(() -> !page.filterMessage().isEmpty());
        assertThat(page.filterMessage()).isEqualTo("expected a value after '==', found '(' at column 8");
        assertThat(page.rowCount()).isEqualTo(30288);
    }

    @Test
    void clickingARowShowsItsFieldsAndBytes(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot).waitForRows(30288);

        page.clickRow(3);

        page.waitUntil(() -> !page.detailFields().isEmpty());
        int m = page.selectedMessage();
        assertThat(m).isEqualTo(3);
        assertThat(page.detailFields()).containsEntry("frame", Long.toString(busybox.frame(3)))
                .containsEntry("conn", busybox.connection(3).id());
        assertThat(page.hex()).startsWith("0000  ");
    }

    @Test
    void enterOnAReplyJumpsToItsRequest(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot).waitForRows(30288);
        int reply = IntStream.range(0, 50).filter(i -> busybox.direction(i) == Direction.REPLY && busybox.peer(i) >= 0)
                .findFirst().orElseThrow();

        page.clickRow(reply).type(KeyCode.ENTER);

        page.waitUntil(() -> page.selectedMessage() == busybox.peer(reply));
        assertThat(busybox.key(page.selectedMessage())).isEqualTo(busybox.key(reply));
    }

    @Test
    void goToFrameSelectsThatFrame(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot).waitForRows(30288);
        long frame = busybox.frame(20000);
        int first = IntStream.range(0, busybox.size()).filter(i -> busybox.frame(i) == frame).findFirst().orElseThrow();
        page.clickRow(0);

        robot.interact(() -> ((MessagesView) robot.lookup(".messages-view").query()).showGoTo());
        page.write(Long.toString(frame)).type(KeyCode.ENTER);

        page.waitUntil(() -> page.selectedMessage() == first);
        assertThat(robot.lookup("#goToBar").query().isVisible()).isFalse();
    }

    @Test
    void anRreadShowsItsWireLengthAndOnlyTheBytesThatWereKept(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        page.applyFilter("type == Rread && count > 100");
        page.waitUntil(() -> vm.appliedFilterProperty().get().equals("type == Rread && count > 100"));
        assertThat(page.rowCount()).isPositive();

        page.clickRow(0);
        page.waitUntil(() -> "Rread".equals(page.detailFields().get("type")));

        // read(5): size[4] Rread tag[2] count[4] data[count]: the size is 11 + count.
        long count = Long.parseLong(page.detailFields().get("count"));
        String length = page.selectedCell("column-length");
        assertThat(Long.parseLong(length)).isEqualTo(11 + count);
        // The hex shows the 11 header bytes the session kept, whose size[4] (little-endian) is the length.
        List<String> lines = page.hex().lines().toList();
        assertThat(lines).hasSize(2);
        String[] head = lines.get(0).substring(6, 6 + 8 * 3).trim().split(" ");
        long size = Long.parseLong(head[3] + head[2] + head[1] + head[0], 16);
        assertThat(size).isEqualTo(11 + count);
        assertThat(lines.get(0).substring(6, 6 + 16 * 3 + 1).trim().split(" +")).hasSize(11);
        assertThat(lines.get(1)).isEqualTo("… " + count + " bytes of payload not kept: Lookaside keeps the headers "
                + "of read and write data, not the data");
    }

    @Test
    void clickingTheRttHeaderSortsByRttStablyAndAgainDescending(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot).waitForRows(30288);

        robot.clickOn(header("column-rtt"));

        page.waitUntil(() -> vm.isSettled() && vm.sortProperty().get() != null);
        RowIndex rows = vm.rowsProperty().get();
        assertThat(rows.size()).isEqualTo(30288);
        for (int row = 1; row < rows.size(); row++) {
            long a = Math.max(-1, busybox.rttNanos(rows.message(row - 1)));
            long b = Math.max(-1, busybox.rttNanos(rows.message(row)));
            assertThat(a).isLessThanOrEqualTo(b);
            if (a == b) {
                assertThat(rows.message(row - 1)).as("ties keep capture order").isLessThan(rows.message(row));
            }
        }
        long slowest = IntStream.range(0, busybox.size()).mapToLong(busybox::rttNanos).max().orElseThrow();
        assertThat(busybox.rttNanos(rows.message(rows.size() - 1))).isEqualTo(slowest);

        robot.clickOn(header("column-rtt"));

        page.waitUntil(() -> vm.isSettled() && vm.sortProperty().get().descending());
        assertThat(busybox.rttNanos(page.table().getItems().get(0))).isEqualTo(slowest);
        assertThat(page.table().getItems().get(0)).isEqualTo(vm.rowsProperty().get().message(0));
    }

    @Test
    void aSortHoldsWhileAFilterNarrowsTheRows(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot).waitForRows(30288);
        robot.clickOn(header("column-length"));
        robot.clickOn(header("column-length"));
        page.waitUntil(() -> vm.isSettled() && vm.sortProperty().get() != null && vm.sortProperty().get().descending());

        page.applyFilter("type == Rreaddir");

        page.waitUntil(() -> vm.isSettled() && vm.appliedFilterProperty().get().equals("type == Rreaddir"));
        RowIndex rows = vm.rowsProperty().get();
        assertThat(rows.size()).isPositive();
        for (int row = 1; row < rows.size(); row++) {
            assertThat(busybox.typeName(rows.message(row))).isEqualTo("Rreaddir");
            assertThat(busybox.length(rows.message(row - 1))).isGreaterThanOrEqualTo(busybox.length(rows.message(row)));
        }
    }

    @Test
    void applyAsColumnOnAFieldAddsASortableColumnOfThatField(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        page.applyFilter("type == Rlerror");
        page.waitUntil(() -> vm.isSettled() && vm.appliedFilterProperty().get().equals("type == Rlerror"));
        page.clickRow(0);
        page.waitUntil(() -> page.detailFields().containsKey("ecode"));

        // Monocle raises no context-menu event on a right click: the row's own menu is shown as one would be.
        TreeTableRow<?> ecode = (TreeTableRow<?>) detailRow("ecode");
        robot.interact(() -> ecode.getContextMenu().show(ecode, javafx.geometry.Side.BOTTOM, 20, 0));
        robot.clickOn("Apply as Column");

        page.waitUntil(() -> robot.lookup("#column-field-ecode").tryQuery().isPresent());
        assertThat(page.columnTitle("column-field-ecode")).isEqualTo("ecode");
        // The Rlerror of a missing file: the raw errno with its name, in the detail tree and the column.
        assertThat(page.detailFields().get("ecode")).isEqualTo("2 (ENOENT)");
        assertThat(page.selectedCell("column-field-ecode")).isEqualTo("2 (ENOENT)");

        robot.clickOn(header("column-field-ecode"));
        robot.clickOn(header("column-field-ecode"));
        page.waitUntil(() -> vm.isSettled() && vm.sortProperty().get().descending());
        RowIndex rows = vm.rowsProperty().get();
        long first = Long.parseLong(vm.cell(MessageColumn.field("ecode"), rows.message(0)).split(" ")[0]);
        long last = Long.parseLong(vm.cell(MessageColumn.field("ecode"), rows.message(rows.size() - 1)).split(" ")[0]);
        assertThat(first).isGreaterThanOrEqualTo(last);
    }

    @Test
    void theFilterHoldsItsRowsAndFirstRowWhileTheTextIsInvalid(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot).waitForRows(30288);
        page.applyFilter("type == Twalk");
        page.waitUntil(() -> vm.isSettled() && vm.appliedFilterProperty().get().equals("type == Twalk"));
        int twalks = page.rowCount();
        Integer firstTwalk = page.table().getItems().get(0);

        // Typed in one go: a robot on a loaded machine types slower than the pause, and a valid
        // prefix ("type == Twalk && fid", fid present) would rightly be applied after it.
        TextField field = robot.lookup("#filterField").queryAs(TextField.class);
        robot.interact(() -> field.appendText(" && fid =="));
        Thread.sleep(2 * MessagesViewModel.TYPING_PAUSE.toMillis());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.filterMessage()).isNotEmpty();
        assertThat(robot.lookup("#filterField").query().getPseudoClassStates()).extracting(Object::toString).contains("invalid");
        assertThat(vm.appliedFilterProperty().get()).isEqualTo("type == Twalk");
        assertThat(page.rowCount()).isEqualTo(twalks);
        VirtualFlow<?> flow = robot.lookup("#messageTable .virtual-flow").queryAs(VirtualFlow.class);
        assertThat(flow.getFirstVisibleCell().getIndex()).as("the first match stays in view").isZero();
        assertThat(page.table().getItems().get(0)).isEqualTo(firstTwalk);

        robot.write(" 3");
        page.waitUntil(() -> vm.isSettled() && vm.appliedFilterProperty().get().equals("type == Twalk && fid == 3"));
        assertThat(page.filterMessage()).isEmpty();
        assertThat(page.rowCount()).isPositive().isLessThan(twalks);
    }

    private Node header(String columnId) {
        return robot().lookup(".column-header").match((Node n) -> columnId.equals(n.getId())).query();
    }

    private Node detailRow(String field) {
        return robot().lookup("#detailTree .tree-table-row-cell")
                .match((TreeTableRow<DetailNode> r) -> r.getItem() != null && r.getItem().name().equals(field)).query();
    }

    private FxRobot robot() {
        return new FxRobot();
    }
}
