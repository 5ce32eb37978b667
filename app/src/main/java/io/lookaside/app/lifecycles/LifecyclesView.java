package io.lookaside.app.lifecycles;

import static io.lookaside.app.workbench.Tables.number;
import static io.lookaside.app.workbench.Tables.text;

import io.lookaside.app.lifecycles.LifecycleRows.FidRow;
import io.lookaside.app.lifecycles.LifecycleRows.HandleRow;
import io.lookaside.app.lifecycles.LifecycleRows.NodeRow;
import io.lookaside.app.workbench.Widgets;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lifecycles: tables of 9P fids, FUSE node ids and file handles (double-click or Enter opens
 * the message that created one), a filter for what was still held at the end, and the dentry
 * query. Lays out and binds {@link LifecyclesViewModel} only.
 */
public final class LifecyclesView extends BorderPane {
    private static final PseudoClass HELD = PseudoClass.getPseudoClass("held");

    public LifecyclesView(LifecyclesViewModel vm, ObservableStringValue placeholder) {
        getStyleClass().add("lifecycles-view");
        Label summary = Widgets.label("lifecyclesSummary", "feature-headline", vm.summaryProperty());
        CheckBox leaked = new CheckBox("Only what was still held when the capture ended");
        leaked.setId("leakedOnly");
        leaked.selectedProperty().bindBidirectional(vm.leakedOnlyProperty());
        Label queryLabel = new Label("Lookups of");
        TextField query = new TextField();
        query.setId("dentryQuery");
        query.setPromptText("a path, e.g. usr/include/bits");
        query.setPrefColumnCount(28);
        query.textProperty().bindBidirectional(vm.queryProperty());
        Hyperlink answer = new Hyperlink();
        answer.setId("dentryAnswer");
        answer.textProperty().bind(vm.answerProperty());
        answer.setOnAction(e -> vm.openAnswer());
        answer.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, leaked, spacer, queryLabel, query);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, summary, bar, answer);
        top.setPadding(new Insets(8, 10, 6, 10));
        top.getStyleClass().add("feature-header");

        TableView<FidRow> fids = table("fidTable", vm.fids(), placeholder, FidRow::createdAt, FidRow::leaked, vm);
        fids.getColumns().setAll(List.of(
                text("Connection", 230, FidRow::conn),
                number("Fid", 70, FidRow::fid, vm::id),
                text("Origin", 100, FidRow::origin),
                number("Created (frame)", 105, FidRow::createdFrame, vm::frame),
                text("Opened", 330, FidRow::opened),
                text("Ended", 190, FidRow::ended),
                text("Path", 420, FidRow::path)));
        TableView<NodeRow> nodes = table("nodeTable", vm.nodes(), placeholder, NodeRow::createdAt, NodeRow::leaked, vm);
        nodes.getColumns().setAll(List.of(
                text("Connection", 160, NodeRow::conn),
                number("Node id", 130, NodeRow::nodeid, vm::id),
                text("Origin", 100, NodeRow::origin),
                number("Created (frame)", 105, NodeRow::createdFrame, vm::frame),
                number("Lookups", 80, NodeRow::lookups, vm::count),
                text("Forgotten", 190, NodeRow::forgotten),
                text("Path", 460, NodeRow::path)));
        TableView<HandleRow> handles = table("handleTable", vm.handles(), placeholder, HandleRow::openedAt,
                HandleRow::leaked, vm);
        handles.getColumns().setAll(List.of(
                text("Connection", 160, HandleRow::conn),
                number("fh", 130, HandleRow::fh, vm::id),
                text("Kind", 80, HandleRow::kind),
                number("Opened (frame)", 105, HandleRow::openedFrame, vm::frame),
                text("Flags", 240, HandleRow::flags),
                text("Released", 180, HandleRow::released),
                text("Path", 420, HandleRow::path)));

        Tab fidTab = new Tab(null, fids);
        fidTab.setId("fidTab");
        fidTab.textProperty().bind(vm.fidsTitleProperty());
        Tab nodeTab = new Tab(null, nodes);
        nodeTab.setId("nodeTab");
        nodeTab.textProperty().bind(vm.nodesTitleProperty());
        Tab handleTab = new Tab(null, handles);
        handleTab.setId("handleTab");
        handleTab.textProperty().bind(vm.handlesTitleProperty());
        TabPane tabs = new TabPane(fidTab, nodeTab, handleTab);
        tabs.setId("lifecycleTabs");
        tabs.getStyleClass().add("sub-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.fuseProperty().addListener((o, was, fuse) -> tabs.getSelectionModel().select(fuse ? nodeTab : fidTab));
        setTop(top);
        setCenter(tabs);
    }

    private static <T> TableView<T> table(String id, ObservableList<T> items,
                                          ObservableStringValue placeholder, ToIntFunction<T> creator,
                                          Predicate<T> leaked, LifecyclesViewModel vm) {
        TableView<T> t = new TableView<>(items);
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(Widgets.placeholder(placeholder));
        t.setRowFactory(v -> {
            TableRow<T> row = new TableRow<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(HELD, !empty && item != null && leaked.test(item));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(creator.applyAsInt(row.getItem()));
                }
            });
            return row;
        });
        t.setOnKeyPressed(e -> {
            T it = t.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && it != null) {
                vm.open(creator.applyAsInt(it));
                e.consume();
            }
        });
        return t;
    }
}
