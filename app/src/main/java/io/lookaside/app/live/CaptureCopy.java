package io.lookaside.app.live;

import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.report.OutputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * File › Save Capture As…: copies the capture file on show (a live capture's written file, or
 * any opened one) where the user wants it, off the FX thread and atomically, through the same
 * {@link OutputFile} as the reports: the target is the complete file or is left as it was.
 */
public final class CaptureCopy {
    static final String TASK = "live.save";

    /** How a copy went: written or not, and in words. */
    public record Result(Path target, boolean written, String message) {
    }

    private final TaskRunner runner;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");

    public CaptureCopy(TaskRunner runner) {
        this.runner = runner;
    }

    /**
     * Copies {@code source} to {@code target}, replacing it (the save dialog asked). Copying a
     * file onto itself is refused: the atomic replace would succeed, but it says nothing useful.
     */
    public void save(Path source, Path target) {
        result.set(null);
        if (source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            result.set(new Result(target, false, target + " is the capture itself"));
            return;
        }
        busy.set(true);
        runner.task(TASK, ctx -> {
            OutputFile.write(target, true, out -> Files.copy(source, out));
            return new Result(target, true, "Capture saved to " + target);
        }).onSuccess(r -> {
            busy.set(false);
            result.set(r);
        }).onFailure(e -> {
            busy.set(false);
            result.set(new Result(target, false, e instanceof OutputFile.RefusedException ? e.getMessage()
                    : target + ": cannot write: " + e.getClass().getSimpleName()));
        }).start();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last copy's outcome, or null while one runs. */
    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
