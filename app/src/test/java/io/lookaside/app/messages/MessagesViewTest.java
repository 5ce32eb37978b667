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
import javafx.scene.control.TextArea;
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
    void anRreadShowsItsWireLengthAndTheFrameHoldsTheDataTheSessionDidNotKeep(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        page.applyFilter("type == Rread && count > 100");
        page.waitUntil(() -> vm.appliedFilterProperty().get().equals("type == Rread && count > 100"));
        assertThat(page.rowCount()).isPositive();

        page.clickRow(0);
        page.waitUntil(() -> vm.isSettled() && "Rread".equals(page.detailFields().get("type")));

        // read(5): size[4] Rread tag[2] count[4] data[count]: the size is 11 + count.
        long count = Long.parseLong(page.detailFields().get("count"));
        String length = page.selectedCell("column-length");
        assertThat(Long.parseLong(length)).isEqualTo(11 + count);
        // The session keeps 11 header bytes; the bytes pane shows the frame, data and all.
        int m = page.selectedMessage();
        assertThat(busybox.keptLength(m)).isEqualTo(11);
        long hexBytes = page.hex().lines().takeWhile(l -> !l.isEmpty())
                .mapToLong(l -> l.substring(6, Math.min(l.length(), 6 + 16 * 3 + 1)).trim().split(" +").length).sum();
        assertThat(hexBytes).isGreaterThanOrEqualTo(11 + count);
        clickField(robot, "9P (9P2000.L)", "count");
        TextArea hex = robot.lookup("#hexView").queryAs(TextArea.class);
        assertThat(hex.getSelectedText().trim()).isEqualTo(String.format("%02x %02x %02x %02x",
                count & 0xFF, (count >>> 8) & 0xFF, (count >>> 16) & 0xFF, (count >>> 24) & 0xFF));
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

        page.clickRow(5);
        int selected = page.selectedMessage();
        robot.clickOn(header("column-rtt"));

        page.waitUntil(() -> vm.isSettled() && vm.sortProperty().get().descending());
        assertThat(busybox.rttNanos(page.table().getItems().get(0))).isEqualTo(slowest);
        // The selected message stays selected, and in view, wherever the sort put it.
        assertThat(page.selectedMessage()).isEqualTo(selected);
        VirtualFlow<?> flow = robot.lookup("#messageTable .virtual-flow").queryAs(VirtualFlow.class);
        int row = page.table().getSelectionModel().getSelectedIndex();
        assertThat(row).isBetween(flow.getFirstVisibleCell().getIndex(), flow.getLastVisibleCell().getIndex());
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
        page.waitUntil(() -> vm.isSettled() && page.detailFields().containsKey("ecode"));

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

    @SuppressWarnings("unchecked")
    private Node detailRow(String field) {
        javafx.scene.control.TreeTableView<DetailNode> tree = robot().lookup("#detailTree").queryAs(javafx.scene.control.TreeTableView.class);
        robot().interact(() -> {
            for (int r = 0; r < tree.getExpandedItemCount(); r++) {
                if (tree.getTreeItem(r).getValue().name().equals(field)) {
                    tree.scrollTo(r);
                }
            }
        });
        return robot().lookup("#detailTree .tree-table-row-cell")
                .match((TreeTableRow<DetailNode> r) -> r.getItem() != null && r.getItem().name().equals(field)).query();
    }

    private FxRobot robot() {
        return new FxRobot();
    }

    @Test
    void selectingAFieldOfEachLayerHighlightsItsBytesInTheFrame(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);
        page.applyFilter("type == Twalk");
        page.waitUntil(() -> vm.isSettled() && vm.appliedFilterProperty().get().equals("type == Twalk"));
        page.clickRow(0);
        page.waitUntil(() -> vm.isSettled() && vm.detailProperty().get() != null && vm.detailProperty().get().framed());
        int m = page.selectedMessage();
        List<String> top = topLevel(robot);
        assertThat(top.get(0)).isEqualTo("Frame " + busybox.frame(m));
        assertThat(top).contains("Internet Protocol Version 4", "Transmission Control Protocol", "9P (9P2000.L)");
        TextArea hex = robot.lookup("#hexView").queryAs(TextArea.class);

        // Link layer: the loopback capture's Ethernet header, 14 bytes from the frame's start.
        String link = top.get(1);
        clickField(robot, link, null);
        assertThat(hex.getSelectedText().replaceAll("\\s+", " ").trim().split(" ")).hasSize(14);
        // IP: the source address 127.0.0.1 is 7f 00 00 01.
        clickField(robot, "Internet Protocol Version 4", "Source Address");
        assertThat(hex.getSelectedText().trim()).isEqualTo("7f 00 00 01");
        // TCP: the server port 564 (0x0234) on a request's destination.
        clickField(robot, "Transmission Control Protocol", "Destination Port");
        assertThat(hex.getSelectedText().trim()).isEqualTo("02 34");
        // 9P: the walk's fid, four bytes little-endian, where the message lies in the frame.
        clickField(robot, "9P (9P2000.L)", "fid");
        long fid = ((io.lookaside.ninep.Twalk) busybox.message(m)).fid();
        assertThat(hex.getSelectedText().trim()).isEqualTo(String.format("%02x %02x %02x %02x",
                fid & 0xFF, (fid >>> 8) & 0xFF, (fid >>> 16) & 0xFF, (fid >>> 24) & 0xFF));
        clickField(robot, "9P (9P2000.L)", "type");
        assertThat(hex.getSelectedText().trim()).isEqualTo(String.format("%02x", io.lookaside.ninep.NinePTypes.TWALK));
    }

    @SuppressWarnings("unchecked")
    private static List<String> topLevel(FxRobot robot) {
        javafx.scene.control.TreeTableView<DetailNode> tree = robot.lookup("#detailTree").queryAs(javafx.scene.control.TreeTableView.class);
        return tree.getRoot().getChildren().stream().map(t -> t.getValue().name()).toList();
    }

    /** Opens the layer {@code layer} and clicks its field {@code field} (the layer's own line when null). */
    @SuppressWarnings("unchecked")
    private void clickField(FxRobot robot, String layer, String field) throws Exception {
        javafx.scene.control.TreeTableView<DetailNode> tree = robot.lookup("#detailTree").queryAs(javafx.scene.control.TreeTableView.class);
        javafx.scene.control.TreeItem<DetailNode> l = tree.getRoot().getChildren().stream()
                .filter(t -> t.getValue().name().equals(layer)).findFirst().orElseThrow();
        javafx.scene.control.TreeItem<DetailNode> target = field == null ? l
                : l.getChildren().stream().filter(t -> t.getValue().name().equals(field)).findFirst().orElseThrow();
        robot.interact(() -> {
            l.setExpanded(true);
            tree.scrollTo(tree.getRow(target));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node row = robot.lookup("#detailTree .tree-table-row-cell")
                .match((TreeTableRow<DetailNode> r) -> r.getTreeItem() == target).query();
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree.getSelectionModel().getSelectedItem()).isSameAs(target);
    }
}
