package io.lookaside.app.lifecycles;

import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * A table's items whose whole content is swapped for a list prepared off the FX thread, as one
 * change. {@code ObservableList.setAll} adds element by element (a change record and a
 * {@code FilteredList} step each: over 0.1 s of the FX thread for the 600 000 fids of a 1 GB
 * capture); this costs the same for ten rows or a million, and so does switching between all
 * rows and the leaked ones, which {@link LifecycleRows} prepares beside them.
 */
final class ShownRows<T> extends ObservableListBase<T> {
    private List<T> rows = List.of();

    /** Shows {@code next} instead of the rows on show; nothing changes when it is the same list. */
    void show(List<T> next) {
        List<T> was = rows;
        if (next == was) {
            return;
        }
        rows = next;
        if (was.isEmpty() && next.isEmpty()) {
            return;
        }
        beginChange();
        if (was.isEmpty()) {
            nextAdd(0, next.size());
        } else if (next.isEmpty()) {
            nextRemove(0, was);
        } else {
            nextReplace(0, next.size(), was);
        }
        endChange();
    }

    @Override
    public T get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }
}
