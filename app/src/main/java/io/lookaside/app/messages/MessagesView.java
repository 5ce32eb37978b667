package io.lookaside.app.messages;

import io.lookaside.app.messages.MessagesViewModel.Column;
import io.lookaside.app.messages.MessagesViewModel.RowKind;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
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
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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
    /** Counts the sessions shown; the table's cells take their text again when it changes. */
    private final LongProperty redrawn = new SimpleLongProperty();
    private final TreeTableView<DetailNode> detailTree = new TreeTableView<>();
    private final TextArea hexView = new TextArea();

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
        progress.visibleProperty().bind(vm.filteringProperty());
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
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.emptyTableTextProperty());
        table.setPlaceholder(placeholder);
        for (Column c : Column.values()) {
            table.getColumns().add(column(c));
        }
        table.getColumns().get(Column.KEY.ordinal()).textProperty().bind(vm.keyTitleProperty());
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
        vm.rowsProperty().addListener((o, was, now) -> {
            if (now.startsWith(was) && now.size() > 0 && was.size() > 0) {
                // More rows of a capture still loading: the table keeps its selection and scroll position.
                tableRows.extendTo(now);
            } else {
                tableRows = new TableRows(now);
                table.setItems(tableRows);
                scrollToTopOnAnotherCapture();
            }
            showSelected();
        });
        // A newer prefix of a loading capture may have answered a request on show: the cells on
        // show take their text again. Not TableView.refresh(), which throws every cell away and
        // builds new ones (skins, CSS) for each prefix: that was most of the FX thread's work
        // while a big capture loads.
        vm.sessionProperty().addListener((o, was, now) -> redrawn.set(redrawn.get() + 1));
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
        return new ContextMenu(peer, copyRow, new SeparatorMenuItem(), byType, byConn, andType);
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

    private TableColumn<Integer, Integer> column(Column c) {
        TableColumn<Integer, Integer> col = new TableColumn<>(c.title());
        col.setId("column-" + c.name().toLowerCase(Locale.ROOT));
        col.setSortable(false);
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
        col.setPrefWidth(switch (c) {
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
        switch (c) {
            case FRAME, TIME, LENGTH, KEY, RTT -> col.getStyleClass().add("numeric");
            default -> col.getStyleClass().add("text");
        }
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
        ContextMenu menu = new ContextMenu(apply, and, new SeparatorMenuItem(), copy);
        menu.setOnShowing(e -> {
            boolean filterable = row.getItem() != null && row.getItem().filter() != null;
            apply.setDisable(!filterable);
            and.setDisable(!filterable);
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
            root.getChildren().add(item(n, true));
        }
        detailTree.setRoot(root);
        hexView.setText(d.hex());
        hexView.positionCaret(0);
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
