package io.lookaside.app.live;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Capture › Start… (Ctrl+K), after Wireshark's capture options: the interfaces with their
 * traffic, the capture filter (green when libpcap compiles it, red with libpcap's words when
 * not), stop conditions, the output file and the ring. Start is enabled once nothing is wrong;
 * what is wrong is said under the fields. Built in code; it only lays out and binds
 * {@link CaptureDialogViewModel}. Node ids: {@code #captureDialog}, {@code #interfaceTable},
 * {@code #captureFilter}, {@code #capturePort}, {@code #stopSeconds}, {@code #stopMessages},
 * {@code #captureOutput}, {@code #ringFiles}, {@code #ringSizeMb}, {@code #captureProblem},
 * {@code #startCapture}.
 */
public final class CaptureDialog extends Dialog<LiveRequest> {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass VALID = PseudoClass.getPseudoClass("valid");
    private static final ButtonType START = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);

    private final CaptureDialogViewModel vm;

    public CaptureDialog(CaptureDialogViewModel vm, Window owner) {
        this.vm = vm;
        initOwner(owner);
        setTitle("Capture");
        setHeaderText("Capture live: choose an interface and a filter");
        setResizable(true);
        getDialogPane().setId("captureDialog");
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, START);
        Button start = (Button) getDialogPane().lookupButton(START);
        start.setId("startCapture");
        start.disableProperty().bind(vm.problemProperty().isNotEmpty());
        getDialogPane().setContent(new VBox(10, interfaceTable(), fields(), problem()));
        getDialogPane().setPrefSize(960, 560);
        setResultConverter(b -> b == START ? vm.request() : null);
        addEventHandler(DialogEvent.DIALOG_SHOWN, e -> vm.open());
        addEventHandler(DialogEvent.DIALOG_HIDDEN, e -> vm.close());
    }

    private TableView<InterfaceRow> interfaceTable() {
        TableView<InterfaceRow> table = new TableView<>(vm.interfaces());
        table.setId("interfaceTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("Interface", 110, r -> r.name()));
        table.getColumns().add(text("Description", 170, r -> r.info().description()));
        table.getColumns().add(text("Addresses", 230, InterfaceRow::addresses));
        table.getColumns().add(text("Link type", 150, InterfaceRow::linkType));
        TableColumn<InterfaceRow, double[]> traffic = new TableColumn<>("Traffic");
        traffic.setPrefWidth(Sparkline.WIDTH + 20);
        traffic.setCellValueFactory(c -> c.getValue().ratesProperty());
        traffic.setCellFactory(c -> new TableCell<>() {
            private final Sparkline line = new Sparkline();

            @Override
            protected void updateItem(double[] rates, boolean empty) {
                super.updateItem(rates, empty);
                line.show(empty ? null : rates);
                setGraphic(empty ? null : line);
            }
        });
        table.getColumns().add(traffic);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> vm.listErrorProperty().get().isEmpty()
                ? "Looking for interfaces …" : vm.listErrorProperty().get(), vm.listErrorProperty()));
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.setPrefHeight(240);
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private static TableColumn<InterfaceRow, String> text(String title, double width,
                                                          java.util.function.Function<InterfaceRow, String> value) {
        TableColumn<InterfaceRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    private GridPane fields() {
        TextField filter = field("captureFilter", vm.filterProperty(), "tcp port 564");
        filter.getStyleClass().add("filter-field");
        Runnable paint = () -> {
            boolean bad = !vm.filterErrorProperty().get().isEmpty();
            filter.pseudoClassStateChanged(INVALID, bad);
            filter.pseudoClassStateChanged(VALID, !bad);
        };
        vm.filterErrorProperty().addListener((o, was, now) -> paint.run());
        paint.run();
        TextField output = field("captureOutput", vm.outputProperty(), "");
        Button browse = new Button("Browse…");
        browse.setId("browseOutput");
        browse.setOnAction(e -> chooseOutput());
        HBox outputBox = new HBox(6, output, browse);
        HBox.setHgrow(output, Priority.ALWAYS);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label("Capture filter"), filter);
        grid.addRow(row++, new Label("9P also on TCP port"), field("capturePort", vm.portProperty(), "e.g. 5640"));
        grid.addRow(row++, new Label("Stop after"), new HBox(6,
                field("stopSeconds", vm.secondsProperty(), "seconds"), new Label("seconds, or"),
                field("stopMessages", vm.messagesProperty(), "messages"), new Label("messages (empty: until Stop)")));
        grid.addRow(row++, new Label("Write to"), outputBox);
        grid.addRow(row, new Label("Ring buffer"), new HBox(6,
                field("ringFiles", vm.ringFilesProperty(), "files"), new Label("files of"),
                field("ringSizeMb", vm.ringSizeMbProperty(), "MB"), new Label("MB each (empty: one file)")));
        GridPane.setHgrow(filter, Priority.ALWAYS);
        GridPane.setHgrow(outputBox, Priority.ALWAYS);
        grid.setPadding(new Insets(4, 0, 0, 0));
        return grid;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        if (!id.equals("captureFilter") && !id.equals("captureOutput")) {
            f.setPrefColumnCount(8);
        }
        return f;
    }

    private Node problem() {
        Label l = new Label();
        l.setId("captureProblem");
        l.getStyleClass().add("filter-message");
        l.setWrapText(true);
        l.textProperty().bind(vm.problemProperty());
        return l;
    }

    /** The platform's save dialog asks before replacing a file, so a chosen file may be replaced. */
    private void chooseOutput() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Write the capture to");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("pcapng", "*.pcapng"),
                new FileChooser.ExtensionFilter("pcap (nanosecond)", "*.pcap"));
        Path current = Path.of(vm.outputProperty().get().isBlank() ? "capture.pcapng" : vm.outputProperty().get());
        if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        chooser.setInitialFileName(current.getFileName().toString());
        File f = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
        if (f != null) {
            vm.outputProperty().set(f.getPath());
            vm.overwriteProperty().set(true);
        }
    }
}
