package io.lookaside.app.capture;

import io.lookaside.app.workbench.TaskContext;
import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Opening a capture: {@link SessionLoader} runs on the {@link TaskRunner} with progress and
 * cancellation, and hands over the rows loaded so far ({@link #prefixProperty()}) so that the
 * message list fills while the file is read, as Wireshark's does. The loaded {@link Session}
 * replaces the current one only when loading succeeds, so a bad file (or a cancelled load)
 * leaves the workbench as it was and says why.
 */
public final class CaptureViewModel {
    static final String LOAD_TASK = "capture.load";
    private static final System.Logger LOG = System.getLogger(CaptureViewModel.class.getName());

    /** How a file becomes a session; the workbench uses {@link #DEFAULT}, tests may pace it. */
    @FunctionalInterface
    public interface Loader {
        /** {@link SessionLoader#load(Path, CaptureOptions, LoadMonitor, Consumer)} with the default options. */
        Loader DEFAULT = (file, monitor, prefixes) -> SessionLoader.load(file, CaptureOptions.DEFAULT, monitor, prefixes);

        /** Loads {@code file}, handing {@code prefixes} the rows so far; called off the FX thread. */
        Session load(Path file, LoadMonitor monitor, Consumer<Session> prefixes) throws CaptureException;

        /** Loads {@code file} with {@code options} (Decode As: 9P on a port of the user's choosing). */
        default Session load(Path file, CaptureOptions options, LoadMonitor monitor, Consumer<Session> prefixes)
                throws CaptureException {
            return options.equals(CaptureOptions.DEFAULT) ? load(file, monitor, prefixes)
                    : SessionLoader.load(file, options, monitor, prefixes);
        }
    }

    private final TaskRunner runner;
    private final Loader loader;
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<Session> prefix = new ReadOnlyObjectWrapper<>(this, "prefix");
    private final ReadOnlyObjectWrapper<Path> path = new ReadOnlyObjectWrapper<>(this, "path");
    private final ReadOnlyObjectWrapper<Path> loading = new ReadOnlyObjectWrapper<>(this, "loading");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyLongWrapper loadMillis = new ReadOnlyLongWrapper(this, "loadMillis");
    private final ReadOnlyObjectWrapper<LoadFailure> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    /** The options of the last load: a reload decodes as it did. */
    private CaptureOptions options = CaptureOptions.DEFAULT;

    public CaptureViewModel(TaskRunner runner) {
        this(runner, Loader.DEFAULT);
    }

    public CaptureViewModel(TaskRunner runner, Loader loader) {
        this.runner = runner;
        this.loader = loader;
    }

    /** Starts loading {@code file}; a load already under way is cancelled. */
    public void open(Path file) {
        open(file, CaptureOptions.DEFAULT);
    }

    /** Starts loading {@code file} with {@code options} ({@code --port}); a load already under way is cancelled. */
    public void open(Path file, CaptureOptions options) {
        Path p = file.toAbsolutePath().normalize();
        this.options = options;
        prefix.set(null);
        loading.set(p);
        busy.set(true);
        progress.set(0);
        long started = System.nanoTime();
        runner.<Session>partialTask(LOAD_TASK, (ctx, prefixes) -> loader.load(p, options, monitor(ctx), prefixes::accept))
                .onProgress(progress::set)
                .onPartial(prefix::set)
                .onSuccess(s -> {
                    busy.set(false);
                    loading.set(null);
                    loadMillis.set((System.nanoTime() - started) / 1_000_000);
                    path.set(p);
                    session.set(s);
                    prefix.set(null);
                })
                .onFailure(e -> {
                    busy.set(false);
                    loading.set(null);
                    prefix.set(null);
                    failure.set(null);
                    failure.set(describe(p, e));
                })
                .start();
    }

    /**
     * Takes a session made elsewhere from {@code file} (a live capture that wrote it and decoded
     * it as it went) as the loaded capture, as if it had been opened: Reload and Save Capture As
     * then work on the file. A load under way is cancelled.
     */
    public void showCaptured(Path file, Session s) {
        runner.cancel(LOAD_TASK);
        busy.set(false);
        loading.set(null);
        prefix.set(null);
        path.set(file.toAbsolutePath().normalize());
        session.set(s);
    }

    /**
     * Stops the load under way: the loading thread sees it between two batches of records and
     * returns, and nothing of it is published; the current session comes back.
     */
    public void cancel() {
        runner.cancel(LOAD_TASK);
        busy.set(false);
        loading.set(null);
        prefix.set(null);
    }

    private static LoadMonitor monitor(TaskContext ctx) {
        return new LoadMonitor() {
            @Override
            public void progress(long done, long total) {
                ctx.progress(done, total);
            }

            @Override
            public boolean cancelled() {
                return ctx.cancelled();
            }
        };
    }

    /** What went wrong, in words. The capture layer's own message is already one clear sentence. */
    static LoadFailure describe(Path p, Throwable e) {
        String name = p.getFileName() == null ? p.toString() : p.getFileName().toString();
        String headline = "Lookaside cannot open " + name;
        if (e instanceof CaptureException ce) {
            return new LoadFailure(p, headline, ce.getMessage());
        }
        if (e instanceof OutOfMemoryError) {
            return new LoadFailure(p, headline, "The capture does not fit in memory. Start Lookaside with a larger "
                    + "heap, e.g. JAVA_TOOL_OPTIONS=-Xmx8g ./lookaside " + name);
        }
        // A bug, not the user's fault: say so plainly, keep the trace for the log only.
        LOG.log(System.Logger.Level.ERROR, "loading " + p + " failed", e);
        return new LoadFailure(p, headline, "Lookaside hit an internal error while reading it ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "). Please report it with the capture.");
    }

    /** The loaded session, or null before the first successful load. */
    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /**
     * The rows of the load under way read so far, as a session that grows with each new value
     * (every {@link SessionLoader#PREFIX_EVERY} or so); null before its first rows, and again once
     * the load ends: after {@link #sessionProperty()} took the complete session, or when the load
     * failed or was cancelled.
     */
    public ReadOnlyObjectProperty<Session> prefixProperty() {
        return prefix.getReadOnlyProperty();
    }

    /** The file of the loaded session. */
    /** The options the capture was opened with (Decode As sets the 9P port). */
    public CaptureOptions options() {
        return options;
    }

    public ReadOnlyObjectProperty<Path> pathProperty() {
        return path.getReadOnlyProperty();
    }

    /** The file being loaded, or null. */
    public ReadOnlyObjectProperty<Path> loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Load progress in [0, 1]: input bytes consumed. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** How long the last successful load took. */
    public ReadOnlyLongProperty loadMillisProperty() {
        return loadMillis.getReadOnlyProperty();
    }

    /** The last load that failed; a new failure is a new value, even for the same file. */
    public ReadOnlyObjectProperty<LoadFailure> failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
