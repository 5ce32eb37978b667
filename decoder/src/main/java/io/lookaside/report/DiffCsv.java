package io.lookaside.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A diff as one CSV file of tables separated by a blank line (as {@link ReportCsv}): totals,
 * operations, whatif, profiles, findings. Columns {@code *_a}, {@code *_b} and {@code *_delta} (B − A);
 * a cell is empty where a side lacks the value.
 */
public final class DiffCsv {
    private DiffCsv() {
    }

    public static void write(Diff d, OutputStream stream) throws IOException {
        Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        Csv csv = new Csv(w);
        csv.row("totals", "key", "a", "b", "delta");
        csv.row("totals", "file", d.a().capture().file(), d.b().capture().file(), null);
        row(csv, "totals", "requests", d.totals().requests());
        row(csv, "totals", "errors", d.totals().errors());
        row(csv, "totals", "wait_ns", d.totals().waitNanos());
        row(csv, "totals", "wall_ns", d.totals().wallNanos());
        csv.blank();
        csv.row("operations", "op", "count_a", "count_b", "count_delta", "total_ns_a", "total_ns_b", "total_ns_delta",
                "mean_ns_a", "mean_ns_b", "mean_ns_delta");
        for (Diff.Operation o : d.operations()) {
            csv.row("operations", o.op(), o.count().a(), o.count().b(), o.count().delta(), o.totalNanos().a(),
                    o.totalNanos().b(), o.totalNanos().delta(), o.meanNanos().a(), o.meanNanos().b(), o.meanNanos().delta());
        }
        csv.blank();
        csv.row("whatif", "model", "title", "saved_round_trips_a", "saved_round_trips_b", "saved_wall_ns_a",
                "saved_wall_ns_b", "stale_hits_a", "stale_hits_b", "projected_wall_ns_a", "projected_wall_ns_b");
        for (Map.Entry<String, Diff.Model> e : d.whatIf().entrySet()) {
            Diff.Model m = e.getValue();
            csv.row("whatif", e.getKey(), m.title(), m.savedRoundTrips().a(), m.savedRoundTrips().b(),
                    m.savedWallNanos().a(), m.savedWallNanos().b(), m.staleHits().a(), m.staleHits().b(),
                    m.projectedWallNanos().a(), m.projectedWallNanos().b());
        }
        csv.blank();
        csv.row("profiles", "profile", "title", "saved_round_trips_a", "saved_round_trips_b", "saved_wall_ns_a",
                "saved_wall_ns_b", "predicted_wait_ns_a", "predicted_wait_ns_b");
        for (Map.Entry<String, Diff.ProfileDelta> e : d.profiles().entrySet()) {
            Diff.ProfileDelta p = e.getValue();
            csv.row("profiles", e.getKey(), p.title(), p.savedRoundTrips().a(), p.savedRoundTrips().b(),
                    p.savedWallNanos().a(), p.savedWallNanos().b(), p.predictedWaitNanos().a(), p.predictedWaitNanos().b());
        }
        csv.blank();
        csv.row("findings", "side", "rule", "severity", "score", "summary");
        for (FindingEntry f : d.a().findings()) {
            csv.row("findings", "a", f.rule(), f.severity(), f.score(), f.summary());
        }
        for (FindingEntry f : d.b().findings()) {
            csv.row("findings", "b", f.rule(), f.severity(), f.score(), f.summary());
        }
        w.flush();
    }

    private static void row(Csv csv, String section, String key, Diff.Delta d) throws IOException {
        csv.row(section, key, d.a(), d.b(), d.delta());
    }
}
