package io.lookaside.app.whatif;

import io.lookaside.analysis.Durations;
import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.MessageRef;
import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.report.ProfileEntry;
import io.lookaside.report.Report;
import io.lookaside.report.WhatIfEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The what-if view (what-if.md): for every model the engine ran, what it would have saved at
 * window ∞ (round trips, their request→reply time, the wall-clock wait, the stale hits it would
 * have served), and for the selected one its sweep over the windows, assumptions, remarks and the
 * requests it removes; for every profile the predicted message counts and wait against the real
 * ones. Every figure is the report's; this class only arranges them.
 */
public final class WhatIfViewModel {
    static final String PREPARE_TASK = "whatif.prepare";

    /** One model's row: its id (the report's key) and its entry. */
    public record ModelRow(String id, WhatIfEntry entry) {
    }

    /** One profile's row. */
    public record ProfileRow(String id, ProfileEntry entry) {
    }

    /** A message type's count in the capture and as the selected profile predicts it. */
    public record CountRow(String type, long real, long predicted) {
        public long change() {
            return predicted - real;
        }
    }

    private final TaskRunner runner;
    private final IntConsumer showMessage;
    private Analyzed shown;
    private WhatIfPreparation prepared;

    private final ReadOnlyStringWrapper overview = new ReadOnlyStringWrapper(this, "overview", "");
    private final ObservableList<ModelRow> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelRow> selectedModel = new SimpleObjectProperty<>(this, "selectedModel");
    private final ReadOnlyStringWrapper modelTitle = new ReadOnlyStringWrapper(this, "modelTitle", "");
    private final ReadOnlyStringWrapper modelHeadline = new ReadOnlyStringWrapper(this, "modelHeadline", "");
    private final ReadOnlyStringWrapper assumptions = new ReadOnlyStringWrapper(this, "assumptions", "");
    private final ReadOnlyStringWrapper remarks = new ReadOnlyStringWrapper(this, "remarks", "");
    private final ObservableList<MessageRef> evidence = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper evidenceTitle = new ReadOnlyStringWrapper(this, "evidenceTitle", "");
    private final ReadOnlyObjectWrapper<SweepData> sweep = new ReadOnlyObjectWrapper<>(this, "sweep", SweepData.EMPTY);
    private final ReadOnlyStringWrapper sweepTitle = new ReadOnlyStringWrapper(this, "sweepTitle", "");
    private final ReadOnlyStringWrapper sweepEmptyText = new ReadOnlyStringWrapper(this, "sweepEmptyText", "");

    private final ObservableList<ProfileRow> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ProfileRow> selectedProfile = new SimpleObjectProperty<>(this, "selectedProfile");
    private final ReadOnlyStringWrapper profileHeadline = new ReadOnlyStringWrapper(this, "profileHeadline", "");
    private final ReadOnlyStringWrapper profileDescription = new ReadOnlyStringWrapper(this, "profileDescription", "");
    private final ObservableList<CountRow> counts = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /** @param showMessage selects a message in the Messages tab */
    public WhatIfViewModel(TaskRunner runner, IntConsumer showMessage) {
        this.runner = runner;
        this.showMessage = showMessage;
        selectedModel.addListener((o, was, now) -> showModel(now));
        selectedProfile.addListener((o, was, now) -> showProfile(now));
    }

    /** Shows an analysed session, or nothing. */
    public void show(Analyzed a) {
        runner.cancel(PREPARE_TASK);
        shown = a;
        prepared = null;
        selectedModel.set(null);
        selectedProfile.set(null);
        if (a == null) {
            models.clear();
            profiles.clear();
            overview.set("");
            busy.set(false);
            return;
        }
        Report r = a.report();
        overview.set(overview(r));
        List<ModelRow> rows = new ArrayList<>();
        r.whatIf().forEach((id, e) -> rows.add(new ModelRow(id, e)));
        // The largest saving first, as JMC puts the highest score first; models that cannot run last.
        rows.sort(Comparator.comparingLong((ModelRow m) -> orMinus(m.entry().savedWallNanos())).reversed()
                .thenComparing(Comparator.comparingLong((ModelRow m) -> orMinus(m.entry().savedRoundTrips())).reversed()));
        models.setAll(rows);
        List<ProfileRow> prows = new ArrayList<>();
        r.profiles().forEach((id, e) -> prows.add(new ProfileRow(id, e)));
        profiles.setAll(prows);
        busy.set(true);
        runner.task(PREPARE_TASK, ctx -> WhatIfPreparation.of(a, ctx))
                .onSuccess(p -> {
                    prepared = p;
                    busy.set(false);
                    showModel(selectedModel.get());
                })
                .start();
        selectedModel.set(rows.isEmpty() ? null : rows.get(0));
        selectedProfile.set(prows.isEmpty() ? null : prows.get(0));
    }

    private void showModel(ModelRow m) {
        evidence.clear();
        if (m == null || shown == null) {
            modelTitle.set("");
            modelHeadline.set("");
            assumptions.set("");
            remarks.set("");
            evidenceTitle.set("");
            sweepTitle.set("");
            sweep.set(SweepData.EMPTY);
            return;
        }
        WhatIfEntry e = m.entry();
        modelTitle.set(e.title() + "  (" + m.id() + ")");
        modelHeadline.set(headline(e, shown.report().totals().wallNanos()));
        assumptions.set(e.assumptions());
        remarks.set(bullets(e.remarks()));
        sweepTitle.set(m.id() + (e.windowed() ? ": saved by cache window" : ": saved (the window does not matter)"));
        sweepEmptyText.set(e.applicable() ? "Preparing …" : "This model could not run on this capture");
        if (prepared == null) {
            evidenceTitle.set("Requests removed: preparing …");
            sweep.set(SweepData.EMPTY);
            return;
        }
        List<MessageRef> refs = prepared.evidence().getOrDefault(m.id(), List.of());
        int all = prepared.requests().getOrDefault(m.id(), 0);
        evidence.setAll(refs);
        evidenceTitle.set(!e.applicable() ? "Requests removed: the model could not run on this capture"
                : all == 0 ? "Requests removed: none"
                : refs.size() < all ? String.format(Locale.ROOT, "Requests removed at ∞: the first %,d of %,d", refs.size(), all)
                : String.format(Locale.ROOT, "Requests removed at ∞: %,d", all));
        sweep.set(prepared.sweeps().getOrDefault(m.id(), SweepData.EMPTY));
    }

    /** "This capture waited 2.33 s …": the real wait every model's projection is measured against. */
    static String overview(Report r) {
        long requesters = r.totals().requesters();
        return String.format(Locale.ROOT, "This capture waited %s (wall-clock, %,d requester%s). Each model below removes "
                + "the round trips one cache or protocol change would have saved; select one for its sweep over cache "
                + "windows, its assumptions and the requests it removes.", Durations.format(r.totals().wallNanos()),
                requesters, requesters == 1 ? "" : "s");
    }

    /** "Saves 280 round trips (45.6 ms of request→reply time): this workload would wait 2.29 s instead of 2.33 s." */
    static String headline(WhatIfEntry e, long realWall) {
        if (!e.applicable()) {
            return "Cannot run on this capture; the remarks say why. Its figures are not zero, they are unknown.";
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "At window ∞ it saves %,d round trip%s (%s of request→reply time)",
                e.savedRoundTrips(), e.savedRoundTrips() == 1 ? "" : "s", Durations.format(e.savedRttNanos())));
        b.append(": this workload would wait ").append(Durations.format(e.projectedWallNanos()))
                .append(" instead of ").append(Durations.format(realWall)).append('.');
        if (e.staleHits() != null && e.staleHits() > 0) {
            b.append(String.format(Locale.ROOT, " %,d cached answer%s would have been stale (not counted as savings).",
                    e.staleHits(), e.staleHits() == 1 ? "" : "s"));
        }
        return b.toString();
    }

    private void showProfile(ProfileRow p) {
        if (p == null || shown == null) {
            profileHeadline.set("");
            profileDescription.set("");
            counts.clear();
            return;
        }
        ProfileEntry e = p.entry();
        long realWall = shown.report().totals().wallNanos();
        profileHeadline.set(profileHeadline(e, realWall));
        StringJoiner steps = new StringJoiner(" + ");
        e.steps().forEach(s -> steps.add(s.model() + " @ " + WhatIfPreparation.window(s.window())));
        String remarkText = bullets(e.remarks());
        profileDescription.set(e.description() + "\nModels: " + steps + (remarkText.isEmpty() ? "" : "\n" + remarkText));
        List<CountRow> rows = new ArrayList<>();
        Map<String, Long> real = shown.report().capture().messageCounts();
        if (e.predictedCounts() != null) {
            e.predictedCounts().forEach((type, predicted) -> rows.add(new CountRow(type, real.getOrDefault(type, 0L), predicted)));
        }
        // Types the profile changes first, the largest change first; then the rest by name.
        rows.sort(Comparator.comparingLong((CountRow c) -> c.change()).thenComparing(CountRow::type));
        counts.setAll(rows);
    }

    /** "With v9fs cache=loose this workload would wait 41.2 ms instead of 63.0 ms (−34.6%, 1,234 round trips fewer)." */
    static String profileHeadline(ProfileEntry e, long realWall) {
        if (!e.applicable() || e.predictedWaitNanos() == null) {
            return "With " + e.title() + ": cannot be predicted from this capture; the remarks say why.";
        }
        double change = realWall == 0 ? 0 : (double) (e.predictedWaitNanos() - realWall) / realWall;
        return String.format(Locale.ROOT, "With %s this workload would wait %s instead of %s (%+.1f%%, %,d round trip%s fewer).",
                e.title(), Durations.format(e.predictedWaitNanos()), Durations.format(realWall), change * 100,
                e.savedRoundTrips(), e.savedRoundTrips() == 1 ? "" : "s").replace("(-", "(−");
    }

    private static long orMinus(Long v) {
        return v == null ? -1 : v;
    }

    private static String bullets(List<String> lines) {
        StringJoiner j = new StringJoiner("\n");
        lines.forEach(l -> j.add("•  " + l));
        return j.toString();
    }

    /** Selects the message of an evidence row in the Messages tab. */
    public void open(MessageRef ref) {
        if (ref != null) {
            showMessage.accept(ref.message());
        }
    }

    /** A count with thousands separators; "—" when the model could not run. */
    public String count(Long n) {
        return n == null ? "—" : String.format(Locale.ROOT, "%,d", n);
    }

    /** A duration as the tables show it; "—" when the model could not run. */
    public String duration(Long nanos) {
        return nanos == null ? "—" : Durations.format(nanos);
    }

    /** A predicted change of a count: {@code −280}, or empty when none. */
    public String change(Long n) {
        return n == 0 ? "" : String.format(Locale.ROOT, "%+,d", n).replace('-', '−');
    }

    /** The real wait and how to read the table, in one sentence. */
    public ReadOnlyStringProperty overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ObservableList<ModelRow> models() {
        return models;
    }

    public ObjectProperty<ModelRow> selectedModelProperty() {
        return selectedModel;
    }

    public ReadOnlyStringProperty modelTitleProperty() {
        return modelTitle.getReadOnlyProperty();
    }

    /** What the selected model saves at ∞, as a sentence. */
    public ReadOnlyStringProperty modelHeadlineProperty() {
        return modelHeadline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty assumptionsProperty() {
        return assumptions.getReadOnlyProperty();
    }

    /** The selected model's remarks on this capture, one bullet a line; empty when none. */
    public ReadOnlyStringProperty remarksProperty() {
        return remarks.getReadOnlyProperty();
    }

    /** The requests the selected model removes or unblocks at ∞ (the first {@value WhatIfPreparation#EVIDENCE_LIMIT}). */
    public ObservableList<MessageRef> evidence() {
        return evidence;
    }

    public ReadOnlyStringProperty evidenceTitleProperty() {
        return evidenceTitle.getReadOnlyProperty();
    }

    /** The selected model's saved wait and round trips per window, for the sweep chart. */
    public ReadOnlyObjectProperty<SweepData> sweepProperty() {
        return sweep.getReadOnlyProperty();
    }

    /** What the sweep chart says when it has no data. */
    public ReadOnlyStringProperty sweepEmptyTextProperty() {
        return sweepEmptyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sweepTitleProperty() {
        return sweepTitle.getReadOnlyProperty();
    }

    public ObservableList<ProfileRow> profiles() {
        return profiles;
    }

    public ObjectProperty<ProfileRow> selectedProfileProperty() {
        return selectedProfile;
    }

    /** "With … this workload would wait X instead of Y." */
    public ReadOnlyStringProperty profileHeadlineProperty() {
        return profileHeadline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty profileDescriptionProperty() {
        return profileDescription.getReadOnlyProperty();
    }

    /** Real and predicted message counts per type for the selected profile. */
    public ObservableList<CountRow> counts() {
        return counts;
    }

    /** True while the evidence lists and sweep datasets are being prepared. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
