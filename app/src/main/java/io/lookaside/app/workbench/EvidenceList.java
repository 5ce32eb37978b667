package io.lookaside.app.workbench;

import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/**
 * A list of messages to jump to (evidence), shown as links: a click or Enter opens the message
 * in the Messages tab, as the links of JMC's result pages open their events.
 */
public final class EvidenceList extends ListView<MessageRef> {

    public EvidenceList(String id, ObservableList<MessageRef> items, Consumer<MessageRef> open) {
        super(items);
        setId(id);
        getStyleClass().add("evidence-list");
        setCellFactory(v -> {
            ListCell<MessageRef> cell = new ListCell<>() {
                @Override
                protected void updateItem(MessageRef r, boolean empty) {
                    super.updateItem(r, empty);
                    setText(empty || r == null ? null : r.text());
                }
            };
            cell.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && !cell.isEmpty()) {
                    open.accept(cell.getItem());
                }
            });
            return cell;
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) {
                open.accept(getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }
}
