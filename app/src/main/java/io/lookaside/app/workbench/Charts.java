package io.lookaside.app.workbench;

import java.awt.Rectangle;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.function.BiFunction;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.ChartUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * How the workbench's JFreeChart charts look (flat, light grid, the table's font sizes) and the
 * one way their data changes: the whole dataset is swapped with the chart's change events off,
 * so the chart redraws once, after the update (architecture example 9).
 */
public final class Charts {
    /** Series colours: a calm blue, an orange, a green, a red (colour-blind distinguishable pairs first). */
    public static final Color[] SERIES = {new Color(0x2F6DB3), new Color(0xE0802C), new Color(0x3A9A5B),
        new Color(0xB3413A)};
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color TEXT = new Color(0x333333);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Charts() {
    }

    /** A viewer for {@code chart} with the workbench's look, under a stable node id. */
    public static ChartViewer viewer(String id, JFreeChart chart) {
        style(chart);
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        v.getStyleClass().add("chart-viewer");
        v.setMinSize(200, 160);
        addExport(v, id);
        return v;
    }

    /**
     * Where an export goes: asks with a file chooser (owner window, suggested file name), or
     * null when the user cancels. Tests put a function here that answers without a dialog.
     */
    public static volatile BiFunction<Window, String, File> exportTarget = (owner, name) -> {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export chart");
        fc.setInitialFileName(name);
        String ext = name.substring(name.lastIndexOf('.') + 1);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(java.util.Locale.ROOT), "*." + ext));
        return fc.showSaveDialog(owner);
    };

    /** The viewer's menu gains Export as PNG and as SVG (JFreeSVG), at the size on screen. */
    private static void addExport(ChartViewer v, String id) {
        MenuItem png = new MenuItem("Export as PNG…");
        png.setId(id + "-export-png");
        png.setOnAction(e -> export(v, id + ".png", Charts::writePng));
        MenuItem svg = new MenuItem("Export as SVG…");
        svg.setId(id + "-export-svg");
        svg.setOnAction(e -> export(v, id + ".svg", Charts::writeSvg));
        v.getContextMenu().getItems().addAll(0, List.of(png, svg, new SeparatorMenuItem()));
    }

    private interface Writer {
        void write(JFreeChart chart, File file, int width, int height) throws IOException;
    }

    private static void export(ChartViewer v, String name, Writer w) {
        File f = exportTarget.apply(v.getScene() == null ? null : v.getScene().getWindow(), name);
        if (f == null) {
            return;
        }
        int width = Math.max(320, (int) v.getWidth());
        int height = Math.max(240, (int) v.getHeight());
        try {
            w.write(v.getChart(), f, width, height);
        } catch (IOException | RuntimeException ex) {
            Alert a = new Alert(Alert.AlertType.ERROR, "The chart could not be written to " + f + ": " + ex.getMessage());
            a.setHeaderText("Export failed");
            a.show();
        }
    }

    /** The chart as a PNG file. */
    public static void writePng(JFreeChart chart, File file, int width, int height) throws IOException {
        ChartUtils.saveChartAsPNG(file, chart, width, height);
    }

    /** The chart as an SVG file, drawn by JFreeSVG: vector, for papers and slides. */
    public static void writeSvg(JFreeChart chart, File file, int width, int height) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        SVGUtils.writeToSVG(file, g.getSVGElement());
    }

    /** Applies the look to a chart made by {@code ChartFactory}. */
    public static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE);
            title.setPaint(TEXT);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setItemFont(TICK);
            chart.getLegend().setBackgroundPaint(Color.WHITE);
        }
        Plot p = chart.getPlot();
        p.setBackgroundPaint(Color.WHITE);
        p.setOutlineVisible(false);
        p.setNoDataMessage("No data");
        p.setNoDataMessageFont(LABEL);
        if (p instanceof CategoryPlot c) {
            c.setRangeGridlinePaint(GRID);
            c.setRangeGridlineStroke(new BasicStroke(1f));
            c.setDomainGridlinesVisible(false);
            axis(c.getDomainAxis());
            for (int a = 0; a < c.getRangeAxisCount(); a++) {
                if (c.getRangeAxis(a) != null) {
                    axis(c.getRangeAxis(a));
                }
            }
            // Colours run on across renderers, so a second dataset's series does not repeat the first's.
            for (int r = 0; r < c.getRendererCount(); r++) {
                CategoryItemRenderer renderer = c.getRenderer(r);
                if (renderer instanceof BarRenderer bars) {
                    bars.setBarPainter(new StandardBarPainter());
                    bars.setShadowVisible(false);
                    bars.setDrawBarOutline(false);
                    bars.setItemMargin(0.05);
                    bars.setMaximumBarWidth(0.12);
                }
                for (int k = 0; renderer != null && k < SERIES.length; k++) {
                    renderer.setSeriesPaint(k, SERIES[(r + k) % SERIES.length]);
                    renderer.setSeriesStroke(k, new BasicStroke(2f));
                }
            }
        } else if (p instanceof XYPlot x) {
            x.setRangeGridlinePaint(GRID);
            x.setDomainGridlinePaint(GRID);
            x.setRangeGridlineStroke(new BasicStroke(1f));
            x.setDomainGridlineStroke(new BasicStroke(1f));
            axis(x.getDomainAxis());
            axis(x.getRangeAxis());
            // Colours run on across renderers, so a second dataset's series does not repeat the first's.
            for (int r = 0; r < x.getRendererCount(); r++) {
                XYItemRenderer renderer = x.getRenderer(r);
                if (renderer == null) {
                    continue;
                }
                for (int k = 0; k < SERIES.length; k++) {
                    Color c = SERIES[(r + k) % SERIES.length];
                    renderer.setSeriesPaint(k, renderer instanceof XYAreaRenderer
                            ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 150) : c);
                    renderer.setSeriesStroke(k, new BasicStroke(1.4f));
                }
            }
        }
    }

    private static void axis(Axis a) {
        a.setLabelFont(LABEL);
        a.setLabelPaint(TEXT);
        a.setTickLabelFont(TICK);
        a.setTickLabelPaint(TEXT);
        a.setAxisLinePaint(GRID);
        a.setTickMarkPaint(GRID);
    }

    /** Changes a chart's data with its change events off: one redraw, after the whole update. */
    public static void update(JFreeChart chart, Consumer<JFreeChart> change) {
        chart.setNotify(false);
        try {
            change.accept(chart);
        } finally {
            chart.setNotify(true);
        }
    }
}
