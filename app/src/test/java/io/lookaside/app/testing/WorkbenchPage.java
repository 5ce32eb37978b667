package io.lookaside.app.testing;

import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import io.lookaside.analysis.Finding;
import io.lookaside.app.messages.DetailNode;
import io.lookaside.app.whatif.WhatIfViewModel.ModelRow;
import io.lookaside.app.workbench.MessageRef;
import io.lookaside.capture.Diagnostic;
import io.lookaside.report.OperationRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.jfree.chart.fx.ChartViewer;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench as a user sees it, through stable node ids: {@code #messageTable},
 * {@code #filterField}, {@code #detailTree}, {@code #hexView}, {@code #statusLabel},
 * {@code #diagnosticsList}, {@code #loadErrorDialog}; the analysis tabs {@code #findingsTab},
 * {@code #waitsTab}, {@code #whatIfTab}, {@code #lifecyclesTab} with {@code #findingsTable},
 * {@code #findingEvidence}, {@code #waitsTable}, {@code #waitByOperationChart},
 * {@code #waitOverTimeChart}, {@code #whatIfTable}, {@code #whatIfEvidence}, {@code #sweepChart},
 * {@code #profilesTable}, {@code #fidTable}, {@code #dentryQuery}, {@code #dentryAnswer}; and
 * {@code #replaceFileDialog}. Tests speak in the user's steps.
 */
public final class WorkbenchPage {
    private static final long WAIT_SECONDS = 60;

    private final FxRobot robot;

    public WorkbenchPage(FxRobot robot) {
        this.robot = robot;
    }

    @SuppressWarnings("unchecked")
    public TableView<Integer> table() {
        return robot.lookup("#messageTable").queryAs(TableView.class);
    }

    /** The header text of the message table's column with this id. */
    public String columnTitle(String id) {
        return table().getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow().getText();
    }

    public int rowCount() {
        return table().getItems().size();
    }

    public String status() {
        return robot.lookup("#statusLabel").queryAs(Label.class).getText();
    }

    public String notice() {
        return robot.lookup("#noticeLabel").queryAs(Label.class).getText();
    }

    public String filterMessage() {
        return robot.lookup("#filterMessage").queryAs(Label.class).getText();
    }

    /** Waits until the table shows {@code n} rows. */
    public WorkbenchPage waitForRows(int n) throws TimeoutException {
        return waitUntil(() -> rowCount() == n);
    }

    public WorkbenchPage waitUntil(Callable<Boolean> condition) throws TimeoutException {
        waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        waitForFxEvents();
        return this;
    }

    /** Clicks into the display filter, replaces its text by typing, and presses Enter. */
    public WorkbenchPage applyFilter(String text) {
        typeFilter(text);
        robot.type(KeyCode.ENTER);
        return this;
    }

    /** Clicks into the display filter and replaces its text by typing, without pressing Enter. */
    public WorkbenchPage typeFilter(String text) {
        TextField f = robot.lookup("#filterField").queryAs(TextField.class);
        robot.clickOn(f);
        robot.interact(f::clear);
        robot.write(text);
        return this;
    }

    /** Scrolls to row {@code row} and clicks it. */
    public WorkbenchPage clickRow(int row) {
        TableView<Integer> t = table();
        robot.interact(() -> t.scrollTo(row));
        Node cell = robot.lookup("#messageTable .table-row-cell").match((TableRow<?> r) -> r.getIndex() == row)
                .query();
        robot.clickOn(cell);
        return this;
    }

    /** The text the message table shows in the selected row's cell of the column with this id ({@code column-length}). */
    public String selectedCell(String columnId) {
        int row = table().getSelectionModel().getSelectedIndex();
        TableCell<?, ?> cell = robot.lookup("#messageTable .table-cell")
                .match((TableCell<?, ?> c) -> c.getTableRow() != null && c.getTableRow().getIndex() == row
                        && c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()))
                .query();
        return cell.getText();
    }

    /** The message index shown in the selected row, or -1. */
    public int selectedMessage() {
        Integer m = table().getSelectionModel().getSelectedItem();
        return m == null ? -1 : m;
    }

    public WorkbenchPage press(KeyCode... keys) {
        robot.push(keys);
        return this;
    }

    public WorkbenchPage type(KeyCode key) {
        robot.type(key);
        return this;
    }

    public WorkbenchPage write(String text) {
        robot.write(text);
        return this;
    }

    /** The diagnostics list's rows, as the text of each diagnostic; the list must be on show. */
    @SuppressWarnings("unchecked")
    public List<String> diagnostics() {
        TableView<Diagnostic> t = robot.lookup("#diagnosticsList").queryAs(TableView.class);
        if (!t.isVisible() || t.getScene() == null) {
            throw new AssertionError("the diagnostics list is not on show");
        }
        return t.getItems().stream().map(Diagnostic::text).toList();
    }

    /** Double-clicks the diagnostic with this text in the diagnostics list. */
    public WorkbenchPage doubleClickDiagnostic(String text) {
        Node row = robot.lookup("#diagnosticsList .table-row-cell")
                .match((TableRow<Diagnostic> r) -> r.getItem() != null && r.getItem().text().equals(text)).query();
        robot.doubleClickOn(row);
        return this;
    }

    /** What the message table says when it has no rows. */
    public String placeholder() {
        return ((Label) table().getPlaceholder()).getText();
    }

    /** The detail tree's top-level fields, name to value as shown. */
    @SuppressWarnings("unchecked")
    public Map<String, String> detailFields() {
        TreeTableView<DetailNode> tree = robot.lookup("#detailTree").queryAs(TreeTableView.class);
        Map<String, String> out = new LinkedHashMap<>();
        if (tree.getRoot() != null) {
            for (TreeItem<DetailNode> it : tree.getRoot().getChildren()) {
                String name = it.getValue().name();
                if (name.startsWith("9P") || name.startsWith("FUSE")) {
                    // Once the frame is read, the message's fields sit under its protocol's line.
                    it.getChildren().forEach(c -> out.put(c.getValue().name(), c.getValue().value()));
                } else {
                    out.put(name, it.getValue().value());
                }
            }
        }
        return out;
    }

    public String hex() {
        return robot.lookup("#hexView").queryAs(TextArea.class).getText();
    }

    /** The error dialog's text, once it is shown. */
    public String errorDialog() throws TimeoutException {
        waitUntil(() -> robot.lookup("#loadErrorDialog").tryQuery().isPresent());
        DialogPane p = robot.lookup("#loadErrorDialog").queryAs(DialogPane.class);
        return p.getHeaderText() + "\n" + p.getContentText();
    }

    /** Clicks the header of the feature tab with this id ({@code whatIfTab}). */
    public WorkbenchPage openTab(String tabId) {
        robot.clickOn("#" + tabId);
        waitForFxEvents();
        return this;
    }

    /** The text of the tab header with this id. */
    public String tabText(String tabId) {
        return robot.lookup("#" + tabId + " .tab-label").queryAs(Label.class).getText();
    }

    /**
     * Opens the Findings tab (an analysis tab's view joins the window when first shown) and
     * waits until the analysis has filled its table.
     */
    public WorkbenchPage waitForAnalysis() throws TimeoutException {
        openTab("findingsTab");
        // The tab's view joins the window in an FX pulse after the selection: on a loaded machine
        // the first look may come before it, so a missing table is "not yet", not a failure.
        return waitUntil(() -> robot.lookup("#findingsTable").tryQuery()
                .map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> tableOf(String query) {
        return robot.lookup(query).queryAs(TableView.class);
    }

    /** The what-if table's row of a model. */
    public ModelRow whatIfRow(String modelId) {
        return this.<ModelRow>tableOf("#whatIfTable").getItems().stream().filter(m -> m.id().equals(modelId))
                .findFirst().orElseThrow();
    }

    /** The text the what-if table shows for a model in the column with this id, as rendered. */
    public String whatIfCell(String modelId, String columnId) {
        TableView<ModelRow> t = tableOf("#whatIfTable");
        ModelRow row = whatIfRow(modelId);
        robot.interact(() -> t.scrollTo(row));
        TableCell<?, ?> cell = robot.lookup("#whatIfTable .table-cell")
                .match((TableCell<?, ?> c) -> c.getTableRow() != null && c.getTableRow().getItem() == row
                        && c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()))
                .query();
        return cell.getText();
    }

    /** Clicks a model's row in the what-if table. */
    public WorkbenchPage selectModel(String modelId) {
        ModelRow row = whatIfRow(modelId);
        TableView<ModelRow> t = tableOf("#whatIfTable");
        robot.interact(() -> t.scrollTo(row));
        robot.clickOn(robot.lookup("#whatIfTable .table-row-cell").match((TableRow<?> r) -> r.getItem() == row)
                .<Node>query());
        return this;
    }

    /** The rule ids of the findings table, in its order. */
    public List<String> findingRules() {
        return this.<Finding>tableOf("#findingsTable").getItems().stream().map(Finding::rule).toList();
    }

    /** Clicks the finding of a rule in the findings table. */
    public WorkbenchPage selectFinding(String rule) {
        Node row = robot.lookup("#findingsTable .table-row-cell")
                .match((TableRow<Finding> r) -> r.getItem() != null && r.getItem().rule().equals(rule)).query();
        robot.clickOn(row);
        return this;
    }

    /** The evidence list with this id ({@code findingEvidence}, {@code whatIfEvidence}). */
    @SuppressWarnings("unchecked")
    public ListView<MessageRef> evidence(String listId) {
        return robot.lookup("#" + listId).queryAs(ListView.class);
    }

    /** Clicks evidence item {@code index} of the list with this id. */
    public WorkbenchPage clickEvidence(String listId, int index) {
        ListView<MessageRef> list = evidence(listId);
        // As a user would: scroll the detail pane until the list is in view (in the dock's
        // default layout the evidence may sit below the fold), then to the line.
        robot.interact(() -> scrollIntoView(list));
        robot.interact(() -> list.scrollTo(index));
        Node cell = robot.lookup("#" + listId + " .list-cell").match((ListCell<?> c) -> c.getIndex() == index).query();
        robot.clickOn(cell);
        return this;
    }

    /** Scrolls the ScrollPane that holds {@code n}, if any, so that {@code n}'s top is in its viewport. */
    private static void scrollIntoView(javafx.scene.Node n) {
        javafx.scene.Parent p = n.getParent();
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            double content = sp.getContent().getLayoutBounds().getHeight();
            double room = content - sp.getViewportBounds().getHeight();
            if (room > 0) {
                double top = sp.getContent().sceneToLocal(n.localToScene(n.getLayoutBounds())).getMinY();
                sp.setVvalue(sp.getVmin() + (sp.getVmax() - sp.getVmin()) * Math.min(1, Math.max(0, top / room)));
            }
        }
    }

    /** The rows of a lifecycle table ({@code fidTable}, {@code nodeTable}, {@code handleTable}). */
    public int lifecycleRows(String tableId) {
        return tableOf("#" + tableId).getItems().size();
    }

    /** Double-clicks row {@code row} of a lifecycle table. */
    public WorkbenchPage doubleClickLifecycle(String tableId, int row) {
        TableView<Object> t = tableOf("#" + tableId);
        robot.interact(() -> t.scrollTo(row));
        robot.doubleClickOn(robot.lookup("#" + tableId + " .table-row-cell").match((TableRow<?> r) -> r.getIndex() == row)
                .<Node>query());
        return this;
    }

    /** Types a path into the dentry query. */
    public WorkbenchPage queryDentry(String path) {
        TextField f = robot.lookup("#dentryQuery").queryAs(TextField.class);
        robot.clickOn(f);
        robot.interact(f::clear);
        robot.write(path);
        return this;
    }

    public String dentryAnswer() {
        return robot.lookup("#dentryAnswer").queryAs(Labeled.class).getText();
    }

    /** The text of the wait-times table's cell of an operation in the column with this id. */
    public String waitsCell(String op, String columnId) {
        TableCell<?, ?> cell = robot.lookup("#waitsTable .table-cell")
                .match((TableCell<?, ?> c) -> c.getTableRow() != null && c.getTableRow().getItem() instanceof OperationRow o
                        && o.op().equals(op) && c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()))
                .query();
        return cell.getText();
    }

    /** The JFreeChart viewer with this id. */
    public ChartViewer chart(String id) {
        return robot.lookup("#" + id).queryAs(ChartViewer.class);
    }

    /** Clicks a button of the replace-file question, once it is shown. */
    public WorkbenchPage answerReplace(String button) throws TimeoutException {
        waitUntil(() -> robot.lookup("#replaceFileDialog").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#replaceFileDialog .button").match((Button b) -> b.getText().equals(button))
                .<Node>query());
        return this;
    }

    public WorkbenchPage closeErrorDialog() {
        DialogPane p = robot.lookup("#loadErrorDialog").queryAs(DialogPane.class);
        robot.interact(() -> p.getScene().getWindow().hide());
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }
}
