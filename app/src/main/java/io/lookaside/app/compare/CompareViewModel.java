package io.lookaside.app.compare;

import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.TaskRunner;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Compare perspective's state: the open captures to choose from, the two chosen (A and B)
 * and their comparison, made in the background once both analyses are there.
 */
public final class CompareViewModel {
    static final String TASK = "compare.build";

    /**
     * An open capture that can be compared.
     *
     * @param name     its file name
     * @param analysis its analysis (null while it loads or is analysed)
     * @param open     opens one of its messages (by index) in its editor
     */
    public record Candidate(String name, ObservableValue<Analyzed> analysis, IntConsumer open) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final TaskRunner runner;
    private final ObservableList<Candidate> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<Candidate> a = new SimpleObjectProperty<>(this, "a");
    private final ObjectProperty<Candidate> b = new SimpleObjectProperty<>(this, "b");
    private final ReadOnlyObjectWrapper<Comparison> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    /** A change listener, not an invalidation one: a side's analysis may never have been read while the other was missing. */
    private final ChangeListener<Analyzed> analysisChanged = (o, was, now) -> compare();

    public CompareViewModel(TaskRunner runner) {
        this.runner = runner;
        a.addListener((o, was, now) -> follow(was, now));
        b.addListener((o, was, now) -> follow(was, now));
        compare();
    }

    private void follow(Candidate was, Candidate now) {
        if (was != null) {
            was.analysis().removeListener(analysisChanged);
        }
        if (now != null) {
            now.analysis().addListener(analysisChanged);
        }
        compare();
    }

    /** The open captures; the frame keeps this list. A chosen capture that is closed is unchosen. */
    public ObservableList<Candidate> candidates() {
        return candidates;
    }

    /** Chooses the first two candidates not chosen yet, for a side left empty. */
    public void chooseDefaults() {
        if (a.get() == null || !candidates.contains(a.get())) {
            a.set(candidates.stream().filter(c -> c != b.get()).findFirst().orElse(null));
        }
        if (b.get() == null || !candidates.contains(b.get()) || b.get() == a.get()) {
            b.set(candidates.stream().filter(c -> c != a.get()).findFirst().orElse(null));
        }
    }

    /** Puts A in B's place and B in A's. */
    public void swap() {
        Candidate x = a.get();
        a.set(b.get());
        b.set(x);
    }

    private void compare() {
        runner.cancel(TASK);
        result.set(null);
        busy.set(false);
        Candidate ca = a.get();
        Candidate cb = b.get();
        if (ca == null || cb == null) {
            status.set(candidates.size() < 2 ? "Open two captures (File › Open) to compare them, or run lookaside --compare A B."
                    : "Choose the two captures to compare.");
            return;
        }
        if (ca == cb) {
            status.set("Choose two different captures.");
            return;
        }
        Analyzed x = ca.analysis().getValue();
        Analyzed y = cb.analysis().getValue();
        if (x == null || y == null) {
            status.set("Waiting for the analysis of " + (x == null ? ca.name() : cb.name()) + " …");
            return;
        }
        busy.set(true);
        status.set("Comparing " + ca.name() + " with " + cb.name() + " …");
        runner.task(TASK, ctx -> Comparison.of(x, y, ctx))
                .onSuccess(r -> {
                    busy.set(false);
                    status.set("A: " + ca.name() + "   B: " + cb.name() + "   (deltas are B − A)");
                    result.set(r);
                })
                .start();
    }

    public ObjectProperty<Candidate> aProperty() {
        return a;
    }

    public ObjectProperty<Candidate> bProperty() {
        return b;
    }

    /** The comparison of A and B, or null while there is none. */
    public ReadOnlyObjectProperty<Comparison> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when A and B are compared and shown (for the screenshot and tests). */
    public boolean isSettled() {
        return !busy.get() && result.get() != null;
    }
}
