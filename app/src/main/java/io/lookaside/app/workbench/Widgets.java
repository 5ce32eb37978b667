package io.lookaside.app.workbench;

import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/** Small pieces the analysis features' views share: bound labels and table selections. */
public final class Widgets {
    private Widgets() {
    }

    /** A wrapping label under a stable id, showing {@code text}. */
    public static Label label(String id, String styleClass, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    /** A table placeholder that says what it is waiting for. */
    public static Label placeholder(ObservableStringValue text) {
        Label l = new Label();
        l.getStyleClass().add("placeholder");
        l.textProperty().bind(text);
        return l;
    }

    /** The table's selection and the view-model's selected item follow each other. */
    public static <T> void bindSelection(TableView<T> table, ObjectProperty<T> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                selected.set(now);
            }
        });
        selected.addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
                table.scrollTo(now);
            }
        });
    }

    /** A menu item with an accelerator ({@code "Shortcut+K"}, or null for none) that runs {@code action}. */
    static javafx.scene.control.MenuItem menuItem(String text, String accelerator, Runnable action) {
        javafx.scene.control.MenuItem it = new javafx.scene.control.MenuItem(text);
        if (accelerator != null) {
            it.setAccelerator(javafx.scene.input.KeyCombination.keyCombination(accelerator));
        }
        it.setOnAction(e -> action.run());
        return it;
    }
}
