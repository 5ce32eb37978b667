package io.lookaside.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A report as one CSV file of several tables (docs/report-schema.md, "CSV"): capture, operations,
 * paths, whatif, sweep, profiles, profile_counts, findings, in that order, separated by a blank
 * line. The first column of every row, header included, names its table, so each table can be
 * cut out by filtering on it and every table is rectangular. RFC 4180 quoting, CRLF, UTF-8.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static void write(Report r, OutputStream stream) throws IOException {
        Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        Csv csv = new Csv(w);
        capture(csv, r);
        csv.blank();
        operations(csv, r);
        csv.blank();
        paths(csv, r);
        csv.blank();
        whatIf(csv, r);
        csv.blank();
        sweep(csv, r);
        csv.blank();
        profiles(csv, r);
        csv.blank();
        profileCounts(csv, r);
        csv.blank();
        findings(csv, r);
        w.flush();
    }

    private static void capture(Csv csv, Report r) throws IOException {
        CaptureInfo c = r.capture();
        Totals t = r.totals();
        csv.row("capture", "key", "value");
        csv.row("capture", "schema", r.schema());
        csv.row("capture", "file", c.file());
        csv.row("capture", "source_kind", c.sourceKind());
        csv.row("capture", "capture_point", c.capturePoint().kind());
        csv.row("capture", "protocols", String.join(" ", c.protocols()));
        csv.row("capture", "dialects", String.join(" ", c.dialects()));
        csv.row("capture", "connections", c.connectionCount());
        csv.row("capture", "messages", c.messages());
        csv.row("capture", "duration_ns", c.durationNanos());
        csv.row("capture", "requests", t.requests());
        csv.row("capture", "answered", t.answered());
        csv.row("capture", "errors", t.errors());
        csv.row("capture", "wait_ns", t.waitNanos());
        csv.row("capture", "wall_ns", t.wallNanos());
        csv.row("capture", "requesters", t.requesters());
        csv.row("capture", "paths_known", t.pathsKnown());
    }

    static void operations(Csv csv, Report r) throws IOException {
        csv.row("operations", "op", "count", "answered", "errors", "errors_by_name", "total_ns", "mean_ns", "p50_ns",
                "p90_ns", "p99_ns", "max_ns", "bytes");
        for (OperationRow o : r.operations()) {
            csv.row("operations", o.op(), o.count(), o.answered(), o.errorCount(), counts(o.errors()), o.totalNanos(),
                    o.meanNanos(), o.p50Nanos(), o.p90Nanos(), o.p99Nanos(), o.maxNanos(), o.bytes());
        }
    }

    private static void paths(Csv csv, Report r) throws IOException {
        csv.row("paths", "path", "count", "errors", "total_ns", "mean_ns", "max_ns", "ops");
        for (PathRow p : r.paths()) {
            csv.row("paths", p.path(), p.count(), p.errors(), p.totalNanos(), p.meanNanos(), p.maxNanos(), counts(p.ops()));
        }
    }

    static void whatIf(Csv csv, Report r) throws IOException {
        csv.row("whatif", "model", "title", "windowed", "applicable", "saved_round_trips", "saved_rtt_ns", "saved_wall_ns",
                "stale_hits", "projected_wall_ns", "removed_by_type", "evidence_frames", "assumptions", "remarks");
        for (Map.Entry<String, WhatIfEntry> e : r.whatIf().entrySet()) {
            WhatIfEntry m = e.getValue();
            csv.row("whatif", e.getKey(), m.title(), m.windowed(), m.applicable(), m.savedRoundTrips(),
                    m.savedRttNanos(), m.savedWallNanos(), m.staleHits(), m.projectedWallNanos(), counts(m.removedByType()),
                    numbers(m.evidence().frames()), m.assumptions(), String.join("\n", m.remarks()));
        }
    }

    private static void sweep(Csv csv, Report r) throws IOException {
        csv.row("sweep", "model", "window", "window_ns", "saved_round_trips", "saved_rtt_ns", "saved_wall_ns",
                "stale_hits", "projected_wall_ns");
        for (Map.Entry<String, WhatIfEntry> e : r.whatIf().entrySet()) {
            for (WhatIfEntry.SweepPoint p : e.getValue().sweep()) {
                csv.row("sweep", e.getKey(), p.window(), p.windowNanos(), p.savedRoundTrips(), p.savedRttNanos(),
                        p.savedWallNanos(), p.staleHits(), p.projectedWallNanos());
            }
        }
    }

    private static void profiles(Csv csv, Report r) throws IOException {
        csv.row("profiles", "profile", "title", "protocol", "steps", "applicable", "saved_round_trips", "saved_rtt_ns",
                "saved_wall_ns", "stale_hits", "predicted_wait_ns", "remarks");
        for (Map.Entry<String, ProfileEntry> e : r.profiles().entrySet()) {
            ProfileEntry p = e.getValue();
            StringJoiner steps = new StringJoiner(" ");
            p.steps().forEach(st -> steps.add(st.model() + "@" + st.window()));
            csv.row("profiles", e.getKey(), p.title(), p.protocol(), steps, p.applicable(), p.savedRoundTrips(),
                    p.savedRttNanos(), p.savedWallNanos(), p.staleHits(), p.predictedWaitNanos(),
                    String.join("\n", p.remarks()));
        }
    }

    private static void profileCounts(Csv csv, Report r) throws IOException {
        csv.row("profile_counts", "profile", "type", "predicted_count");
        for (Map.Entry<String, ProfileEntry> e : r.profiles().entrySet()) {
            if (e.getValue().predictedCounts() == null) {
                continue;
            }
            for (Map.Entry<String, Long> c : e.getValue().predictedCounts().entrySet()) {
                csv.row("profile_counts", e.getKey(), c.getKey(), c.getValue());
            }
        }
    }

    private static void findings(Csv csv, Report r) throws IOException {
        csv.row("findings", "rule", "title", "severity", "score", "summary", "fix", "wait_ns", "evidence_frames",
                "evidence_paths");
        for (FindingEntry f : r.findings()) {
            csv.row("findings", f.rule(), f.title(), f.severity(), f.score(), f.summary(), f.fix(), f.waitNanos(),
                    numbers(f.evidence().frames()), String.join("\n", f.evidence().paths()));
        }
    }

    /** "ENOENT=454; EOPNOTSUPP=63" (a 9P2000 ename may hold spaces, so "; " separates). */
    static String counts(Map<String, Long> m) {
        StringJoiner j = new StringJoiner("; ");
        m.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    static String numbers(java.util.List<? extends Number> l) {
        StringJoiner j = new StringJoiner(" ");
        l.forEach(n -> j.add(n.toString()));
        return j.toString();
    }
}
