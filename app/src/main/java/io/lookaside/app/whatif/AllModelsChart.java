package io.lookaside.app.whatif;

import io.lookaside.app.whatif.WhatIfViewModel.ModelRow;
import io.lookaside.app.workbench.Charts;
import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Every model's savings at window ∞ in one chart, as small multiples that share the model axis:
 * saved round trips beside saved wall-clock wait, each on a log scale, so that a model that
 * saves ten requests is as visible as one that saves a million. The negative-dentry and symlink
 * models (the cheapest client changes, issue #11) are drawn in their own colour.
 */
final class AllModelsChart {
    /** Models whose bars stand out. */
    static final List<String> HEADLINE = List.of("negative-dentry", "symlink", "fuse-negative-entry", "fuse-cache-symlinks");
    private static final Color HEADLINE_COLOR = new Color(0xD9480F);
    private static final Color OTHER_COLOR = new Color(0x2F6DB3);
    /** Where the log axes start: half a round trip, one microsecond. A model that saves nothing has no bar. */
    private static final double TRIPS_FLOOR = 0.5;
    private static final double WAIT_FLOOR_MS = 0.001;

    private final DefaultCategoryDataset trips = new DefaultCategoryDataset();
    private final DefaultCategoryDataset wait = new DefaultCategoryDataset();
    private final JFreeChart chart;

    AllModelsChart() {
        CategoryAxis models = new CategoryAxis("Model");
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(models);
        plot.add(subplot(trips, "Saved round trips (log)", TRIPS_FLOOR), 1);
        plot.add(subplot(wait, "Saved wall-clock wait, ms (log)", WAIT_FLOOR_MS), 1);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setGap(12);
        chart = new JFreeChart("Every model at window ∞: what it would save", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    private static CategoryPlot subplot(DefaultCategoryDataset data, String label, double floor) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(floor);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        BarRenderer r = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                String model = (String) getPlot().getDataset().getColumnKey(column);
                return HEADLINE.contains(model) ? HEADLINE_COLOR : OTHER_COLOR;
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.08);
        // A log axis has no zero: bars start at its smallest value, so a model saving 1 still shows.
        r.setBase(floor);
        r.setIncludeBaseInRange(false);
        CategoryPlot p = new CategoryPlot(data, null, axis, r);
        return p;
    }

    JFreeChart chart() {
        return chart;
    }

    /** Shows the models on show; a model that saves nothing has no bar (its value is below the axis). */
    void show(List<ModelRow> rows) {
        Charts.update(chart, c -> {
            trips.clear();
            wait.clear();
            for (ModelRow m : rows) {
                trips.addValue(Math.max(TRIPS_FLOOR, m.entry().savedRoundTrips()), "Saved round trips", m.id());
                wait.addValue(Math.max(WAIT_FLOOR_MS, m.entry().savedWallNanos() / 1e6), "Saved wait (ms)", m.id());
            }
            c.getPlot().setNoDataMessage(rows.isEmpty() ? "No analysis yet" : null);
        });
    }
}
