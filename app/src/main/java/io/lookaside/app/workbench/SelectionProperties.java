package io.lookaside.app.workbench;

import io.lookaside.app.messages.MessagesViewModel;
import io.lookaside.app.outline.OutlineTree;
import io.lookaside.app.outline.OutlineViewModel;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NodeLifetime;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The properties view's rows, as Eclipse's properties view shows the selection: for a message
 * its frame, time, connection, type, wait and what the analysis knows of it (path, fid or node
 * id lifetime); for an outline entry its count and first message. Whichever was selected last.
 */
public final class SelectionProperties {
    /** One row: a name and its value. */
    public record Property(String name, String value) {
    }

    private final MessagesViewModel messages;
    private final OutlineViewModel outline;
    private final AnalysisViewModel analysis;
    private final ObservableList<Property> rows = FXCollections.observableArrayList();
    private final javafx.beans.property.SimpleStringProperty title = new javafx.beans.property.SimpleStringProperty("");

    SelectionProperties(MessagesViewModel messages, OutlineViewModel outline, AnalysisViewModel analysis) {
        this.messages = messages;
        this.outline = outline;
        this.analysis = analysis;
        messages.selectedProperty().addListener((o, was, now) -> ofMessage());
        messages.sessionProperty().addListener((o, was, now) -> ofMessage());
        analysis.resultProperty().addListener((o, was, now) -> ofMessage());
        outline.selectedProperty().addListener((o, was, now) -> {
            if (now != null) {
                ofOutline(now);
            }
        });
    }

    public ObservableList<Property> rows() {
        return rows;
    }

    /** What the rows describe ("Frame 12", "fid 3"), or empty. */
    public javafx.beans.value.ObservableStringValue titleProperty() {
        return title;
    }

    private void ofMessage() {
        Session s = messages.sessionProperty().get();
        int i = messages.selectedProperty().get();
        if (s == null || i < 0 || i >= s.size()) {
            title.set("");
            rows.clear();
            return;
        }
        List<Property> out = new ArrayList<>();
        out.add(new Property("Frame", Long.toString(s.frame(i))));
        out.add(new Property("Time", String.format(Locale.ROOT, "%.6f s", (s.tsNanos(i) - s.tsNanos(0)) / 1e9)));
        out.add(new Property("Connection", s.connection(i).id()));
        out.add(new Property("Dialect", s.dialect(i)));
        out.add(new Property("Type", s.typeName(i)));
        out.add(new Property("Direction", s.direction(i).toString()));
        out.add(new Property("Length", s.length(i) + " bytes"));
        long rtt = s.rttNanos(i);
        if (rtt >= 0) {
            out.add(new Property("Request → reply", String.format(Locale.ROOT, "%.3f ms", rtt / 1e6)));
        }
        out.add(new Property("Info", messages.summary(i)));
        Analyzed a = analysis.resultProperty().get();
        if (a != null && a.session() == s) {
            Lifecycles lc = a.analysis().lifecycles();
            String path = lc.path(i);
            if (path != null) {
                out.add(new Property("Path", path));
            }
            FidLifetime f = lc.fid(i);
            if (f != null) {
                out.add(new Property("Fid", f.fid() + " (" + f.origin().toString().toLowerCase(Locale.ROOT)
                        + (f.createdAt() >= 0 ? " at frame " + s.frame(f.createdAt()) : "") + ")"));
                out.add(new Property("Fid ended", f.endedAt() < 0 ? "held at the end of the capture"
                        : f.end().toString().toLowerCase(Locale.ROOT) + " at frame " + s.frame(f.endedAt())));
            }
            NodeLifetime n = lc.node(i);
            if (n != null) {
                out.add(new Property("Node id", Long.toUnsignedString(n.nodeid()) + " (" + n.origin().toString()
                        .toLowerCase(Locale.ROOT) + ")"));
            }
        } else if (analysis.busyProperty().get()) {
            out.add(new Property("Path", "… (analysing)"));
        }
        title.set("Frame " + s.frame(i));
        rows.setAll(out);
    }

    private void ofOutline(OutlineTree t) {
        Session s = messages.sessionProperty().get();
        List<Property> out = new ArrayList<>();
        out.add(new Property("Entry", t.label()));
        out.add(new Property("Kind", t.kind().toString().toLowerCase(Locale.ROOT)));
        out.add(new Property("Messages", Integer.toString(t.messages())));
        if (s != null && t.first() >= 0 && t.first() < s.size()) {
            out.add(new Property("First frame", Long.toString(s.frame(t.first()))));
        }
        if (!t.children().isEmpty()) {
            out.add(new Property("Entries under it", Integer.toString(t.children().size())));
        }
        title.set(t.label());
        rows.setAll(out);
    }
}
