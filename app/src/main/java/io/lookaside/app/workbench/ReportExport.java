package io.lookaside.app.workbench;

import io.lookaside.report.OutputFile;
import io.lookaside.report.Report;
import io.lookaside.report.ReportCsv;
import io.lookaside.report.ReportHtml;
import io.lookaside.report.ReportJson;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * File › Export report…: writes the loaded capture's report (the one the analysis built, the same
 * as {@code lookaside report} gives) as JSON, CSV or HTML through the report package's
 * {@link OutputFile}, so the file is complete or absent, never half-written. An existing file is
 * replaced only when the caller says the user agreed. Nothing named inside a capture is ever
 * opened or run: the exported file is written, not shown.
 */
public final class ReportExport {
    static final String TASK = "report.export";

    /** The formats of {@code lookaside report --format}. */
    public enum Format {
        JSON("json", "JSON (schema lookaside.report/1)"),
        CSV("csv", "CSV (one table per section)"),
        HTML("html", "HTML (one self-contained page)");

        private final String extension;
        private final String description;

        Format(String extension, String description) {
            this.extension = extension;
            this.description = description;
        }

        public String extension() {
            return extension;
        }

        public String description() {
            return description;
        }

        /** The format a file name asks for by its extension ({@code .htm} too), or null. */
        public static Format of(Path file) {
            Path name = file.getFileName();
            String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (n.endsWith("." + f.extension)) {
                    return f;
                }
            }
            return n.endsWith(".htm") ? HTML : null;
        }
    }

    /** How the last export ended, for the status bar or a dialog. */
    public record Result(Path target, boolean written, String message) {
    }

    private final TaskRunner runner;
    private final ObjectProperty<Report> report = new SimpleObjectProperty<>(this, "report");
    private final BooleanBinding available = Bindings.isNotNull(report);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");

    public ReportExport(TaskRunner runner) {
        this.runner = runner;
    }

    /** The report to export; null while none is ready. */
    public ObjectProperty<Report> reportProperty() {
        return report;
    }

    /** True when there is a report to export. */
    public BooleanBinding availableProperty() {
        return available;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The outcome of the last export; a new export is a new value, even for the same file. */
    /** Forgets the last result: "Report saved" is about the capture it was saved from. */
    public void clearResult() {
        result.set(null);
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** {@code chosen} with the format's extension added when it has none of the report formats. */
    public static Path withExtension(Path chosen, Format format) {
        if (Format.of(chosen) != null || chosen.getFileName() == null) {
            return chosen;
        }
        return chosen.resolveSibling(chosen.getFileName() + "." + format.extension());
    }

    /** True when {@code target} names an existing file (or link), which exporting would replace. */
    public static boolean exists(Path target) {
        return Files.exists(target, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Writes the report to {@code target} in the background.
     *
     * @param replace the user agreed to replace an existing file; without it an existing file is left alone
     */
    public void export(Path target, Format format, boolean replace) {
        Report r = report.get();
        if (r == null) {
            result.set(new Result(target, false, "There is no report yet: open a capture and wait for its analysis."));
            return;
        }
        busy.set(true);
        runner.task(TASK, ctx -> {
            OutputFile.write(target, replace, out -> {
                switch (format) {
                    case JSON -> ReportJson.write(r, out);
                    case CSV -> ReportCsv.write(r, out);
                    case HTML -> ReportHtml.write(r, out);
                }
            });
            return target;
        }).onSuccess(p -> {
            busy.set(false);
            result.set(new Result(p, true, "Report saved to " + p));
        }).onFailure(e -> {
            busy.set(false);
            result.set(new Result(target, false, e instanceof OutputFile.RefusedException
                    ? "The report was not saved: " + e.getMessage()
                    : "The report was not saved (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")."));
        }).start();
    }
}
