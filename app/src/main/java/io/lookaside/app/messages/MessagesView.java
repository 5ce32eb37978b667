package io.lookaside.app.messages;

import io.lookaside.app.messages.MessagesViewModel.Column;
import io.lookaside.app.messages.MessagesViewModel.RowKind;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Wireshark's three panes for 9P and FUSE messages: the display filter bar, the message list,
 * and below it the decoded fields beside the bytes. Built in code; it only lays out and binds
 * {@link MessagesViewModel}.
 */
public final class MessagesView extends BorderPane {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass VALID = PseudoClass.getPseudoClass("valid");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass ORPHAN = PseudoClass.getPseudoClass("orphan");

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final MessagesViewModel vm;
    private final TextField filterField = new TextField();
    private final TextField goToField = new TextField();
    private final HBox goToBar;
    /** The capture whose rows the table shows (its source), to know when another one comes. */
    private String shownSource;
    private final TableView<Integer> table = new TableView<>();
    private TableRows tableRows;
    /** True while the table's items are replaced: sort order changes then are not the user's. */
    private boolean replacingItems;
    /** Counts the sessions shown; the table's cells take their text again when it changes. */
    private final LongProperty redrawn = new SimpleLongProperty();
    /** Rows that arrive scroll into view (with {@link MessagesViewModel#followTailProperty()}). */
    private boolean pinned;
    /** The user scrolled, clicked or pressed a key in the table since rows last arrived. */
    private boolean userMoved;
    /** Scroll to the end after the next layout pass (it makes the flow count the new rows). */
    private boolean tailPending;
    private final Runnable afterLayout = this::scrollToEndAfterLayout;
    /** How many rows the table had when it last scrolled to the end. */
    private int tailRows;
    private final TreeTableView<DetailNode> detailTree = new TreeTableView<>();
    private final TextArea hexView = new TextArea();
    /** The bytes pane's sections, to find a field's bytes in its text. */
    private HexText shownBytes;

    public MessagesView(MessagesViewModel vm) {
        this.vm = vm;
        getStyleClass().add("messages-view");
        goToBar = goToBar();
        setTop(new VBox(filterBar(), filterMessage(), goToBar));
        SplitPane lower = new SplitPane(detailPane(), hexPane());
        lower.setDividerPositions(0.58);
        SplitPane panes = new SplitPane(messageTable(), lower);
        panes.setOrientation(Orientation.VERTICAL);
        panes.setDividerPositions(0.56);
        setCenter(panes);
    }

    /**
     * Hands the field tree and the bytes over to be views of their own (the workbench docks
     * them); the table and the filter stay here. Returns {details, bytes}.
     */
    public javafx.scene.Node[] releaseDetailsAndBytes() {
        SplitPane panes = (SplitPane) getCenter();
        SplitPane lower = (SplitPane) panes.getItems().get(1);
        javafx.scene.Node[] out = lower.getItems().toArray(javafx.scene.Node[]::new);
        lower.getItems().clear();
        setCenter(panes.getItems().get(0));
        return out;
    }

    /** Puts the caret in the display filter (Wireshark: Ctrl+/). */
    public void focusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    /** Opens the "Go to frame" bar (Ctrl+G). */
    public void showGoTo() {
        goToBar.setVisible(true);
        goToField.requestFocus();
        goToField.selectAll();
    }

    public void focusTable() {
        table.requestFocus();
    }

    private HBox filterBar() {
        filterField.setId("filterField");
        filterField.setPromptText("Apply a display filter … (Ctrl+/)   e.g.  type == Twalk && fid == 3,  conn contains 564,  or free text");
        filterField.getStyleClass().add("filter-field");
        filterField.textProperty().bindBidirectional(vm.filterTextProperty());
        filterField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.applyFilter();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                e.consume();
            }
        });
        Runnable validity = () -> {
            boolean blank = filterField.getText() == null || filterField.getText().isBlank();
            boolean bad = !vm.filterErrorProperty().get().isEmpty();
            filterField.pseudoClassStateChanged(INVALID, bad);
            filterField.pseudoClassStateChanged(VALID, !bad && !blank);
        };
        vm.filterErrorProperty().addListener((o, a, b) -> validity.run());
        filterField.textProperty().addListener((o, a, b) -> validity.run());
        HBox.setHgrow(filterField, Priority.ALWAYS);

        Button apply = new Button("Apply");
        apply.setId("applyFilter");
        apply.setOnAction(e -> vm.applyFilter());
        apply.setTooltip(new Tooltip("Apply the display filter (Enter)"));
        Button clear = new Button("Clear");
        clear.setId("clearFilter");
        clear.setOnAction(e -> filterField.clear());
        clear.disableProperty().bind(filterField.textProperty().isEmpty());

        ProgressBar progress = new ProgressBar();
        progress.setId("filterProgress");
        progress.setPrefWidth(90);
        progress.progressProperty().bind(vm.filterProgressProperty());
        progress.visibleProperty().bind(vm.filteringProperty().or(vm.sortingProperty()));
        progress.managedProperty().bind(progress.visibleProperty());

        HBox bar = new HBox(6, filterField, progress, apply, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(5, 6, 5, 6));
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private Label filterMessage() {
        Label l = new Label();
        l.setId("filterMessage");
        l.getStyleClass().add("filter-message");
        l.textProperty().bind(vm.filterErrorProperty());
        l.visibleProperty().bind(vm.filterErrorProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        l.setPadding(new Insets(0, 8, 4, 8));
        return l;
    }

    private HBox goToBar() {
        goToField.setId("goToField");
        goToField.setPromptText("frame number");
        goToField.setPrefColumnCount(10);
        Button go = new Button("Go to frame");
        go.setId("goToButton");
        Button close = new Button("Close");
        Runnable goTo = () -> {
            String t = goToField.getText().strip();
            if (!t.matches("\\d{1,18}")) {
                goToField.pseudoClassStateChanged(INVALID, true);
                return;
            }
            goToField.pseudoClassStateChanged(INVALID, false);
            vm.goToFrame(Long.parseLong(t));
            goToBar.setVisible(false);
            table.requestFocus();
        };
        Runnable hide = () -> {
            goToBar.setVisible(false);
            table.requestFocus();
        };
        go.setOnAction(e -> goTo.run());
        close.setOnAction(e -> hide.run());
        goToField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                goTo.run();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                hide.run();
                e.consume();
            }
        });
        HBox bar = new HBox(6, new Label("Go to frame:"), goToField, go, close);
        bar.setId("goToBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 6, 5, 6));
        bar.setVisible(false);
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private TableView<Integer> messageTable() {
        table.setId("messageTable");
        table.getStyleClass().add("message-table");
        tableRows = new TableRows(vm.rowsProperty().get());
        table.setItems(tableRows);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        // Like Wireshark's Info column, the last column takes whatever width the others leave.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setTableMenuButtonVisible(true);
        // One line a row: with a fixed row height the table never measures rows it does not show
        // (VirtualFlow otherwise lays out rows on the way to a scroll position, decoding them).
        table.setFixedCellSize(24);
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.emptyTableTextProperty());
        table.setPlaceholder(placeholder);
        for (Column c : Column.values()) {
            table.getColumns().add(column(MessageColumn.of(c)));
        }
        table.getColumns().get(Column.KEY.ordinal()).textProperty().bind(vm.keyTitleProperty());
        for (MessageColumn c : vm.customColumns()) {
            addCustomColumn(c);
        }
        vm.customColumns().addListener((ListChangeListener<MessageColumn>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(c -> table.getColumns().removeIf(col -> c.equals(col.getUserData())));
                change.getAddedSubList().forEach(this::addCustomColumn);
            }
        });
        // A click on a header sorts by that column in the view-model (in the background, stably):
        // the table's items are a view of the rows, which the table must not sort itself.
        table.setSortPolicy(t -> {
            if (!replacingItems) {
                vm.sortBy(sortKey());
            }
            return true;
        });
        vm.sortProperty().addListener((o, was, now) -> showSort(now));
        table.setRowFactory(t -> new TableRow<>() {
            private final InvalidationListener redraw = o -> style(getItem(), isEmpty());

            {
                redrawn.addListener(new WeakInvalidationListener(redraw));
            }

            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                style(item, empty);
            }

            private void style(Integer item, boolean empty) {
                RowKind kind = empty || item == null ? RowKind.NORMAL : vm.rowKind(item);
                pseudoClassStateChanged(ERROR, kind == RowKind.ERROR);
                pseudoClassStateChanged(ORPHAN, kind == RowKind.ORPHAN);
            }
        });
        table.setContextMenu(tableMenu());

        // The table's selection and the view-model's selected message follow each other. The
        // user moves the table; navigation (go to frame, go to reply) moves the view-model.
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> showSelected());
        // Following the tail of a live capture stops when the user scrolls away from the end, and
        // starts again when they come back to it (Wireshark's automatic scrolling).
        vm.followTailProperty().addListener((o, was, now) -> {
            pinned = now;
            userMoved = false;
            tailRows = 0;
        });
        table.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        table.addEventFilter(ScrollEvent.ANY, e -> userMove());
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> userMove());
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> userMove());
        vm.rowsProperty().addListener((o, was, now) -> {
            if (now.startsWith(was) && now.size() > 0 && was.size() > 0) {
                // More rows of a capture still loading: the table keeps its selection and scroll
                // position, or follows the tail of a live capture unless the user moved away from it.
                tableRows.extendTo(now);
                if (pinned && vm.followTailProperty().get()) {
                    scrollToEnd();
                }
            } else {
                tableRows = new TableRows(now);
                // A new items list clears the table's sort order: that is no click of the user's,
                // so the view-model's sort stays and the header shows it again.
                replacingItems = true;
                try {
                    table.setItems(tableRows);
                    showSort(vm.sortProperty().get());
                } finally {
                    replacingItems = false;
                }
                if (pinned && vm.followTailProperty().get() && now.size() > 0) {
                    scrollToEnd();
                } else {
                    int selectedRow = vm.selectedProperty().get() < 0 ? -1 : now.rowOf(vm.selectedProperty().get());
                    // The selection in view where the new rows put it; else their first row, as Wireshark shows them.
                    table.scrollTo(Math.max(0, selectedRow - 8));
                    scrollToTopOnAnotherCapture();
                }
            }
            showSelected();
        });
        // A newer prefix of a loading capture may have answered a request on show: the cells on
        // show take their text again. Not TableView.refresh(), which throws every cell away and
        // builds new ones (skins, CSS) for each prefix: that was most of the FX thread's work
        // while a big capture loads.
        vm.sessionProperty().addListener((o, was, now) -> redrawn.set(redrawn.get() + 1));
        vm.timeFormatProperty().addListener((o, was, now) -> redrawn.set(redrawn.get() + 1));
        vm.timeReferenceProperty().addListener((o, was, now) -> redrawn.set(redrawn.get() + 1));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.goToPeer();
                e.consume();
            } else if (COPY.match(e)) {
                selectedRow(m -> copy(vm.rowText(m)));
                e.consume();
            }
        });
        return table;
    }

    /** True when row {@code row} is (at least partly) on screen, or the table has no flow yet. */
    private boolean showsRow(int row) {
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return true;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        return first == null || last == null || (first.getIndex() <= row && row <= last.getIndex());
    }

    /**
     * Scrolls to the last row once the table has laid out the rows it was given: the flow learns
     * of appended rows only at its next layout (before it, a scroll to one of them is ignored),
     * and TableView.scrollTo, which updates the count first, then walks every row above the
     * target to find its offset (tens of ms a hand-over at a few hundred thousand rows). Setting
     * the flow's position to its end after the layout costs what a drag of the scroll bar does.
     */
    private void scrollToEnd() {
        tailPending = true;
        table.requestLayout();
    }

    /** The user scrolled, clicked or pressed a key: a scroll to the end asked for before must not undo it. */
    private void userMove() {
        userMoved = true;
        tailPending = false;
    }

    /**
     * After a layout pass, so that the flow shows where the user went: after a move of the
     * user's, the table goes on following only if it still shows the row that was last when it
     * last scrolled to the end (rows appended since sit below it), or the last row; then the
     * scroll to the end asked for before the layout.
     */
    private void scrollToEndAfterLayout() {
        if (userMoved) {
            userMoved = false;
            int n = table.getItems().size();
            pinned = showsRow(n - 1) || (tailRows > 0 && showsRow(tailRows - 1));
        }
        if (!tailPending) {
            return;
        }
        tailPending = false;
        if (pinned && vm.followTailProperty().get() && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.setPosition(1.0);
            tailRows = table.getItems().size();
        }
    }

    /** Another capture starts at its first row, not where the previous one was scrolled to. */
    private void scrollToTopOnAnotherCapture() {
        io.lookaside.session.Session s = vm.sessionProperty().get();
        String source = s == null ? null : s.source();
        if (source != null && !source.equals(shownSource)) {
            table.scrollTo(0);
        }
        shownSource = source;
    }

    private void showSelected() {
        int m = vm.selectedProperty().get();
        int row = m < 0 ? -1 : vm.rowsProperty().get().rowOf(m);
        if (row < 0) {
            table.getSelectionModel().clearSelection();
            return;
        }
        if (table.getSelectionModel().getSelectedIndex() != row) {
            table.getSelectionModel().clearAndSelect(row);
            table.getFocusModel().focus(row);
            table.scrollTo(Math.max(0, row - 8));
            userMove(); // a jump to a message (go to frame, evidence) moves away from the tail as a scroll does
        }
    }

    private ContextMenu tableMenu() {
        MenuItem peer = new MenuItem("Go to Request / Reply");
        peer.setOnAction(e -> vm.goToPeer());
        MenuItem copyRow = new MenuItem("Copy Row");
        copyRow.setAccelerator(COPY);
        copyRow.setOnAction(e -> selectedRow(m -> copy(vm.rowText(m))));
        MenuItem byType = new MenuItem("Apply as Filter: this Type");
        byType.setOnAction(e -> selectedRow(m -> vm.applyAsFilter(vm.typeFilter(m), false)));
        MenuItem byConn = new MenuItem("Apply as Filter: this Connection");
        byConn.setOnAction(e -> selectedRow(m -> vm.applyAsFilter(vm.connectionFilter(m), false)));
        MenuItem andType = new MenuItem("…and this Type");
        andType.setOnAction(e -> selectedRow(m -> vm.applyAsFilter(vm.typeFilter(m), true)));
        MenuItem addColumn = new MenuItem("Add Column…");
        addColumn.setId("addColumn");
        addColumn.setOnAction(e -> askForColumn());
        javafx.scene.control.Menu timeFormat = new javafx.scene.control.Menu("Time Display Format");
        javafx.scene.control.ToggleGroup formats = new javafx.scene.control.ToggleGroup();
        for (MessagesViewModel.TimeFormat f : MessagesViewModel.TimeFormat.values()) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(f.title());
            item.setToggleGroup(formats);
            item.setSelected(vm.timeFormatProperty().get() == f);
            item.setOnAction(e -> vm.timeFormatProperty().set(f));
            vm.timeFormatProperty().addListener((o, was, now) -> item.setSelected(now == f));
            timeFormat.getItems().add(item);
        }
        MenuItem reference = new MenuItem("Set / Unset Time Reference");
        reference.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        reference.setOnAction(e -> selectedRow(vm::toggleTimeReference));
        MenuItem captureOrder = new MenuItem("Capture Order (no sort)");
        captureOrder.setOnAction(e -> table.getSortOrder().clear());
        MenuItem csv = new MenuItem("Export Displayed as CSV…");
        csv.setId("exportCsv");
        csv.setOnAction(e -> chooseFile("messages.csv", "CSV", "*.csv").ifPresent(vm::exportCsv));
        MenuItem pcapng = new MenuItem("Export Specified Packets (pcapng)…");
        pcapng.setId("exportPcapng");
        pcapng.setOnAction(e -> chooseFile("messages.pcapng", "pcapng", "*.pcapng").ifPresent(vm::exportPcapng));
        return new ContextMenu(peer, copyRow, new SeparatorMenuItem(), byType, byConn, andType,
                new SeparatorMenuItem(), addColumn, captureOrder, timeFormat, reference, new SeparatorMenuItem(), csv, pcapng);
    }

    private java.util.Optional<java.nio.file.Path> chooseFile(String name, String kind, String pattern) {
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.setTitle("Export the displayed messages");
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(kind, pattern));
        java.io.File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return java.util.Optional.ofNullable(f).map(java.io.File::toPath);
    }

    private static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    private void selectedRow(IntConsumer action) {
        Integer m = table.getSelectionModel().getSelectedItem();
        if (m != null) {
            action.accept(m);
        }
    }

    /** The sort the table's header shows: its first sort column, or none. */
    private SortKey sortKey() {
        if (table.getSortOrder().isEmpty()) {
            return null;
        }
        TableColumn<Integer, ?> first = table.getSortOrder().get(0);
        return new SortKey((MessageColumn) first.getUserData(), first.getSortType() == TableColumn.SortType.DESCENDING);
    }

    /** Shows a sort the view-model made (a removed column drops its sort) in the header. */
    private void showSort(SortKey k) {
        if (Objects.equals(k, sortKey())) {
            return;
        }
        if (k == null) {
            table.getSortOrder().clear();
            return;
        }
        for (TableColumn<Integer, ?> col : table.getColumns()) {
            if (k.column().equals(col.getUserData())) {
                col.setSortType(k.descending() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                table.getSortOrder().setAll(List.of(col));
            }
        }
    }

    private void addCustomColumn(MessageColumn c) {
        TableColumn<Integer, Integer> col = column(c);
        MenuItem remove = new MenuItem("Remove Column \u201c" + c.field() + "\u201d");
        remove.setOnAction(e -> vm.removeColumn(c));
        col.setContextMenu(new ContextMenu(remove));
        // Before Info, which takes the width the others leave, as Wireshark places applied columns.
        table.getColumns().add(Math.max(0, table.getColumns().size() - 1), col);
    }

    /** Asks for a field to show as a column (Wireshark's Column Preferences › add). */
    private void askForColumn() {
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Add a column");
        d.setHeaderText("Show a decoded field as a column");
        d.setContentText("Field (a filter name: fid, newfid, ecode, offset, count, nodeid, fh, qid.path):");
        if (getScene() != null) {
            d.initOwner(getScene().getWindow());
        }
        d.showAndWait().ifPresent(vm::addColumn);
    }

    private TableColumn<Integer, Integer> column(MessageColumn c) {
        TableColumn<Integer, Integer> col = new TableColumn<>(c.title());
        col.setId(c.id());
        col.setUserData(c);
        col.setSortable(true);
        col.setReorderable(true);
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        col.setCellFactory(x -> new TableCell<>() {
            private final InvalidationListener redraw = o -> show(getItem(), isEmpty());

            {
                redrawn.addListener(new WeakInvalidationListener(redraw));
            }

            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                show(item, empty);
            }

            private void show(Integer item, boolean empty) {
                setText(empty || item == null ? null : vm.cell(c, item));
            }
        });
        col.setPrefWidth(c.isCustom() ? 90 : switch (c.builtIn()) {
            case FRAME -> 64;
            case TIME -> 92;
            case SOURCE, DESTINATION -> 138;
            case PROTOCOL -> 80;
            case LENGTH -> 58;
            case TYPE -> 92;
            case KEY -> 52;
            case RTT -> 76;
            case INFO -> 560;
        });
        col.getStyleClass().add(c.numeric() ? "numeric" : "text");
        return col;
    }

    private VBox detailPane() {
        Label title = new Label();
        title.setId("detailTitle");
        title.getStyleClass().add("detail-title");
        Hyperlink exchange = new Hyperlink();
        exchange.setId("exchangeLink");
        exchange.setOnAction(e -> vm.goToPeer());
        exchange.setTooltip(new Tooltip("Go to the other message of this exchange (Enter in the list, Ctrl+J)"));
        vm.detailProperty().addListener((o, was, d) -> {
            title.setText(d == null ? "" : d.title());
            exchange.setText(d == null ? "" : d.exchange());
            exchange.setDisable(d == null || d.peer() < 0);
            showDetail(d);
        });
        HBox header = new HBox(8, title, exchange);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(3, 6, 3, 6));
        header.getStyleClass().add("detail-header");

        detailTree.setId("detailTree");
        detailTree.setShowRoot(false);
        detailTree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        detailTree.setPlaceholder(new Label("Select a message to see its decoded fields."));
        TreeTableColumn<DetailNode, String> name = new TreeTableColumn<>("Field");
        name.setId("detailField");
        name.setPrefWidth(190);
        name.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().getValue().name()));
        TreeTableColumn<DetailNode, String> value = new TreeTableColumn<>("Value");
        value.setId("detailValue");
        value.setPrefWidth(520);
        value.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().getValue().value()));
        detailTree.getColumns().setAll(List.of(name, value));
        detailTree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> highlight(now));
        detailTree.setRowFactory(t -> new TreeTableRow<>() {
            private final ContextMenu menu = fieldMenu(this);

            @Override
            protected void updateItem(DetailNode item, boolean empty) {
                super.updateItem(item, empty);
                setContextMenu(empty || item == null ? null : menu);
            }
        });
        VBox box = new VBox(header, detailTree);
        VBox.setVgrow(detailTree, Priority.ALWAYS);
        return box;
    }

    /** Wireshark's field context menu: filter on this field's value, or copy it. */
    private ContextMenu fieldMenu(TreeTableRow<DetailNode> row) {
        MenuItem apply = new MenuItem("Apply as Filter");
        apply.setOnAction(e -> vm.applyAsFilter(row.getItem().filter(), false));
        MenuItem and = new MenuItem("…and Selected");
        and.setOnAction(e -> vm.applyAsFilter(row.getItem().filter(), true));
        MenuItem copy = new MenuItem("Copy Value");
        copy.setOnAction(e -> copy(row.getItem().value()));
        MenuItem asColumn = new MenuItem("Apply as Column");
        asColumn.setId("applyAsColumn");
        asColumn.setOnAction(e -> vm.addColumn(row.getItem().field()));
        ContextMenu menu = new ContextMenu(apply, and, asColumn, new SeparatorMenuItem(), copy);
        menu.setOnShowing(e -> {
            boolean filterable = row.getItem() != null && row.getItem().filter() != null;
            apply.setDisable(!filterable);
            and.setDisable(!filterable);
            asColumn.setDisable(row.getItem() == null || row.getItem().field() == null);
        });
        return menu;
    }

    private void showDetail(MessageDetail d) {
        if (d == null) {
            detailTree.setRoot(null);
            hexView.clear();
            return;
        }
        TreeItem<DetailNode> root = new TreeItem<>(new DetailNode("", "", null, List.of()));
        for (DetailNode n : d.fields()) {
            // The frame's layers collapsed, the message's own fields open, as Wireshark opens the last layer.
            boolean layer = n.field() == null && !n.children().isEmpty() && !isMessageNode(n);
            root.getChildren().add(item(n, !layer));
        }
        shownBytes = d.bytes();
        detailTree.setRoot(root);
        hexView.setText(d.hex());
        hexView.positionCaret(0);
    }

    private static boolean isMessageNode(DetailNode n) {
        return n.name().startsWith("9P") || n.name().startsWith("FUSE");
    }

    /** Highlights the bytes of the selected detail line in the bytes pane, as Wireshark does. */
    private void highlight(TreeItem<DetailNode> it) {
        DetailNode.Bytes b = it == null || it.getValue() == null ? null : it.getValue().bytes();
        int[] r = b == null || shownBytes == null ? null : shownBytes.range(b.section(), b.offset(), b.length());
        if (r == null) {
            hexView.deselect();
            return;
        }
        hexView.selectRange(r[0], r[1]);
    }

    private static TreeItem<DetailNode> item(DetailNode n, boolean expand) {
        TreeItem<DetailNode> it = new TreeItem<>(n);
        for (DetailNode c : n.children()) {
            it.getChildren().add(item(c, false));
        }
        it.setExpanded(expand && n.children().size() <= 16);
        return it;
    }

    private BorderPane hexPane() {
        hexView.setId("hexView");
        hexView.getStyleClass().add("hex-view");
        hexView.setEditable(false);
        hexView.setWrapText(false);
        hexView.setPromptText("Message bytes");
        BorderPane p = new BorderPane(hexView);
        p.setMinWidth(200);
        return p;
    }
}
