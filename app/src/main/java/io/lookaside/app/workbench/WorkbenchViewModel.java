package io.lookaside.app.workbench;

import io.lookaside.app.capture.CaptureViewModel;
import io.lookaside.app.capture.DiagnosticsViewModel;
import io.lookaside.app.findings.FindingsViewModel;
import io.lookaside.app.lifecycles.LifecyclesViewModel;
import io.lookaside.app.live.CaptureCopy;
import io.lookaside.app.live.CaptureDialogViewModel;
import io.lookaside.app.live.LiveCaptureViewModel;
import io.lookaside.app.live.LiveRequest;
import io.lookaside.app.messages.MessagesViewModel;
import io.lookaside.app.outline.OutlineViewModel;
import io.lookaside.app.waits.WaitsViewModel;
import io.lookaside.app.whatif.WhatIfViewModel;
import io.lookaside.session.Session;
import io.lookaside.live.LiveSession.Snapshot;
import java.io.File;
import java.time.Duration;
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

    /**
     * A live capture's analysis is a re-analysis of the messages captured so far, this often
     * (the README says so): the engine runs over the whole prefix each time, on a worker, never
     * on the capture thread or the FX thread.
     */
    public static final Duration REANALYSE_EVERY = Duration.ofSeconds(3);

    private final CaptureViewModel capture;
    private final MessagesViewModel messages;
    private final DiagnosticsViewModel diagnostics;
    private final AnalysisViewModel analysis;
    private final FindingsViewModel findings;
    private final WaitsViewModel waits;
    private final WhatIfViewModel whatIf;
    private final LifecyclesViewModel lifecycles;
    private final ReportExport export;
    private final LiveCaptureViewModel live;
    private final CaptureDialogViewModel captureDialog;
    private final CaptureCopy captureCopy;
    /** When the last re-analysis of a live capture's prefix started (System.nanoTime()), or 0 for none yet. */
    private long reanalysedAt;
    /** The message list shows the rows of the live capture under way. */
    private boolean showingLive;
    private final OutlineViewModel outline;
    private final SelectionProperties properties;
    /** Counts jumps to a message from another view: the Messages view takes the focus on each. */
    private final javafx.beans.property.IntegerProperty jumps = new javafx.beans.property.SimpleIntegerProperty(this, "jumps");
    private final StringBinding analysisPlaceholder;
    private final ObjectProperty<Feature> feature = new SimpleObjectProperty<>(this, "feature", Feature.MESSAGES);
    private final StringBinding title;
    private final StringBinding status;
    private final StringBinding diagnosticsSummary;

    public WorkbenchViewModel(TaskRunner runner) {
        this(runner, CaptureViewModel.Loader.DEFAULT);
    }

    /** @param loader how files are read; tests pace it to see the rows of a capture still loading */
    public WorkbenchViewModel(TaskRunner runner, CaptureViewModel.Loader loader) {
        this(runner, loader, LiveCaptureViewModel.PCAP);
    }

    /** @param sources how live captures listen; the workbench listens through libpcap */
    public WorkbenchViewModel(TaskRunner runner, CaptureViewModel.Loader loader, LiveCaptureViewModel.Sources sources) {
        capture = new CaptureViewModel(runner, loader);
        live = new LiveCaptureViewModel(runner, sources);
        captureDialog = new CaptureDialogViewModel(runner);
        captureCopy = new CaptureCopy(runner);
        messages = new MessagesViewModel(runner);
        diagnostics = new DiagnosticsViewModel(frame -> {
            feature.set(Feature.MESSAGES);
            messages.goToFrame(frame);
            jumps.set(jumps.get() + 1);
        });
        analysis = new AnalysisViewModel(runner);
        findings = new FindingsViewModel(this::showMessage);
        waits = new WaitsViewModel(runner);
        whatIf = new WhatIfViewModel(runner, this::showMessage);
        lifecycles = new LifecyclesViewModel(runner, this::showMessage);
        export = new ReportExport(runner);
        outline = new OutlineViewModel(runner, this::showMessage);
        properties = new SelectionProperties(messages, outline, analysis);
        // The message list shows the rows of a capture as they are read; diagnostics and the
        // analysis wait for all of them (a figure over part of a capture would mislead).
        capture.prefixProperty().addListener((o, was, prefix) -> {
            if (prefix != null) {
                if (was == null) {
                    export.clearResult();
                    diagnostics.show(null);
                    analysis.analyze(null);
                }
                messages.showLoading(prefix, was != null);
            } else if (was != null && messages.sessionProperty().get() != capture.sessionProperty().get()) {
                // The load failed or was cancelled: the capture loaded before comes back.
                showLoaded(capture.sessionProperty().get(), false);
            }
        });
        capture.sessionProperty().addListener((o, was, s) -> {
            showLoaded(s, capture.prefixProperty().get() != null || showingLive);
            showingLive = false;
        });
        capture.loadingProperty().addListener((o, was, now) -> {
            if (now != null) {
                live.forget(); // another capture is on its way: the last live capture's summary is not about it
            }
        });
        live.snapshotProperty().addListener((o, was, snap) -> showLive(snap));
        live.capturedProperty().addListener((o, was, c) -> {
            if (c != null) {
                messages.followTailProperty().set(false);
                capture.showCaptured(c.file(), c.session());
            }
        });
        analysis.resultProperty().addListener((o, was, a) -> {
            findings.show(a);
            waits.show(a);
            whatIf.show(a);
            lifecycles.show(a);
            outline.show(a);
            export.reportProperty().set(a == null ? null : a.report());
        });
        analysisPlaceholder = Bindings.createStringBinding(() -> {
            if (!analysis.failureProperty().get().isEmpty()) {
                return analysis.failureProperty().get();
            }
            if (live.runningProperty().get()) {
                return "Capturing: the analysis of the messages captured so far comes every "
                        + REANALYSE_EVERY.toSeconds() + " s.";
            }
            Path loading = capture.loadingProperty().get();
            if (loading != null && (capture.prefixProperty().get() != null || capture.sessionProperty().get() == null)) {
                return "Waiting for " + loading.getFileName() + " to finish loading: the analysis starts once every "
                        + "message is read.";
            }
            if (analysis.busyProperty().get()) {
                return "Analysing the capture …";
            }
            Session s = capture.sessionProperty().get();
            return s == null ? "Open a capture with File › Open (Ctrl+O), or drop a file on the window."
                    : "This capture holds no 9P or FUSE messages. Diagnostics lists the TCP ports it holds; if one carries "
                    + "9P on a port of its own, use Analyze › Decode As… (--port).";
        }, analysis.failureProperty(), analysis.busyProperty(), capture.sessionProperty(), capture.loadingProperty(),
                capture.prefixProperty(), live.runningProperty());
        title = Bindings.createStringBinding(() -> {
            if (live.runningProperty().get()) {
                return "Capturing on " + live.requestProperty().get().interfaceName() + " — Lookaside";
            }
            // While another file loads, the title names it: the old name would say the old capture is on show.
            Path loading = capture.loadingProperty().get();
            Path p = loading != null ? loading : capture.pathProperty().get();
            return p == null ? "Lookaside" : p.getFileName() + " — Lookaside";
        }, capture.pathProperty(), capture.loadingProperty(), live.runningProperty());
        status = Bindings.createStringBinding(this::statusText, capture.sessionProperty(), capture.loadingProperty(),
                capture.progressProperty(), capture.prefixProperty(), messages.sessionProperty(), messages.rowsProperty(), messages.filteringProperty(),
                messages.filterProgressProperty(), analysis.busyProperty(), live.runningProperty(), live.countersProperty());
        diagnosticsSummary = Bindings.createStringBinding(() -> {
            int n = diagnostics.countProperty().get();
            return n == 0 ? "No diagnostics" : n == 1 ? "1 diagnostic" : n + " diagnostics";
        }, diagnostics.countProperty());
    }

    /**
     * A live capture's snapshot: the message list grows with its rows (and follows the tail),
     * the diagnostics follow, and every {@link #REANALYSE_EVERY} the analysis features get the
     * analysis of the rows so far (skipped while the previous one still runs). The snapshot
     * that ends the capture is left to {@link LiveCaptureViewModel#capturedProperty()}.
     */
    private void showLive(Snapshot snap) {
        if (snap == null || snap.ended() || !live.runningProperty().get()) {
            return;
        }
        Session prefix = snap.session();
        if (!showingLive) {
            showingLive = true;
            reanalysedAt = System.nanoTime();
            messages.followTailProperty().set(true);
            analysis.analyze(null);
            messages.showLoading(prefix, false);
        } else {
            messages.showLoading(prefix, true);
        }
        diagnostics.show(prefix);
        if (System.nanoTime() - reanalysedAt >= REANALYSE_EVERY.toNanos() && analysis.analyzePrefix(prefix)) {
            reanalysedAt = System.nanoTime();
        }
    }

    /** Starts a live capture as the Capture dialog asked; the capture on show stays until its first rows come. */
    public void startCapture(LiveRequest r) {
        showingLive = false;
        live.start(r);
    }

    /** Capture › Stop: ends the live capture; everything captured is kept and shown as the capture file. */
    public void stopCapture() {
        live.stop();
    }

    /** File › Save Capture As…: copies the capture file on show to {@code target}, atomically. */
    public void saveCaptureAs(Path target) {
        Path p = capture.pathProperty().get();
        if (p != null && !live.runningProperty().get()) {
            captureCopy.save(p, target);
        }
    }

    /** {@code more}: {@code s} completes the prefix the message list shows. */
    private void showLoaded(Session s, boolean more) {
        messages.show(s, more);
        diagnostics.show(s);
        // A capture without 9P or FUSE has nothing to analyse: the analysis views say so and
        // point at Decode As rather than show empty tables and headings.
        analysis.analyze(s != null && s.size() == 0 ? null : s);
    }

    /** True when the loaded capture holds no 9P or FUSE message. */
    public boolean holdsNothing() {
        Session s = capture.sessionProperty().get();
        return s != null && s.size() == 0;
    }

    /** Analyze › Decode As: loads the capture again with 9P on TCP port {@code port}. */
    public void decodeAs(int port) {
        Path p = capture.pathProperty().get();
        if (p != null) {
            capture.open(p, new io.lookaside.capture.CaptureOptions(port, capture.options().as()));
        }
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

    /** Opens {@code file}; refused while a live capture runs (Stop it first: its rows fill the list). */
    public void open(Path file) {
        if (!live.runningProperty().get()) {
            capture.open(file);
        }
    }

    /** Files dropped on the window: the first one is opened. */
    public void openDropped(List<File> files) {
        if (!files.isEmpty() && !live.runningProperty().get()) {
            capture.open(files.get(0).toPath());
        }
    }

    /** Loads the current capture again from disk (it may have grown). */
    public void reload() {
        Path p = capture.pathProperty().get();
        if (p != null && !live.runningProperty().get()) {
            capture.open(p, capture.options());
        }
    }

    /** Selects message {@code i} in the Messages tab and shows the tab (a finding's evidence, a fid's creation). */
    public void showMessage(int i) {
        feature.set(Feature.MESSAGES);
        messages.goToMessage(i);
        jumps.set(jumps.get() + 1);
    }

    /**
     * True when nothing is under way: the capture is loaded, the message list settled, the
     * analysis published and every analysis feature has its rows and charts.
     */
    public boolean isSettled() {
        return !live.runningProperty().get() && !capture.busyProperty().get() && messages.isSettled() && !analysis.busyProperty().get()
                && (analysis.resultProperty().get() != null || holdsNothing()) && !waits.busyProperty().get()
                && !whatIf.busyProperty().get() && !lifecycles.busyProperty().get();
    }

    /**
     * Wireshark's status bar. While a capture loads: the file, how much of it was read, and the
     * messages read so far with those the display filter keeps; then the loaded capture's counts.
     */
    private String statusText() {
        Path loading = capture.loadingProperty().get();
        Session s = messages.sessionProperty().get();
        StringBuilder b = new StringBuilder();
        if (live.runningProperty().get()) {
            b.append("Capturing on ").append(live.requestProperty().get().interfaceName()).append(" · ")
                    .append(live.countersProperty().get());
            if (showingLive && s != null) {
                b.append(" · Displayed: ").append(messages.rowsProperty().get().size());
            }
            return b.toString();
        }
        if (loading != null) {
            b.append(String.format(Locale.ROOT, "Loading %s … %.0f%%", loading.getFileName(),
                    capture.progressProperty().get() * 100));
            if (s != null && s == capture.prefixProperty().get()) {
                counts(b.append(" · "), s);
            }
            return b.toString();
        }
        if (s == null) {
            return "Ready. Open a capture with Ctrl+O or drop a file on the window.";
        }
        counts(b, s);
        int c = s.connections().size();
        b.append(" · ").append(c).append(c == 1 ? " connection" : " connections");
        b.append(" · ").append(s.sourceKind());
        if (analysis.busyProperty().get()) {
            b.append(" · Analysing …");
        }
        return b.toString();
    }

    private void counts(StringBuilder b, Session s) {
        int shown = messages.rowsProperty().get().size();
        b.append("Messages: ").append(s.size());
        if (messages.filteringProperty().get()) {
            b.append(String.format(Locale.ROOT, " · Filtering … %.0f%%", messages.filterProgressProperty().get() * 100));
        } else {
            b.append(" · Displayed: ").append(shown);
            if (s.size() > 0) {
                b.append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * shown / s.size()));
            }
        }
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

    public LiveCaptureViewModel live() {
        return live;
    }

    public CaptureDialogViewModel captureDialog() {
        return captureDialog;
    }

    public CaptureCopy captureCopy() {
        return captureCopy;
    }

    public OutlineViewModel outline() {
        return outline;
    }

    /** The properties of what the user selected last: a message, or an entry of the outline. */
    public SelectionProperties properties() {
        return properties;
    }

    /** Goes up by one each time another view opens a message (evidence, a fid's creation, a diagnostic). */
    public javafx.beans.property.ReadOnlyIntegerProperty jumpsProperty() {
        return jumps;
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
