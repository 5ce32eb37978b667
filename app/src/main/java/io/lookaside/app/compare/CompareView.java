package io.lookaside.app.compare;

import io.lookaside.analysis.Durations;
import io.lookaside.app.compare.CompareViewModel.Candidate;
import io.lookaside.app.waits.WaitTimeline;
import io.lookaside.app.workbench.Charts;
import io.lookaside.report.Diff;
import io.lookaside.report.Diff.Delta;
import io.lookaside.session.Session;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Two captures side by side: the choice of A and B, the totals, the wait over time of both on
 * one time base, and tables of the operations, what-if models and profiles with their deltas
 * (B − A), and the paths aligned.
 */
public final class CompareView extends BorderPane {
    private final CompareViewModel vm;
    private final Label totals = new Label();
    private final TableView<Diff.Operation> operations = new TableView<>();
    private final TableView<Map.Entry<String, Diff.Model>> models = new TableView<>();
    private final TableView<Diff.ProfileDelta> profiles = new TableView<>();
    private final TableView<PathAlignment> alignment = new TableView<>();
    private final CheckBox onlyDiffering = new CheckBox("Only paths whose lookups differ");
    private final JFreeChart overTime = ChartFactory.createXYLineChart("Wall-clock wait over time, both captures",
            "Time since the capture's first message (s)", "Wait per second of capture (ms/s)", new DefaultXYDataset(),
            PlotOrientation.VERTICAL, true, true, false);

    public CompareView(CompareViewModel vm) {
        this.vm = vm;
        getStyleClass().add("compare-view");
        setId("compareView");
        setTop(chooser());
        ChartViewer chart = Charts.viewer("compareChart", overTime);
        TabPane tables = new TabPane(
                tab("Operations", "compareOperationsTab", operations),
                tab("What If", "compareModelsTab", models),
                tab("Profiles", "compareProfilesTab", profiles),
                tab("Paths aligned", "compareAlignmentTab", new BorderPane(alignment, alignmentBar(), null, null, null)));
        tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(chart, tables);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.36);
        setCenter(split);
        columns();
        vm.resultProperty().addListener((o, was, now) -> show(now));
        onlyDiffering.selectedProperty().addListener((o, was, now) -> show(vm.resultProperty().get()));
        show(vm.resultProperty().get());
    }

    private VBox chooser() {
        ComboBox<Candidate> a = chooser("compareA", vm.aProperty());
        ComboBox<Candidate> b = chooser("compareB", vm.bProperty());
        Button swap = new Button("Swap");
        swap.setOnAction(e -> vm.swap());
        HBox row = new HBox(8, new Label("A:"), a, new Label("B:"), b, swap);
        row.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("compareStatus");
        status.textProperty().bind(vm.statusProperty());
        totals.setId("compareTotals");
        VBox box = new VBox(4, row, status, totals);
        box.setPadding(new Insets(6, 8, 6, 8));
        return box;
    }

    /**
     * A choice of capture that follows {@code side} and sets it when the user picks one. Not a
     * bidirectional binding: a combo box clears its value while its items are replaced (a capture
     * opened or closed), and that must not unchoose the side.
     */
    private ComboBox<Candidate> chooser(String id, javafx.beans.property.ObjectProperty<Candidate> side) {
        ComboBox<Candidate> box = new ComboBox<>(vm.candidates());
        box.setId(id);
        box.setValue(side.get());
        side.addListener((o, was, now) -> box.setValue(now));
        box.setOnAction(e -> {
            if (box.getValue() != null) {
                side.set(box.getValue());
            }
        });
        vm.candidates().addListener((javafx.collections.ListChangeListener<Candidate>) c -> box.setValue(side.get()));
        return box;
    }

    private HBox alignmentBar() {
        onlyDiffering.setId("onlyDiffering");
        Label hint = new Label("First occurrence of each path in A and in B; double-click a row to open it in A (or in B).");
        HBox bar = new HBox(12, onlyDiffering, hint);
        bar.setPadding(new Insets(4, 6, 4, 6));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Tab tab(String text, String id, javafx.scene.Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        return t;
    }

    private void columns() {
        operations.setId("compareOperations");
        operations.getColumns().setAll(List.of(
                text("Operation", Diff.Operation::op, 120),
                count("Count A", o -> o.count().a()), count("Count B", o -> o.count().b()),
                signed("Δ count", o -> o.count().delta()),
                time("Total wait A", o -> o.totalNanos().a()), time("Total wait B", o -> o.totalNanos().b()),
                signedTime("Δ total wait", o -> o.totalNanos().delta()),
                time("Mean A", o -> o.meanNanos().a()), time("Mean B", o -> o.meanNanos().b()),
                signedTime("Δ mean", o -> o.meanNanos().delta())));
        models.setId("compareModels");
        models.getColumns().setAll(List.of(
                text("Model (window ∞)", e -> e.getValue().title(), 260),
                count("Saved round trips A", e -> e.getValue().savedRoundTrips().a()),
                count("Saved round trips B", e -> e.getValue().savedRoundTrips().b()),
                time("Saved wall A", e -> e.getValue().savedWallNanos().a()),
                time("Saved wall B", e -> e.getValue().savedWallNanos().b()),
                time("Projected wall A", e -> e.getValue().projectedWallNanos().a()),
                time("Projected wall B", e -> e.getValue().projectedWallNanos().b()),
                signedTime("Δ projected wall", e -> e.getValue().projectedWallNanos().delta())));
        profiles.setId("compareProfiles");
        profiles.getColumns().setAll(List.of(
                text("Profile", Diff.ProfileDelta::title, 260),
                count("Saved round trips A", p -> p.savedRoundTrips().a()),
                count("Saved round trips B", p -> p.savedRoundTrips().b()),
                time("Predicted wait A", p -> p.predictedWaitNanos().a()),
                time("Predicted wait B", p -> p.predictedWaitNanos().b()),
                signedTime("Δ predicted wait", p -> p.predictedWaitNanos().delta())));
        alignment.setId("compareAlignment");
        alignment.getColumns().setAll(List.of(
                text("Path", PathAlignment::path, 320),
                text("First in A (frame · s)", p -> where(true, p.firstA()), 150),
                text("First in B (frame · s)", p -> where(false, p.firstB()), 150),
                count("Lookups A", p -> (long) p.lookupsA()), count("Lookups B", p -> (long) p.lookupsB()),
                signed("Lookups removed by B", p -> (long) p.lookupsRemoved()),
                count("Messages A", p -> (long) p.messagesA()), count("Messages B", p -> (long) p.messagesB())));
        alignment.setRowFactory(t -> {
            javafx.scene.control.TableRow<PathAlignment> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                PathAlignment p = row.getItem();
                if (e.getClickCount() == 2 && p != null) {
                    if (p.firstA() >= 0 && vm.aProperty().get() != null) {
                        vm.aProperty().get().open().accept(p.firstA());
                    } else if (p.firstB() >= 0 && vm.bProperty().get() != null) {
                        vm.bProperty().get().open().accept(p.firstB());
                    }
                }
            });
            return row;
        });
        for (TableView<?> t : List.of(operations, models, profiles, alignment)) {
            t.setPlaceholder(new Label("Choose two analysed captures above."));
        }
    }

    private String where(boolean sideA, int i) {
        Comparison c = vm.resultProperty().get();
        if (c == null || i < 0) {
            return "—";
        }
        Session s = (sideA ? c.a() : c.b()).session();
        return s.frame(i) + " · " + String.format(Locale.ROOT, "%.3f", (s.tsNanos(i) - s.tsNanos(0)) / 1e9);
    }

    private void show(Comparison c) {
        if (c == null) {
            operations.getItems().clear();
            models.getItems().clear();
            profiles.getItems().clear();
            alignment.getItems().clear();
            totals.setText("");
            Charts.update(overTime, ch -> ch.getXYPlot().setDataset(new DefaultXYDataset()));
            return;
        }
        Diff d = c.diff();
        totals.setText("Requests " + counts(d.totals().requests()) + "   ·   errors " + counts(d.totals().errors())
                + "   ·   request→reply time " + times(d.totals().waitNanos())
                + "   ·   wall-clock wait " + times(d.totals().wallNanos()));
        operations.setItems(FXCollections.observableArrayList(d.operations()));
        models.setItems(FXCollections.observableArrayList(d.whatIf().entrySet()));
        profiles.setItems(FXCollections.observableArrayList(d.profiles().values()));
        alignment.setItems(FXCollections.observableArrayList(onlyDiffering.isSelected()
                ? c.alignment().stream().filter(p -> p.lookupsRemoved() != 0).toList() : c.alignment()));
        DefaultXYDataset data = new DefaultXYDataset();
        add(data, "A: " + c.a().session().source(), c.timelineA());
        add(data, "B: " + c.b().session().source(), c.timelineB());
        Charts.update(overTime, ch -> ch.getXYPlot().setDataset(data));
    }

    /** Each side's wall-clock wait per bin, as ms of wait per second of capture, so bins of different widths compare. */
    private static void add(DefaultXYDataset data, String name, WaitTimeline t) {
        if (t.bins() == 0) {
            return;
        }
        double perSecond = 1e9 / t.binNanos();
        double[] y = new double[t.bins()];
        for (int k = 0; k < y.length; k++) {
            y[k] = t.wallMillis()[k] * perSecond;
        }
        data.addSeries(shortName(name), new double[][] {t.seconds(), y});
    }

    private static String shortName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return slash < 0 || slash < source.indexOf(": ") ? source : source.substring(0, source.indexOf(": ") + 2)
                + source.substring(slash + 1);
    }

    private static String counts(Delta d) {
        return "A " + num(d.a()) + ", B " + num(d.b()) + " (Δ " + signedNum(d.delta()) + ")";
    }

    private static String times(Delta d) {
        return "A " + dur(d.a()) + ", B " + dur(d.b()) + " (Δ " + signedDur(d.delta()) + ")";
    }

    private static String num(Long v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%,d", v);
    }

    private static String signedNum(Long v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%+,d", v);
    }

    private static String dur(Long v) {
        return v == null ? "—" : Durations.format(v);
    }

    private static String signedDur(Long v) {
        return v == null ? "—" : (v > 0 ? "+" : "") + Durations.format(v);
    }

    private static <T> TableColumn<T, String> text(String title, Function<T, String> f, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableColumn<T, String> count(String title, Function<T, Long> f) {
        return numeric(title, x -> num(f.apply(x)));
    }

    private static <T> TableColumn<T, String> signed(String title, Function<T, Long> f) {
        return numeric(title, x -> signedNum(f.apply(x)));
    }

    private static <T> TableColumn<T, String> time(String title, Function<T, Long> f) {
        return numeric(title, x -> dur(f.apply(x)));
    }

    private static <T> TableColumn<T, String> signedTime(String title, Function<T, Long> f) {
        return numeric(title, x -> signedDur(f.apply(x)));
    }

    private static <T> TableColumn<T, String> numeric(String title, Function<T, String> f) {
        TableColumn<T, String> c = text(title, f, 110);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }
}
