package io.lookaside.app.waits;

import io.lookaside.analysis.Durations;
import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.TaskContext;
import io.lookaside.report.OperationRow;
import java.util.List;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * The datasets of the wait charts, built off the FX thread and handed to the charts whole, so a
 * chart never redraws half an update.
 *
 * @param byOperation   total wait per operation (ms), the largest first, at most {@link #TOP_OPERATIONS}
 * @param overTimeWall  wall-clock wait over time (ms per bin)
 * @param overTimeRtt   request→reply time over time (ms per bin; concurrent requests add up)
 * @param overTimeLabel the over-time chart's value axis, which names the bin width
 */
public record WaitCharts(CategoryDataset byOperation, XYDataset overTimeWall, XYDataset overTimeRtt, String overTimeLabel) {
    /** Operations shown as bars; the table lists them all. */
    public static final int TOP_OPERATIONS = 12;
    public static final String TOTAL_WAIT = "Total request→reply time";
    public static final String RTT_SERIES = "Request→reply time";
    public static final String WALL_SERIES = "Wall-clock wait";

    public static final WaitCharts EMPTY = new WaitCharts(new DefaultCategoryDataset(), new DefaultXYDataset(),
            new DefaultXYDataset(), "Wait (ms)");

    /** Runs off the FX thread; null once cancelled. */
    static WaitCharts of(Analyzed a, TaskContext ctx) {
        DefaultCategoryDataset ops = new DefaultCategoryDataset();
        List<OperationRow> rows = a.report().operations();
        for (OperationRow o : rows.subList(0, Math.min(TOP_OPERATIONS, rows.size()))) {
            if (o.totalNanos() > 0) {
                ops.addValue(o.totalNanos() / 1e6, TOTAL_WAIT, o.op());
            }
        }
        WaitTimeline t = WaitTimeline.of(a.session(), a.analysis().exchanges(), ctx);
        if (t == null) {
            return null;
        }
        DefaultXYDataset wall = new DefaultXYDataset();
        DefaultXYDataset rtt = new DefaultXYDataset();
        if (t.bins() > 0) {
            wall.addSeries(WALL_SERIES, new double[][] {t.seconds(), t.wallMillis()});
            rtt.addSeries(RTT_SERIES, new double[][] {t.seconds(), t.rttMillis()});
        }
        return new WaitCharts(ops, wall, rtt, "Wait per " + Durations.format(t.binNanos()) + " (ms)");
    }
}
