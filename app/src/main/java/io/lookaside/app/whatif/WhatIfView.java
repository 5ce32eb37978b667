package io.lookaside.app.whatif;

import static io.lookaside.app.workbench.Tables.number;
import static io.lookaside.app.workbench.Tables.text;

import io.lookaside.app.whatif.WhatIfViewModel.CountRow;
import io.lookaside.app.whatif.WhatIfViewModel.ModelRow;
import io.lookaside.app.whatif.WhatIfViewModel.ProfileRow;
import io.lookaside.app.workbench.Charts;
import io.lookaside.app.workbench.EvidenceList;
import io.lookaside.app.workbench.Widgets;
import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The what-if view: the models' table with the selected model's sweep chart, assumptions,
 * remarks and removed requests (a click opens one in the Messages tab); and the profiles with
 * their predicted message counts and wait. Lays out and binds {@link WhatIfViewModel} only.
 */
public final class WhatIfView extends BorderPane {
    private final JFreeChart sweepChart = ChartFactory.createBarChart("Saved by cache window", "Cache window",
            "Saved wall-clock wait (ms)", new DefaultCategoryDataset(), PlotOrientation.VERTICAL, true, true, false);

    public WhatIfView(WhatIfViewModel vm, ObservableStringValue placeholder) {
        getStyleClass().add("whatif-view");
        Tab models = new Tab("Models", models(vm, placeholder));
        models.setId("whatIfModelsTab");
        Tab profiles = new Tab("Profiles", profiles(vm, placeholder));
        profiles.setId("whatIfProfilesTab");
        Tab all = new Tab("All models", allModels(vm));
        all.setId("whatIfAllModelsTab");
        TabPane tabs = new TabPane(models, all, profiles);
        tabs.setId("whatIfTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("sub-tabs");
        Label overview = Widgets.label("whatIfOverview", "feature-headline", vm.overviewProperty());
        VBox top = new VBox(overview);
        top.setPadding(new Insets(8, 10, 8, 10));
        top.getStyleClass().add("feature-header");
        setTop(top);
        setCenter(tabs);
    }

    private Node models(WhatIfViewModel vm, ObservableStringValue placeholder) {
        TableView<ModelRow> table = new TableView<>(vm.models());
        table.setId("whatIfTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(Widgets.placeholder(placeholder));
        TableColumn<ModelRow, String> id = text("Id", 160, ModelRow::id);
        id.setId("whatif-id");
        TableColumn<ModelRow, Long> trips = number("Round trips", 95, (ModelRow m) -> m.entry().savedRoundTrips(), vm::count);
        trips.setId("whatif-saved-round-trips");
        TableColumn<ModelRow, Object> saved = new TableColumn<>("Saved at window ∞");
        saved.getColumns().setAll(List.of(trips,
                number("Request→reply", 110, (ModelRow m) -> m.entry().savedRttNanos(), vm::duration),
                number("Wall-clock wait", 115, (ModelRow m) -> m.entry().savedWallNanos(), vm::duration),
                number("Stale hits", 80, (ModelRow m) -> m.entry().staleHits(), vm::count)));
        table.getColumns().setAll(List.of(text("Model", 330, (ModelRow m) -> m.entry().title()), id, saved,
                number("Would wait", 100, (ModelRow m) -> m.entry().projectedWallNanos(), vm::duration)));
        Widgets.bindSelection(table, vm.selectedModelProperty());

        // Round trips on a second axis, as a line over the bars: how many requests a window saves
        // next to how much wait, which differ when the saved requests were quick or overlapped.
        CategoryPlot plot = sweepChart.getCategoryPlot();
        NumberAxis tripsAxis = new NumberAxis(SweepData.SAVED_TRIPS);
        plot.setRangeAxis(1, tripsAxis);
        plot.setRenderer(1, new LineAndShapeRenderer(true, true));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        ChartViewer chart = Charts.viewer("sweepChart", sweepChart);
        vm.sweepProperty().addListener((o, was, d) -> showSweep(d));
        vm.sweepTitleProperty().addListener((o, was, t) -> Charts.update(sweepChart, c -> c.setTitle(t)));
        vm.sweepEmptyTextProperty().addListener((o, was, t) -> Charts.update(sweepChart, c -> c.getPlot().setNoDataMessage(t)));

        Label title = Widgets.label("whatIfModelTitle", "detail-title", vm.modelTitleProperty());
        Label headline = Widgets.label("whatIfHeadline", "feature-headline", vm.modelHeadlineProperty());
        Label assumptionsHeader = new Label("Assumptions");
        assumptionsHeader.getStyleClass().add("section-title");
        Label assumptions = Widgets.label("whatIfAssumptions", "feature-note", vm.assumptionsProperty());
        Label remarksHeader = new Label("On this capture");
        remarksHeader.getStyleClass().add("section-title");
        Label remarks = Widgets.label("whatIfRemarks", "feature-note", vm.remarksProperty());
        remarksHeader.visibleProperty().bind(vm.remarksProperty().isNotEmpty());
        remarksHeader.managedProperty().bind(remarksHeader.visibleProperty());
        remarks.managedProperty().bind(remarksHeader.visibleProperty());
        VBox text = new VBox(6, title, headline, remarksHeader, remarks, assumptionsHeader, assumptions);
        text.setPadding(new Insets(8, 10, 8, 10));
        ScrollPane textScroll = new ScrollPane(text);
        textScroll.setFitToWidth(true);
        textScroll.getStyleClass().add("edge-to-edge");

        Label evidenceTitle = Widgets.label("whatIfEvidenceTitle", "section-title", vm.evidenceTitleProperty());
        EvidenceList evidence = new EvidenceList("whatIfEvidence", vm.evidence(), vm::open);
        VBox evidenceBox = new VBox(4, evidenceTitle, evidence);
        evidenceBox.setPadding(new Insets(6, 8, 6, 8));
        VBox.setVgrow(evidence, Priority.ALWAYS);

        SplitPane details = new SplitPane(textScroll, evidenceBox);
        details.setOrientation(Orientation.VERTICAL);
        details.setDividerPositions(0.55);
        SplitPane lower = new SplitPane(chart, details);
        lower.setDividerPositions(0.5);
        SplitPane all = new SplitPane(table, lower);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.42);
        return all;
    }

    /** Every model's saved round trips and wait, log scales, side by side (issue #11's headline chart). */
    private Node allModels(WhatIfViewModel vm) {
        AllModelsChart chart = new AllModelsChart();
        vm.models().addListener((javafx.collections.ListChangeListener<ModelRow>) c -> chart.show(List.copyOf(vm.models())));
        chart.show(List.copyOf(vm.models()));
        return Charts.viewer("allModelsChart", chart.chart());
    }

    private Node profiles(WhatIfViewModel vm, ObservableStringValue placeholder) {
        TableView<ProfileRow> table = new TableView<>(vm.profiles());
        table.setId("profilesTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(Widgets.placeholder(placeholder));
        table.getColumns().setAll(List.of(
                text("Profile", 300, (ProfileRow p) -> p.entry().title()),
                text("Id", 190, ProfileRow::id),
                text("Protocol", 70, (ProfileRow p) -> p.entry().protocol()),
                number("Saved round trips", 120, (ProfileRow p) -> p.entry().savedRoundTrips(), vm::count),
                number("Saved wall-clock wait", 145, (ProfileRow p) -> p.entry().savedWallNanos(), vm::duration),
                number("Stale hits", 80, (ProfileRow p) -> p.entry().staleHits(), vm::count),
                number("Predicted wait", 110, (ProfileRow p) -> p.entry().predictedWaitNanos(), vm::duration)));
        Widgets.bindSelection(table, vm.selectedProfileProperty());

        Label headline = Widgets.label("profileHeadline", "feature-headline", vm.profileHeadlineProperty());
        Label description = Widgets.label("profileDescription", "feature-note", vm.profileDescriptionProperty());
        TableView<CountRow> counts = new TableView<>(vm.counts());
        counts.setId("profileCountsTable");
        counts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        counts.setPlaceholder(new Label("Select a profile"));
        counts.getColumns().setAll(List.of(
                text("Message type", 160, CountRow::type),
                number("In the capture", 110, CountRow::real, vm::count),
                number("Predicted", 110, CountRow::predicted, vm::count),
                number("Change", 90, CountRow::change, vm::change)));
        VBox lower = new VBox(6, headline, description, counts);
        lower.setPadding(new Insets(8, 10, 8, 10));
        VBox.setVgrow(counts, Priority.ALWAYS);
        SplitPane all = new SplitPane(table, lower);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.4);
        return all;
    }

    private void showSweep(SweepData d) {
        Charts.update(sweepChart, c -> {
            CategoryPlot p = c.getCategoryPlot();
            p.setDataset(0, d.savedWait());
            p.setDataset(1, d.savedTrips());
        });
    }
}
