package io.lookaside.app.waits;

import static io.lookaside.app.workbench.Tables.number;
import static io.lookaside.app.workbench.Tables.text;

import io.lookaside.app.workbench.Charts;
import io.lookaside.report.OperationRow;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The wait-time view: the capture's wait in one line and where it was measured, the table of
 * operations (Wireshark's Service Response Time, with percentiles and bytes), the wait per
 * operation as bars and the wait over time. Lays out and binds {@link WaitsViewModel} only.
 */
public final class WaitsView extends BorderPane {
    private final JFreeChart byOperation = ChartFactory.createBarChart("Request→reply time per operation", null,
            "Total (ms)", new DefaultCategoryDataset(), PlotOrientation.HORIZONTAL, false, true, false);
    private final JFreeChart overTime = ChartFactory.createXYAreaChart("Wait over time", "Time since the first message (s)",
            "Wait (ms)", new DefaultXYDataset(), PlotOrientation.VERTICAL, true, true, false);

    /** @param placeholder what to say while there is nothing to show (no capture, analysis running) */
    public WaitsView(WaitsViewModel vm, ObservableStringValue placeholder) {
        getStyleClass().add("waits-view");
        Label summary = new Label();
        summary.setId("waitsSummary");
        summary.getStyleClass().add("feature-headline");
        summary.textProperty().bind(vm.summaryProperty());
        Label where = new Label();
        where.setId("capturePointNote");
        where.getStyleClass().add("feature-note");
        where.setWrapText(true);
        where.textProperty().bind(vm.capturePointProperty());
        VBox top = new VBox(4, summary, where);
        top.setPadding(new Insets(8, 10, 8, 10));
        top.getStyleClass().add("feature-header");

        TableView<OperationRow> table = new TableView<>(vm.operations());
        table.setId("waitsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label empty = new Label();
        empty.textProperty().bind(placeholder);
        table.setPlaceholder(empty);
        table.getColumns().setAll(List.of(
                text("Operation", 130, OperationRow::op),
                number("Count", 80, OperationRow::count, vm::count),
                number("Errors", 70, OperationRow::errorCount, vm::count),
                text("Errors by name", 190, vm::errors),
                number("Total", 90, OperationRow::totalNanos, vm::duration),
                number("Mean", 80, OperationRow::meanNanos, vm::duration),
                number("p50", 80, OperationRow::p50Nanos, vm::duration),
                number("p90", 80, OperationRow::p90Nanos, vm::duration),
                number("p99", 80, OperationRow::p99Nanos, vm::duration),
                number("Max", 80, OperationRow::maxNanos, vm::duration),
                number("Bytes", 90, OperationRow::bytes, vm::bytes)));
        for (TableColumn<OperationRow, ?> c : table.getColumns()) {
            c.setId("waits-" + c.getText().toLowerCase(Locale.ROOT).replace(' ', '-'));
        }

        ((NumberAxis) overTime.getXYPlot().getDomainAxis()).setAutoRangeIncludesZero(true);
        // The wall-clock wait as an area, the request→reply time as a line over it: with one
        // requester and no concurrency they coincide, and the line shows on the area's edge.
        XYPlot timePlot = overTime.getXYPlot();
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        timePlot.setRenderer(1, line);
        timePlot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        ChartViewer bars = Charts.viewer("waitByOperationChart", byOperation);
        ChartViewer time = Charts.viewer("waitOverTimeChart", overTime);
        SplitPane charts = new SplitPane(bars, time);
        charts.setDividerPositions(0.42);
        SplitPane panes = new SplitPane(table, charts);
        panes.setOrientation(Orientation.VERTICAL);
        panes.setDividerPositions(0.45);
        setTop(top);
        setCenter(panes);

        vm.chartsProperty().addListener((o, was, c) -> show(c));
        show(vm.chartsProperty().get());
    }

    private void show(WaitCharts c) {
        Charts.update(byOperation, chart -> ((CategoryPlot) chart.getPlot()).setDataset(c.byOperation()));
        Charts.update(overTime, chart -> {
            XYPlot p = chart.getXYPlot();
            p.setDataset(0, c.overTimeWall());
            p.setDataset(1, c.overTimeRtt());
            p.getRangeAxis().setLabel(c.overTimeLabel());
        });
    }
}
