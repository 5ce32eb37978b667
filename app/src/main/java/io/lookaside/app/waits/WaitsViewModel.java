package io.lookaside.app.waits;

import io.lookaside.analysis.Durations;
import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.report.CaptureInfo;
import io.lookaside.report.OperationRow;
import io.lookaside.report.Report;
import io.lookaside.report.Totals;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wait-time view (what-if.md, "Wait-time report"): per operation count, errors, total, mean,
 * percentiles, maximum and bytes, as the report has them; the capture's wall-clock wait; where
 * the capture was taken and what its times include; and two charts whose data is binned on the
 * {@link TaskRunner} once per analysed session.
 */
public final class WaitsViewModel {
    static final String CHART_TASK = "waits.charts";

    private final TaskRunner runner;
    private final ObservableList<OperationRow> operations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper capturePoint = new ReadOnlyStringWrapper(this, "capturePoint", "");
    private final ReadOnlyObjectWrapper<WaitCharts> charts = new ReadOnlyObjectWrapper<>(this, "charts", WaitCharts.EMPTY);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public WaitsViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    /** Shows an analysed session, or nothing ({@code null}: no capture, or its analysis is still running). */
    public void show(Analyzed a) {
        runner.cancel(CHART_TASK);
        charts.set(WaitCharts.EMPTY);
        if (a == null) {
            operations.clear();
            summary.set("");
            capturePoint.set("");
            busy.set(false);
            return;
        }
        Report r = a.report();
        operations.setAll(r.operations());
        summary.set(summary(r));
        capturePoint.set(capturePoint(r.capture().capturePoint()));
        busy.set(true);
        runner.task(CHART_TASK, ctx -> WaitCharts.of(a, ctx))
                .onSuccess(c -> {
                    busy.set(false);
                    charts.set(c);
                })
                .start();
    }

    static String summary(Report r) {
        Totals t = r.totals();
        StringBuilder b = new StringBuilder();
        b.append("Wall-clock wait ").append(Durations.format(t.wallNanos()))
                .append(" in ").append(Durations.format(r.capture().durationNanos())).append(" of capture");
        b.append("  ·  request→reply times add up to ").append(Durations.format(t.waitNanos()));
        b.append("  ·  ").append(count(t.requests(), "request"))
                .append(String.format(Locale.ROOT, ", %,d answered, ", t.answered())).append(count(t.errors(), "error"));
        b.append("  ·  ").append(count(t.requesters(), "requester"));
        return b.toString();
    }

    static String capturePoint(CaptureInfo.CapturePoint p) {
        StringBuilder b = new StringBuilder();
        b.append(switch (p.kind()) {
            case "network" -> "Captured on the network. ";
            case "guest-nic" -> "Captured on the guest's network card. ";
            case "host-loopback" -> "Captured on the host's loopback. ";
            case "daemon" -> "Captured in the FUSE daemon. ";
            case "kernel" -> "Captured in the kernel. ";
            default -> "";
        });
        b.append(p.includes());
        for (String c : p.caveats()) {
            b.append("\n•  ").append(c);
        }
        return b.toString();
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** A count with thousands separators. */
    public String count(Number n) {
        return String.format(Locale.ROOT, "%,d", n.longValue());
    }

    /** A wait as the table shows it: {@code 163 µs}, {@code 45.6 ms}. */
    public String duration(long nanos) {
        return Durations.format(nanos);
    }

    /** Bytes moved, in binary units; empty for operations that move no file data. */
    public String bytes(long n) {
        if (n <= 0) {
            return "";
        }
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n / 1024.0;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }

    /** The errors of an operation by name, most frequent first: {@code ENOENT 454, EACCES 3}. */
    public String errors(OperationRow o) {
        StringJoiner j = new StringJoiner(", ");
        o.errors().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> j.add(e.getKey() + " " + e.getValue()));
        return j.toString();
    }

    public ObservableList<OperationRow> operations() {
        return operations;
    }

    /** The capture's wait in one line: wall-clock wait, sum of waits, requests, errors, requesters. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Where the capture was taken and what its times include (what-if.md: "where the capture was taken matters"). */
    public ReadOnlyStringProperty capturePointProperty() {
        return capturePoint.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WaitCharts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    /** True while the charts' data is being binned. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
