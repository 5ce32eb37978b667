package io.lookaside.app.workbench;

import io.lookaside.app.capture.CaptureViewModel;
import io.lookaside.app.capture.DiagnosticsViewModel;
import io.lookaside.app.findings.FindingsViewModel;
import io.lookaside.app.lifecycles.LifecyclesViewModel;
import io.lookaside.app.messages.MessagesViewModel;
import io.lookaside.app.waits.WaitsViewModel;
import io.lookaside.app.whatif.WhatIfViewModel;
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
 * show, the title and the status bar. Messages and diagnostics are fed the loaded
 * {@link Session}; findings, waits, what-if and lifecycles are fed its analysis, which
 * {@link AnalysisViewModel} computes once per session. Features reach each other only through
 * here: their evidence opens a message in the Messages tab.
 */
public final class WorkbenchViewModel {

    /** The workbench's tabs, in order. */
    public enum Feature { MESSAGES, FINDINGS, WAITS, WHATIF, LIFECYCLES, DIAGNOSTICS }

    private final CaptureViewModel capture;
    private final MessagesViewModel messages;
    private final DiagnosticsViewModel diagnostics;
    private final AnalysisViewModel analysis;
    private final FindingsViewModel findings;
    private final WaitsViewModel waits;
    private final WhatIfViewModel whatIf;
    private final LifecyclesViewModel lifecycles;
    private final ReportExport export;
    private final StringBinding analysisPlaceholder;
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
        analysis = new AnalysisViewModel(runner);
        findings = new FindingsViewModel(this::showMessage);
        waits = new WaitsViewModel(runner);
        whatIf = new WhatIfViewModel(runner, this::showMessage);
        lifecycles = new LifecyclesViewModel(runner, this::showMessage);
        export = new ReportExport(runner);
        capture.sessionProperty().addListener((o, was, s) -> {
            messages.show(s);
            diagnostics.show(s);
            analysis.analyze(s);
        });
        analysis.resultProperty().addListener((o, was, a) -> {
            findings.show(a);
            waits.show(a);
            whatIf.show(a);
            lifecycles.show(a);
            export.reportProperty().set(a == null ? null : a.report());
        });
        analysisPlaceholder = Bindings.createStringBinding(() -> {
            if (!analysis.failureProperty().get().isEmpty()) {
                return analysis.failureProperty().get();
            }
            if (analysis.busyProperty().get()) {
                return "Analysing the capture …";
            }
            Session s = capture.sessionProperty().get();
            return s == null ? "Open a capture with File › Open (Ctrl+O), or drop a file on the window."
                    : "This capture holds no 9P or FUSE messages.";
        }, analysis.failureProperty(), analysis.busyProperty(), capture.sessionProperty());
        title = Bindings.createStringBinding(() -> {
            Path p = capture.pathProperty().get();
            return p == null ? "Lookaside" : p.getFileName() + " — Lookaside";
        }, capture.pathProperty());
        status = Bindings.createStringBinding(this::statusText, capture.sessionProperty(), capture.loadingProperty(),
                capture.progressProperty(), messages.rowsProperty(), messages.filteringProperty(),
                messages.filterProgressProperty(), analysis.busyProperty());
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

    /** Selects message {@code i} in the Messages tab and shows the tab (a finding's evidence, a fid's creation). */
    public void showMessage(int i) {
        feature.set(Feature.MESSAGES);
        messages.goToMessage(i);
    }

    /**
     * True when nothing is under way: the capture is loaded, the message list settled, the
     * analysis published and every analysis feature has its rows and charts.
     */
    public boolean isSettled() {
        return !capture.busyProperty().get() && messages.isSettled() && !analysis.busyProperty().get()
                && analysis.resultProperty().get() != null && !waits.busyProperty().get()
                && !whatIf.busyProperty().get() && !lifecycles.busyProperty().get();
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
        if (analysis.busyProperty().get()) {
            b.append(" · Analysing …");
        }
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

    public AnalysisViewModel analysis() {
        return analysis;
    }

    public FindingsViewModel findings() {
        return findings;
    }

    public WaitsViewModel waits() {
        return waits;
    }

    public WhatIfViewModel whatIf() {
        return whatIf;
    }

    public LifecyclesViewModel lifecycles() {
        return lifecycles;
    }

    public ReportExport export() {
        return export;
    }

    /** What the analysis features' tables say while they have nothing: open a capture, analysing, failed. */
    public StringBinding analysisPlaceholderProperty() {
        return analysisPlaceholder;
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
