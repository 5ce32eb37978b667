package io.lookaside.app.workbench;

import io.lookaside.analysis.Analysis;
import io.lookaside.analysis.Analyzer;
import io.lookaside.analysis.LiveAnalysis;
import io.lookaside.session.Session;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The analysis of the loaded session: one task per session runs the decoder's engine
 * ({@link Analyzer}: lifecycles, every what-if model over the sweep, every profile, every rule)
 * and builds the report with the defaults of {@code lookaside report}. The waits, what-if,
 * findings and lifecycles features all read its one result; none of them recomputes a figure.
 */
public final class AnalysisViewModel {
    static final String TASK = "analysis.run";
    private static final System.Logger LOG = System.getLogger(AnalysisViewModel.class.getName());

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<Analyzed> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    /** The last analysis done: a load that is cancelled brings its session back, and this with it. */
    private Analyzed last;
    /**
     * The streaming analysis of the live capture on show (its lifecycles pass keeps its state
     * between re-analyses, so each message is read once), or null. Replaced at every
     * {@link #analyze}; its tasks run one at a time ({@link #busy}), so one thread at a time
     * feeds it and takes its snapshots, as it requires.
     */
    private LiveAnalysis live;

    public AnalysisViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    /**
     * Analyses {@code s} in the background; the previous result is dropped at once, a previous
     * task cancelled. Give it complete sessions only, never a prefix of one still loading: every
     * figure is over the whole capture. Null clears the analysis (a new capture is loading).
     */
    public void analyze(Session s) {
        live = null;
        result.set(null);
        failure.set("");
        if (s == null || (last != null && last.session() == s)) {
            runner.cancel(TASK);
            busy.set(false);
            result.set(s == null ? null : last);
            return;
        }
        busy.set(true);
        submit(s);
    }

    /**
     * Analyses the messages captured so far of a live capture, keeping the result on show until
     * the new one is in. One {@link LiveAnalysis} follows the capture from its first prefix to
     * the next {@link #analyze}: its lifecycles pass reads each new message once, and each
     * snapshot computes the models, statistics and rules over the settled prefix. Dropped, returning false, while an analysis still runs: a capture that
     * outpaces the engine gets fewer re-analyses, never a queue of them. The complete session
     * goes to {@link #analyze} at the end, which cancels one still running.
     */
    public boolean analyzePrefix(Session prefix) {
        if (busy.get()) {
            return false;
        }
        failure.set("");
        busy.set(true);
        if (live == null) {
            live = new LiveAnalysis();
        }
        LiveAnalysis stream = live;
        submit(prefix, ctx -> {
            // The snapshot covers the settled rows: all but those from a clunk or release still
            // awaiting its reply (LiveAnalysis), so it may trail the table by a few messages.
            stream.update(prefix);
            Analysis a = stream.snapshot();
            return ctx.cancelled() ? null : Analyzed.of(prefix.prefix(stream.settled()), a);
        });
        return true;
    }

    private void submit(Session s) {
        submit(s, ctx -> run(s, ctx));
    }

    private void submit(Session s, TaskRunner.Job<Analyzed> work) {
        runner.task(TASK, work)
                .onSuccess(r -> {
                    busy.set(false);
                    last = r;
                    result.set(r);
                })
                .onFailure(e -> {
                    busy.set(false);
                    // A bug rather than the capture's fault (the engine is total over a loaded session).
                    LOG.log(System.Logger.Level.ERROR, "analysis of " + s.source() + " failed", e);
                    failure.set("The analysis failed (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); the messages are still shown.");
                })
                .start();
    }

    /**
     * Runs off the FX thread. The engine has no cancellation points of its own; a cancelled task
     * stops before building the report, and its result is never published either way.
     */
    static Analyzed run(Session s, TaskContext ctx) {
        Analysis a = Analyzer.analyze(s);
        return ctx.cancelled() ? null : Analyzed.of(s, a);
    }

    /** The analysis of the loaded session, or null while it runs (or when none is loaded). */
    public ReadOnlyObjectProperty<Analyzed> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last analysis failed, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
