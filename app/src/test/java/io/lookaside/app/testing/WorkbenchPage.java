package io.lookaside.app.testing;

import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import io.lookaside.app.messages.DetailNode;
import io.lookaside.capture.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench as a user sees it, through stable node ids: {@code #messageTable},
 * {@code #filterField}, {@code #detailTree}, {@code #hexView}, {@code #statusLabel},
 * {@code #diagnosticsList}, {@code #loadErrorDialog}. Tests speak in the user's steps.
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
                out.put(it.getValue().name(), it.getValue().value());
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

    public WorkbenchPage closeErrorDialog() {
        DialogPane p = robot.lookup("#loadErrorDialog").queryAs(DialogPane.class);
        robot.interact(() -> p.getScene().getWindow().hide());
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }
}
