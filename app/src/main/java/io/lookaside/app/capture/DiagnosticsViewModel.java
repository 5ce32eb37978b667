package io.lookaside.app.capture;

import io.lookaside.capture.Diagnostic;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the input told us besides messages (Wireshark's Expert Information): TCP gaps, bounds
 * that were hit, records that could not be read, a truncated file. A diagnostic that names a
 * frame opens it in the message list.
 */
public final class DiagnosticsViewModel {
    private final ObservableList<Diagnostic> items = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> readOnly = FXCollections.unmodifiableObservableList(items);
    private final IntegerBinding count = Bindings.size(items);
    private final LongConsumer openFrame;
    private Session session;
    private final javafx.beans.property.ReadOnlyStringWrapper emptyText = new javafx.beans.property.ReadOnlyStringWrapper(
            this, "emptyText", "No capture loaded.");

    /** @param openFrame shows a capture frame in the message list */
    public DiagnosticsViewModel(LongConsumer openFrame) {
        this.openFrame = openFrame;
    }

    public void show(Session s) {
        this.session = s;
        emptyText.set(s == null ? "No capture loaded."
                : s.size() == 0 ? "No diagnostics, and no 9P or FUSE message either: nothing in the input was recognised."
                : "No diagnostics: every record of the input was read and decoded.");
        List<Diagnostic> all = new ArrayList<>();
        if (s != null) {
            if (s.truncated()) {
                all.add(Diagnostic.warning(0, -1, "The input ends in the middle of a record; everything up to the cut was decoded"));
            }
            all.addAll(s.diagnostics());
        }
        items.setAll(all);
    }

    public ObservableList<Diagnostic> items() {
        return readOnly;
    }

    /** What the list says when it is empty: it claims every record decoded only when messages were. */
    public javafx.beans.property.ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public IntegerBinding countProperty() {
        return count;
    }

    /** Shows the diagnostic's frame in the message list, if it names one. */
    public void open(Diagnostic d) {
        if (d != null && d.frame() > 0) {
            openFrame.accept(d.frame());
        }
    }

    public String severity(Diagnostic d) {
        return d.severity().name().toLowerCase(Locale.ROOT);
    }

    public String frame(Diagnostic d) {
        return d.frame() > 0 ? Long.toString(d.frame()) : "";
    }

    public String connection(Diagnostic d) {
        Session s = session;
        if (s == null || d.conn() < 0 || d.conn() >= s.connections().size()) {
            return "";
        }
        return s.connections().get(d.conn()).id();
    }
}
