package io.lookaside.app.workbench;

import io.lookaside.app.capture.CaptureViewModel;
import io.lookaside.app.capture.DiagnosticsViewModel;
import io.lookaside.app.messages.MessagesViewModel;
import io.lookaside.session.Session;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The main window's state: the loaded capture and one view-model per feature, the feature on
 * show, the title and the status bar. Later features (lifecycles, what-if, waits, findings) are
 * added here next to {@link MessagesViewModel} and fed the same {@link Session}.
 */
public final class WorkbenchViewModel {

    /** The workbench's tabs, in order. */
    public enum Feature { MESSAGES, DIAGNOSTICS }

    private final CaptureViewModel capture;
    private final MessagesViewModel messages;
    private final DiagnosticsViewModel diagnostics;
    private final ObjectProperty<Feature> feature = new SimpleObjectProperty<>(this, "feature", Feature.MESSAGES);
    private final StringBinding title;
    private final StringBinding status;
    private final StringBinding diagnosticsSummary;

    public WorkbenchViewModel(TaskRunner runner) {
        capture = new CaptureViewModel(runner);
        messages = new MessagesViewModel(runner);
        diagnostics = new DiagnosticsViewModel(frame -> {
            feature.set(Feature.MESSAGES);
            messages.goToFrame(frame);
        });
        capture.sessionProperty().addListener((o, was, s) -> {
            messages.show(s);
            diagnostics.show(s);
        });
        title = Bindings.createStringBinding(() -> {
            Path p = capture.pathProperty().get();
            return p == null ? "Lookaside" : p.getFileName() + " — Lookaside";
        }, capture.pathProperty());
        status = Bindings.createStringBinding(this::statusText, capture.sessionProperty(), capture.loadingProperty(),
                capture.progressProperty(), messages.rowsProperty(), messages.filteringProperty(),
                messages.filterProgressProperty());
        diagnosticsSummary = Bindings.createStringBinding(() -> {
            int n = diagnostics.countProperty().get();
            return n == 0 ? "No diagnostics" : n == 1 ? "1 diagnostic" : n + " diagnostics";
        }, diagnostics.countProperty());
    }

    /** Applies the command line: filter and frame first, so that they hold for the first session. */
    public void launch(LaunchOptions options) {
        if (options.filter() != null) {
            messages.filterTextProperty().set(options.filter());
        }
        if (options.frame() >= 0) {
            messages.goToFrameOnceShown(options.frame());
        }
        if (options.file() != null) {
            capture.open(options.file());
        }
    }

    public void open(Path file) {
        capture.open(file);
    }

    /** Files dropped on the window: the first one is opened. */
    public void openDropped(List<File> files) {
        if (!files.isEmpty()) {
            capture.open(files.get(0).toPath());
        }
    }

    /** Loads the current capture again from disk (it may have grown). */
    public void reload() {
        Path p = capture.pathProperty().get();
        if (p != null) {
            capture.open(p);
        }
    }

    private String statusText() {
        Path loading = capture.loadingProperty().get();
        if (loading != null) {
            return String.format(Locale.ROOT, "Loading %s … %.0f%%", loading.getFileName(), capture.progressProperty().get() * 100);
        }
        Session s = capture.sessionProperty().get();
        if (s == null) {
            return "Ready. Open a capture with Ctrl+O or drop a file on the window.";
        }
        int shown = messages.rowsProperty().get().size();
        StringBuilder b = new StringBuilder();
        b.append("Messages: ").append(s.size());
        if (messages.filteringProperty().get()) {
            b.append(String.format(Locale.ROOT, " · Filtering … %.0f%%", messages.filterProgressProperty().get() * 100));
        } else {
            b.append(" · Displayed: ").append(shown);
            if (s.size() > 0) {
                b.append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * shown / s.size()));
            }
        }
        int c = s.connections().size();
        b.append(" · ").append(c).append(c == 1 ? " connection" : " connections");
        b.append(" · ").append(s.sourceKind());
        return b.toString();
    }

    public CaptureViewModel capture() {
        return capture;
    }

    public MessagesViewModel messages() {
        return messages;
    }

    public DiagnosticsViewModel diagnostics() {
        return diagnostics;
    }

    public ObjectProperty<Feature> featureProperty() {
        return feature;
    }

    public StringBinding titleProperty() {
        return title;
    }

    /** Wireshark's status bar: counts of messages, displayed rows, connections; or load progress. */
    public StringBinding statusProperty() {
        return status;
    }

    public StringBinding diagnosticsSummaryProperty() {
        return diagnosticsSummary;
    }
}
