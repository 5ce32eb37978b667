package io.lookaside.app.messages;

import javafx.collections.ObservableListBase;

/**
 * The message table's items: the {@link RowIndex} on show, behind one list that stays in the
 * table while a capture loads. Rows appended to a growing capture reach the table as an
 * addition at the end, so its selection and scroll position stay where the user left them
 * (replacing the table's items would reset both). A new filter's rows replace the list instead.
 */
final class TableRows extends ObservableListBase<Integer> {
    private RowIndex rows;

    TableRows(RowIndex rows) {
        this.rows = rows;
    }

    /** Shows {@code longer}, which {@link RowIndex#startsWith starts with} the rows on show. */
    void extendTo(RowIndex longer) {
        if (!longer.startsWith(rows)) {
            throw new IllegalArgumentException("not an extension of the rows on show");
        }
        int was = rows.size();
        rows = longer;
        if (longer.size() > was) {
            beginChange();
            nextAdd(was, longer.size());
            endChange();
        }
    }

    @Override
    public Integer get(int row) {
        return rows.message(row);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Identity, as {@link RowIndex#equals}: the table's items property compares old and new lists. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public int indexOf(Object o) {
        return rows.indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return rows.contains(o);
    }
}
