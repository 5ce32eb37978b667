package io.lookaside.app.capture;

import io.lookaside.capture.Diagnostic;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;

/** The diagnostics of the loaded capture; double-click or Enter opens a diagnostic's frame. */
public final class DiagnosticsView extends BorderPane {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    public DiagnosticsView(DiagnosticsViewModel vm) {
        TableView<Diagnostic> table = new TableView<>(vm.items());
        table.setId("diagnosticsList");
        Label empty = new Label();
        empty.textProperty().bind(vm.emptyTextProperty());
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Severity", 90, vm::severity),
                column("Frame", 80, vm::frame),
                column("Connection", 260, vm::connection),
                column("Diagnostic", 700, Diagnostic::text)));
        table.setRowFactory(t -> {
            TableRow<Diagnostic> row = new TableRow<>() {
                @Override
                protected void updateItem(Diagnostic d, boolean empty) {
                    super.updateItem(d, empty);
                    pseudoClassStateChanged(WARNING, !empty && d != null && d.severity() == Diagnostic.Severity.WARNING);
                    pseudoClassStateChanged(ERROR, !empty && d != null && d.severity() == Diagnostic.Severity.ERROR);
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        setCenter(table);
    }

    private static TableColumn<Diagnostic, String> column(String title, double width, Function<Diagnostic, String> text) {
        TableColumn<Diagnostic, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(text.apply(cd.getValue())));
        return c;
    }
}
