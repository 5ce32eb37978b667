package io.lookaside.app.workbench;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/**
 * Columns for the analysis features' tables: a column holds the row's value (so sorting compares
 * numbers as numbers and durations as durations) and shows it through a text function given by
 * the view-model. Numeric columns are right-aligned, as in Wireshark's statistics windows.
 */
public final class Tables {
    /** What a cell shows for a value that is not known. */
    public static final String UNKNOWN = "—";
    private Tables() {
    }

    /** A column showing {@code value} as {@code text}; a null value (not known, e.g. a model that could not run) shows "—". */
    public static <T, V extends Comparable<? super V>> TableColumn<T, V> column(String title, double width,
                                                                          Function<T, V> value,
                                                                          Function<? super V, String> text) {
        TableColumn<T, V> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue() == null ? null : value.apply(cd.getValue())));
        c.setComparator((a, b) -> a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(V v, boolean empty) {
                super.updateItem(v, empty);
                String s = empty ? null : v == null ? UNKNOWN : text.apply(v);
                setText(s);
                setTooltip(s != null && s.length() > 40 ? new Tooltip(s) : null);
            }
        });
        return c;
    }

    /** A text column. */
    public static <T> TableColumn<T, String> text(String title, double width, Function<T, String> value) {
        return column(title, width, value, Function.identity());
    }

    /** A right-aligned number column. */
    public static <T, V extends Number & Comparable<? super V>> TableColumn<T, V> number(String title, double width,
                                                                                    Function<T, V> value,
                                                                                    Function<? super V, String> text) {
        TableColumn<T, V> c = column(title, width, value, text);
        c.getStyleClass().add("numeric");
        return c;
    }
}
