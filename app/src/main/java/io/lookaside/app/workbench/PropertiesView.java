package io.lookaside.app.workbench;

import io.lookaside.app.workbench.SelectionProperties.Property;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/** The properties of the selection as a two-column table (Eclipse's properties view). */
final class PropertiesView extends BorderPane {
    PropertiesView(SelectionProperties props) {
        TableView<Property> table = new TableView<>(props.rows());
        table.setId("propertiesTable");
        TableColumn<Property, String> name = new TableColumn<>("Property");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(130);
        TableColumn<Property, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setPrefWidth(520);
        table.getColumns().setAll(java.util.List.of(name, value));
        table.setPlaceholder(new Label("Select a message or an outline entry to see its properties."));
        setCenter(table);
    }
}
