package io.lookaside.app.outline;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;

/**
 * The outline as a tree: "fid 3 · 1204" under its connection. Children are made when their
 * parent is first expanded, so a capture with thousands of fids costs the tree only what is
 * opened. Double-click or Enter opens the entry's first message.
 */
public final class OutlineView extends BorderPane {
    private final TreeView<OutlineTree> tree = new TreeView<>();

    public OutlineView(OutlineViewModel vm, javafx.beans.value.ObservableStringValue placeholder) {
        getStyleClass().add("outline-view");
        tree.setId("outlineTree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(OutlineTree item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label() + " · " + item.messages());
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                vm.selectedProperty().set(now == null ? null : now.getValue()));
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open(vm);
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(vm);
            }
        });
        Label empty = new Label();
        empty.setWrapText(true);
        empty.textProperty().bind(Bindings.createStringBinding(
                () -> vm.busyProperty().get() ? "Building the outline …" : placeholder.get(),
                vm.busyProperty(), placeholder));
        vm.rootsProperty().addListener((o, was, now) -> show(now, empty));
        show(vm.rootsProperty().get(), empty);
    }

    private void open(OutlineViewModel vm) {
        TreeItem<OutlineTree> item = tree.getSelectionModel().getSelectedItem();
        if (item != null) {
            vm.open(item.getValue());
        }
    }

    private void show(List<OutlineTree> roots, Label empty) {
        if (roots.isEmpty()) {
            tree.setRoot(null);
            setCenter(empty);
            return;
        }
        TreeItem<OutlineTree> root = new TreeItem<>();
        roots.forEach(r -> root.getChildren().add(item(r)));
        if (roots.size() == 1) {
            root.getChildren().get(0).setExpanded(true);
        }
        tree.setRoot(root);
        setCenter(tree);
    }

    private static TreeItem<OutlineTree> item(OutlineTree t) {
        TreeItem<OutlineTree> item = new TreeItem<>(t);
        if (!t.children().isEmpty()) {
            item.getChildren().add(new TreeItem<>()); // a placeholder, so that the item can be expanded
            item.expandedProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    if (item.isExpanded()) {
                        item.expandedProperty().removeListener(this);
                        item.getChildren().setAll(t.children().stream().map(OutlineView::item).toList());
                    }
                }
            });
        }
        return item;
    }
}
