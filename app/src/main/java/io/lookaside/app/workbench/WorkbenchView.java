package io.lookaside.app.workbench;

import io.lookaside.app.capture.DiagnosticsView;
import io.lookaside.app.dock.DockArea;
import io.lookaside.app.dock.DockLayout;
import io.lookaside.app.capture.LoadFailure;
import io.lookaside.app.findings.FindingsView;
import io.lookaside.app.lifecycles.LifecyclesView;
import io.lookaside.app.live.CaptureCopy;
import io.lookaside.app.live.CaptureDialog;
import io.lookaside.app.messages.MessagesView;
import io.lookaside.app.messages.MessagesViewModel;
import io.lookaside.app.outline.OutlineView;
import io.lookaside.app.waits.WaitsView;
import io.lookaside.app.whatif.WhatIfView;
import io.lookaside.app.workbench.ReportExport.Format;
import io.lookaside.app.workbench.WorkbenchViewModel.Feature;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * One capture's editor: menus with Wireshark's shortcuts, the views of the capture arranged in a
 * {@link DockArea}, and the status bar. {@link WorkbenchFrame} holds one per open capture and
 * shows the menus of the one on show. A capture opens from File › Open, from a file dropped
 * anywhere on the window, or from the command line. Built in code; it only lays out and binds
 * {@link WorkbenchViewModel}.
 */
public final class WorkbenchView extends BorderPane {
    private final WorkbenchViewModel vm;
    private final MessagesView messagesView;
    /** Where File › Open and dropped files go: a new editor in the frame, or this one on its own. */
    private final java.util.function.Consumer<Path> opener;
    private final boolean opensHere;
    private final MenuBar menuBar;
    private final DockArea dock;

    public WorkbenchView(WorkbenchViewModel vm) {
        this(vm, null, null);
    }

    /**
     * @param opener where opened files go (null: into this editor)
     * @param layout the arrangement of the views to start with (null: {@link #defaultLayout()})
     */
    public WorkbenchView(WorkbenchViewModel vm, java.util.function.Consumer<Path> opener, DockLayout layout) {
        this.vm = vm;
        this.opener = opener != null ? opener : vm::open;
        this.opensHere = opener == null;
        this.messagesView = new MessagesView(vm.messages());
        getStyleClass().add("workbench");
        menuBar = menus();
        setTop(menuBar);
        dock = views(layout);
        setCenter(dock);
        // A jump from another view (evidence, a fid's creation) leaves the list focused: the selection shows in its colour.
        // It also shows every view again if one was maximised: the message comes with its details and bytes.
        vm.jumpsProperty().addListener((o, was, now) -> {
            dock.restore();
            messagesView.focusTable();
        });
        setBottom(statusBar());
        acceptDroppedFiles();
        vm.capture().failureProperty().addListener((o, was, failure) -> {
            if (failure != null) {
                showFailure(failure);
            }
        });
        vm.live().failureProperty().addListener((o, was, why) -> {
            if (!why.isEmpty()) {
                showCaptureFailure(why);
            }
        });
        vm.captureCopy().resultProperty().addListener((o, was, r) -> {
            if (r != null && !r.written()) {
                showSaveFailure(r);
            }
        });
        vm.export().resultProperty().addListener((o, was, r) -> {
            if (r != null && !r.written()) {
                showExportFailure(r);
            }
        });
    }

    private MenuBar menus() {
        MessagesViewModel m = vm.messages();
        MenuItem export = item("_Export Report…", "Shortcut+E", this::chooseExportFile);
        export.setId("exportReportItem");
        export.disableProperty().bind(vm.export().availableProperty().not());
        MenuItem open = item("_Open…", "Shortcut+O", this::chooseFile);
        MenuItem reload = item("_Reload", "Shortcut+R", vm::reload);
        MenuItem saveAs = item("Save Capture _As…", "Shortcut+Shift+S", this::chooseSaveFile);
        saveAs.setId("saveCaptureItem");
        open.disableProperty().bind(vm.live().runningProperty());
        reload.disableProperty().bind(vm.live().runningProperty());
        saveAs.disableProperty().bind(vm.live().runningProperty().or(vm.capture().pathProperty().isNull()));
        Menu file = new Menu("_File", null,
                open,
                reload,
                saveAs,
                new SeparatorMenuItem(),
                export,
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", () -> getScene().getWindow().hide()));
        Menu go = new Menu("_Go", null,
                item("_Go to Frame…", "Shortcut+G", () -> show(Feature.MESSAGES, messagesView::showGoTo)),
                item("Go to _Request / Reply", "Shortcut+J", () -> show(Feature.MESSAGES, m::goToPeer)),
                new SeparatorMenuItem(),
                item("_Next in Connection", "Shortcut+PERIOD", () -> m.goToNextInConnection(1)),
                item("_Previous in Connection", "Shortcut+COMMA", () -> m.goToNextInConnection(-1)),
                item("_First Message", "Shortcut+Home", () -> m.goToEnd(false)),
                item("_Last Message", "Shortcut+End", () -> m.goToEnd(true)));
        Menu analyze = new Menu("_Analyze", null,
                item("Display _Filter", "Shortcut+SLASH", () -> show(Feature.MESSAGES, messagesView::focusFilter)),
                item("_Messages", "Alt+1", () -> show(Feature.MESSAGES, messagesView::focusTable)),
                item("F_indings", "Alt+2", () -> vm.featureProperty().set(Feature.FINDINGS)),
                item("_Wait Times", "Alt+3", () -> vm.featureProperty().set(Feature.WAITS)),
                item("W_hat If", "Alt+4", () -> vm.featureProperty().set(Feature.WHATIF)),
                item("_Lifecycles", "Alt+5", () -> vm.featureProperty().set(Feature.LIFECYCLES)),
                item("_Diagnostics", "Alt+6", () -> vm.featureProperty().set(Feature.DIAGNOSTICS)),
                new SeparatorMenuItem(),
                decodeAsItem());
        // Wireshark: Ctrl+K capture options, Ctrl+E stop (Ctrl+E exports the report here).
        MenuItem start = item("_Start…", "Shortcut+K", this::showCaptureDialog);
        start.setId("startCaptureItem");
        start.disableProperty().bind(vm.live().runningProperty());
        MenuItem stop = item("S_top", "Shortcut+Shift+E", vm::stopCapture);
        stop.setId("stopCaptureItem");
        stop.disableProperty().bind(vm.live().runningProperty().not());
        Menu capture = new Menu("_Capture", null, start, stop);
        Menu help = new Menu("_Help", null,
                item("Display Filter _Syntax", null, this::showFilterHelp));
        MenuBar bar = new MenuBar(file, go, capture, analyze, help);
        bar.setId("menuBar");
        return bar;
    }

    /** Analyze › Decode As…: 9P on a TCP port of the user's choosing, as {@code --port} does. */
    private MenuItem decodeAsItem() {
        MenuItem it = item("Decode _As… (9P on a port)", null, () -> {
            javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(
                    vm.capture().options().ninePPort() > 0 ? Integer.toString(vm.capture().options().ninePPort()) : "");
            ask.initOwner(getScene().getWindow());
            ask.setTitle("Decode As");
            ask.setHeaderText("Decode a TCP port as 9P (lookaside --port PORT)");
            ask.setContentText("TCP port:");
            ask.getDialogPane().setId("decodeAsDialog");
            ask.showAndWait().map(String::strip).ifPresent(v -> {
                if (v.matches("\\d{1,5}") && Integer.parseInt(v) > 0 && Integer.parseInt(v) < 65536) {
                    vm.decodeAs(Integer.parseInt(v));
                }
            });
        });
        it.setId("decodeAsItem");
        it.disableProperty().bind(vm.capture().pathProperty().isNull());
        return it;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        return Widgets.menuItem(text, accelerator, action);
    }

    private void show(Feature f, Runnable then) {
        vm.featureProperty().set(f);
        then.run();
    }

    /** The ids of the views, as the layout names them; a feature's view is its name in lower case. */
    public static final String OUTLINE = "outline";
    public static final String PROPERTIES = "properties";
    public static final String DETAILS = "details";
    public static final String BYTES = "bytes";

    /** The Analyze perspective as it comes: Wireshark's list, fields and bytes, with the outline on the left. */
    public static DockLayout defaultLayout() {
        return DockLayout.Split.horizontal(0.2, DockLayout.Stack.of(OUTLINE),
                DockLayout.Split.vertical(0.56,
                        DockLayout.Stack.of(id(Feature.MESSAGES), id(Feature.FINDINGS), id(Feature.WAITS),
                                id(Feature.WHATIF), id(Feature.LIFECYCLES), id(Feature.DIAGNOSTICS)),
                        DockLayout.Split.horizontal(0.58, DockLayout.Stack.of(DETAILS, PROPERTIES), DockLayout.Stack.of(BYTES))));
    }

    static String id(Feature f) {
        return f.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The views in a dock area. Each view is made at once (it follows its view-model from the
     * start); it joins the scene when its tab is first selected (see {@link DockArea}).
     */
    private DockArea views(DockLayout layout) {
        Node[] detailsAndBytes = messagesView.releaseDetailsAndBytes();
        javafx.beans.value.ObservableStringValue placeholder = vm.analysisPlaceholderProperty();
        List<DockArea.View> views = List.of(
                view(Feature.MESSAGES, "messagesTab", "Messages", messagesView),
                view(Feature.FINDINGS, "findingsTab", "Findings", new FindingsView(vm.findings(), placeholder)),
                view(Feature.WAITS, "waitsTab", "Wait Times", new WaitsView(vm.waits(), placeholder)),
                view(Feature.WHATIF, "whatIfTab", "What If", new WhatIfView(vm.whatIf(), placeholder)),
                view(Feature.LIFECYCLES, "lifecyclesTab", "Lifecycles", new LifecyclesView(vm.lifecycles(), placeholder)),
                new DockArea.View(id(Feature.DIAGNOSTICS), "diagnosticsTab",
                        vm.diagnostics().countProperty().asString("Diagnostics (%d)"), new DiagnosticsView(vm.diagnostics())),
                new DockArea.View(OUTLINE, "outlineTab", new javafx.beans.property.SimpleStringProperty("Outline"),
                        new OutlineView(vm.outline(), placeholder)),
                new DockArea.View(DETAILS, "detailsTab", new javafx.beans.property.SimpleStringProperty("Details"),
                        detailsAndBytes[0]),
                new DockArea.View(BYTES, "bytesTab", new javafx.beans.property.SimpleStringProperty("Bytes"),
                        detailsAndBytes[1]),
                new DockArea.View(PROPERTIES, "propertiesTab", new javafx.beans.property.SimpleStringProperty("Properties"),
                        new PropertiesView(vm.properties())));
        DockArea area = new DockArea(views, defaultLayout(), layout);
        area.setId("dockArea");
        // The view on show and the view-model's feature follow each other.
        area.shownProperty().addListener((o, was, now) -> {
            for (Feature f : Feature.values()) {
                if (id(f).equals(now)) {
                    vm.featureProperty().set(f);
                }
            }
        });
        vm.featureProperty().addListener((o, was, now) -> area.select(id(now)));
        // A capture opens on the view-model's feature (Messages), whichever view the saved layout had on top.
        area.select(id(vm.featureProperty().get()));
        return area;
    }

    private static DockArea.View view(Feature f, String tabId, String title, Node content) {
        return new DockArea.View(id(f), tabId, new javafx.beans.property.SimpleStringProperty(title), content);
    }

    /** The menus, which the frame shows above the editor on show. */
    public MenuBar menuBar() {
        return menuBar;
    }

    /** The views of this capture, as the user arranged them. */
    public DockArea dock() {
        return dock;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(vm.statusProperty());
        Label notice = new Label();
        notice.setId("noticeLabel");
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(vm.messages().noticeProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ProgressBar progress = new ProgressBar();
        progress.setId("loadProgress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(vm.capture().progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelLoad");
        cancel.setOnAction(e -> vm.capture().cancel());
        HBox loading = new HBox(6, progress, cancel);
        loading.setId("loadBar");
        loading.setAlignment(Pos.CENTER_RIGHT);
        loading.visibleProperty().bind(vm.capture().busyProperty());
        loading.managedProperty().bind(loading.visibleProperty());

        Hyperlink diagnostics = new Hyperlink();
        diagnostics.setId("diagnosticsLink");
        diagnostics.textProperty().bind(vm.diagnosticsSummaryProperty());
        diagnostics.setOnAction(e -> vm.featureProperty().set(Feature.DIAGNOSTICS));
        diagnostics.visibleProperty().bind(vm.capture().sessionProperty().isNotNull());

        Label exported = new Label();
        exported.setId("exportLabel");
        exported.getStyleClass().add("notice");
        exported.textProperty().bind(Bindings.createStringBinding(() -> {
            ReportExport.Result r = vm.export().resultProperty().get();
            return vm.export().busyProperty().get() ? "Saving the report …" : r != null && r.written() ? r.message() : "";
        }, vm.export().resultProperty(), vm.export().busyProperty()));

        Label liveSummary = new Label();
        liveSummary.setId("liveSummary");
        liveSummary.getStyleClass().add("notice");
        // While capturing, the status label carries the counters; afterwards this keeps the summary.
        liveSummary.textProperty().bind(Bindings.when(vm.live().runningProperty()).then("")
                .otherwise(vm.live().countersProperty()));
        Button stop = new Button("Stop");
        stop.setId("stopCapture");
        stop.getStyleClass().add("stop-capture");
        stop.setOnAction(e -> vm.stopCapture());
        stop.visibleProperty().bind(vm.live().runningProperty());
        stop.managedProperty().bind(stop.visibleProperty());

        Label saved = new Label();
        saved.setId("saveCaptureLabel");
        saved.getStyleClass().add("notice");
        saved.textProperty().bind(Bindings.createStringBinding(() -> {
            CaptureCopy.Result r = vm.captureCopy().resultProperty().get();
            return vm.captureCopy().busyProperty().get() ? "Saving the capture …" : r != null && r.written() ? r.message() : "";
        }, vm.captureCopy().resultProperty(), vm.captureCopy().busyProperty()));

        HBox bar = new HBox(12, status, notice, liveSummary, spacer, saved, exported, stop, loading, diagnostics);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        // Once a load has shown its progress bar, the status bar keeps that height (a hidden node
        // keeps its last size): the message table above must not move when loading ends.
        bar.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> loading.getHeight() + bar.getInsets().getTop() + bar.getInsets().getBottom(),
                loading.heightProperty(), bar.insetsProperty()));
        return bar;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a capture");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Captures (pcap, pcapng, fusedump, strace, tracefs, QEMU trace; .gz)",
                        "*.pcap", "*.pcapng", "*.cap", "*.gz", "*.fusedump", "*.txt", "*.log"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path current = vm.capture().pathProperty().get();
        if (current != null && current.getParent() != null) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            opener.accept(f.toPath());
        }
    }

    /** Capture › Start…: the dialog; Start begins the capture it describes. */
    private void showCaptureDialog() {
        CaptureDialog dialog = new CaptureDialog(vm.captureDialog(), getScene().getWindow());
        dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                vm.featureProperty().set(Feature.MESSAGES);
                vm.startCapture(dialog.getResult());
            }
        });
        dialog.show();
    }

    /** File › Save Capture As…: the platform's save dialog asks before replacing a file. */
    private void chooseSaveFile() {
        Path current = vm.capture().pathProperty().get();
        if (current == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the capture as");
        chooser.setInitialFileName(current.getFileName().toString());
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            vm.saveCaptureAs(f.toPath());
        }
    }

    private void showCaptureFailure(String why) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Cannot capture");
        alert.setHeaderText("The capture did not start");
        alert.setContentText(why);
        alert.getDialogPane().setId("captureErrorDialog");
        alert.getDialogPane().setPrefWidth(620);
        alert.show();
    }

    private void showSaveFailure(CaptureCopy.Result r) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Cannot save the capture");
        alert.setHeaderText("The capture was not saved");
        alert.setContentText(r.message());
        alert.getDialogPane().setId("saveErrorDialog");
        alert.show();
    }

    /**
     * File › Export Report…: the chooser proposes the capture's name with the format's extension.
     * The platform's save dialog asks before replacing the file it returns (GTK, Windows and macOS
     * all do); when an extension had to be added, the file written is not the one the dialog
     * checked, so {@link #exportTo} asks itself.
     */
    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the report");
        for (Format f : Format.values()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), "*." + f.extension()));
        }
        Path current = vm.capture().pathProperty().get();
        if (current != null) {
            if (current.getParent() != null) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            chooser.setInitialFileName(reportName(current) + ".json");
        }
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        int k = chooser.getExtensionFilters().indexOf(chooser.getSelectedExtensionFilter());
        Format chosen = Format.of(f.toPath());
        Format format = chosen != null ? chosen : Format.values()[Math.max(0, k)];
        Path target = ReportExport.withExtension(f.toPath(), format);
        exportTo(target, format, target.equals(f.toPath()));
    }

    /** {@code trace.pcap.gz} → {@code trace.report}. */
    private static String reportName(Path capture) {
        String n = capture.getFileName().toString();
        for (String ext : new String[] {".gz", ".pcapng", ".pcap", ".cap", ".fusedump", ".txt"}) {
            if (n.endsWith(ext)) {
                n = n.substring(0, n.length() - ext.length());
            }
        }
        return n + ".report";
    }

    /**
     * Writes the report to {@code target}; asks first when it exists and nobody has asked yet.
     *
     * @param confirmed the save dialog already asked about replacing {@code target}
     */
    public void exportTo(Path target, Format format, boolean confirmed) {
        if (!confirmed && ReportExport.exists(target) && !confirmReplace(target)) {
            return;
        }
        vm.export().export(target, format, true);
    }

    private boolean confirmReplace(Path target) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Replace the file?");
        alert.setHeaderText(target.getFileName() + " already exists");
        alert.setContentText("Replace " + target + " with the report of this capture?");
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ButtonType.CANCEL, replace);
        alert.getDialogPane().setId("replaceFileDialog");
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == replace;
    }

    private void showExportFailure(ReportExport.Result r) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Cannot export the report");
        alert.setHeaderText("The report was not saved");
        alert.setContentText(r.message());
        alert.getDialogPane().setId("exportErrorDialog");
        alert.show();
    }

    private void acceptDroppedFiles() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok && opensHere) {
                vm.openDropped(e.getDragboard().getFiles());
            } else if (ok) {
                e.getDragboard().getFiles().forEach(f -> opener.accept(f.toPath()));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void showFailure(LoadFailure failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Cannot open capture");
        alert.setHeaderText(failure.headline());
        alert.setContentText(failure.reason());
        alert.getDialogPane().setId("loadErrorDialog");
        alert.getDialogPane().setPrefWidth(560);
        alert.show();
    }

    private void showFilterHelp() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Display filter syntax");
        alert.setHeaderText("Display filters");
        alert.setContentText("""
                Fields are the keys of `lookaside decode --format jsonl`: frame, tsNanos, conn, proto, type, dir,
                tag, unique, rttNanos and every decoded field under its spec name (fid, newfid, wnames, qid.path, nodeid …).

                  type == Twalk              fid == 3 && !(type == Tclunk)
                  conn contains 564          rttNanos > 1000000
                  wnames == lib              (type == Rlerror) or ecode == 2

                Operators: == != < <= > >= contains (also eq ne lt le gt ge), && || ! (also and or not).
                Text compares ignoring case; numbers compare as numbers (0x… for hex).
                A bare word or "quoted text" finds messages with such a field or any value containing it.
                Enter applies the filter; right-click a field or a row to filter on it.""");
        alert.getDialogPane().setPrefWidth(720);
        alert.show();
    }
}
