package io.lookaside.app.findings;

import io.lookaside.analysis.Durations;
import io.lookaside.analysis.Evidence;
import io.lookaside.analysis.Finding;
import io.lookaside.analysis.Severity;
import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.MessageRef;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The findings of the loaded capture, as JDK Mission Control's automated analysis shows its rule
 * results: highest score first, coloured by severity, each with its summary, what it means, what
 * to change, and the messages it rests on (a click opens one in the Messages tab). The rules ran
 * in the analysis engine; this class only shows their results.
 */
public final class FindingsViewModel {
    private final IntConsumer showMessage;
    private Analyzed shown;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObjectProperty<Finding> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper fix = new ReadOnlyStringWrapper(this, "fix", "");
    private final ReadOnlyStringWrapper otherEvidence = new ReadOnlyStringWrapper(this, "otherEvidence", "");
    private final ReadOnlyStringWrapper overview = new ReadOnlyStringWrapper(this, "overview", "");
    private final ObservableList<MessageRef> evidence = FXCollections.observableArrayList();

    /** @param showMessage selects a message in the Messages tab */
    public FindingsViewModel(IntConsumer showMessage) {
        this.showMessage = showMessage;
        selected.addListener((o, was, now) -> showFinding(now));
    }

    /** Shows an analysed session's findings (already sorted by score by the engine), or nothing. */
    public void show(Analyzed a) {
        shown = a;
        selected.set(null);
        if (a == null) {
            findings.clear();
            overview.set("");
            return;
        }
        List<Finding> all = a.analysis().findings();
        findings.setAll(all);
        long warnings = all.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long infos = all.stream().filter(f -> f.severity() == Severity.INFO).count();
        overview.set(String.format(Locale.ROOT, "%d rules ran: %d warning%s, %d to look at, %d OK.", all.size(),
                warnings, warnings == 1 ? "" : "s", infos, all.size() - warnings - infos));
        selected.set(all.isEmpty() ? null : all.get(0));
    }

    private void showFinding(Finding f) {
        evidence.clear();
        if (f == null || shown == null) {
            title.set("");
            summary.set("");
            explanation.set("");
            fix.set("");
            otherEvidence.set("");
            return;
        }
        title.set(f.title() + "  ·  " + severity(f.severity()) + "  ·  score " + score(f.score()));
        summary.set(f.summary());
        explanation.set(f.explanation());
        fix.set(f.fix());
        Evidence e = f.evidence();
        for (int i : e.messages()) {
            if (i >= 0 && i < shown.session().size()) {
                evidence.add(MessageRef.of(shown.session(), shown.analysis().lifecycles(), i));
            }
        }
        StringJoiner other = new StringJoiner("\n");
        if (f.waitNanos() > 0) {
            other.add("Wait at stake: " + Durations.format(f.waitNanos()));
        }
        if (!e.paths().isEmpty()) {
            other.add("Paths: " + String.join(", ", e.paths()));
        }
        if (!e.fids().isEmpty()) {
            other.add("Fids: " + join(e.fids()));
        }
        if (!e.nodeids().isEmpty()) {
            other.add("Node ids: " + join(e.nodeids()));
        }
        otherEvidence.set(other.toString());
    }

    private static String join(List<Long> ids) {
        StringJoiner j = new StringJoiner(", ");
        ids.forEach(id -> j.add(Long.toString(id)));
        return j.toString();
    }

    /** {@code Warning}, {@code Info}, {@code OK}, {@code N/A} (the capture lacks what the rule needs). */
    public String severity(Severity s) {
        return switch (s) {
            case WARNING -> "Warning";
            case INFO -> "Info";
            case OK -> "OK";
            case NA -> "N/A";
        };
    }

    /** A score as JMC shows it: a whole number 0–100. */
    public String score(Double score) {
        return String.format(Locale.ROOT, "%.0f", score);
    }

    /** Opens an evidence message in the Messages tab. */
    public void open(MessageRef ref) {
        if (ref != null) {
            showMessage.accept(ref.message());
        }
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ObjectProperty<Finding> selectedProperty() {
        return selected;
    }

    /** "11 rules ran: 2 warnings, 3 to look at, 6 OK." */
    public ReadOnlyStringProperty overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fixProperty() {
        return fix.getReadOnlyProperty();
    }

    /** The evidence besides messages: wait at stake, paths, fids, node ids. */
    public ReadOnlyStringProperty otherEvidenceProperty() {
        return otherEvidence.getReadOnlyProperty();
    }

    /** The selected finding's evidence messages. */
    public ObservableList<MessageRef> evidence() {
        return evidence;
    }
}
