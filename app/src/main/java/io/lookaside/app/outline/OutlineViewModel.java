package io.lookaside.app.outline;

import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.TaskRunner;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** The outline of the analysed capture, and the entry the user selected. */
public final class OutlineViewModel {
    static final String TASK = "outline.build";

    private final TaskRunner runner;
    private final IntConsumer showMessage;
    private final ReadOnlyObjectWrapper<List<OutlineTree>> roots = new ReadOnlyObjectWrapper<>(this, "roots", List.of());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObjectProperty<OutlineTree> selected = new SimpleObjectProperty<>(this, "selected");

    /** @param showMessage opens a message (by index) in the Messages view */
    public OutlineViewModel(TaskRunner runner, IntConsumer showMessage) {
        this.runner = runner;
        this.showMessage = showMessage;
    }

    /** Builds the outline of {@code a} in the background; null empties it. */
    public void show(Analyzed a) {
        selected.set(null);
        roots.set(List.of());
        if (a == null) {
            runner.cancel(TASK);
            busy.set(false);
            return;
        }
        busy.set(true);
        runner.task(TASK, ctx -> OutlineTree.of(a.session(), a.analysis().lifecycles()))
                .onSuccess(r -> {
                    busy.set(false);
                    roots.set(r);
                })
                .start();
    }

    /** Opens the first message of {@code entry}. */
    public void open(OutlineTree entry) {
        if (entry != null && entry.first() >= 0) {
            showMessage.accept(entry.first());
        }
    }

    public ReadOnlyObjectProperty<List<OutlineTree>> rootsProperty() {
        return roots.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The entry selected in the tree, for the properties view. */
    public ObjectProperty<OutlineTree> selectedProperty() {
        return selected;
    }
}
