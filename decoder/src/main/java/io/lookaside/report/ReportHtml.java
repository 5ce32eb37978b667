package io.lookaside.report;

import static io.lookaside.report.Html.d;
import static io.lookaside.report.Html.esc;
import static io.lookaside.report.Html.n;
import static io.lookaside.report.Html.pct;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A report as one self-contained HTML page: the style sheet inline, every chart an inline SVG,
 * no script and nothing fetched from anywhere. Sections: summary, capture point, findings,
 * operations, what-if, profiles, paths, diagnostics.
 */
public final class ReportHtml {
    /** Operations drawn in the charts; the table lists them all. */
    static final int CHART_OPS = 14;

    private ReportHtml() {
    }

    public static void write(Report r, OutputStream out) throws IOException {
        out.write(render(r).getBytes(StandardCharsets.UTF_8));
    }

    static String render(Report r) {
        StringBuilder b = new StringBuilder(64 * 1024);
        CaptureInfo c = r.capture();
        String sub = "<b>" + esc(c.file()) + "</b> · " + esc(c.sourceKind())
                + (c.dialects().isEmpty() ? "" : " · " + esc(String.join(", ", c.dialects())))
                + " · " + n(c.messages()) + " messages · " + n(c.connectionCount()) + " connection"
                + (c.connectionCount() == 1 ? "" : "s") + " · " + d(c.durationNanos()) + " captured";
        HtmlPage.open(b, "Lookaside report · " + c.file(), "Wait-time report", sub);
        b.append("<nav class=\"toc\"><a href=\"#findings\">Findings</a><a href=\"#operations\">Operations</a>")
                .append("<a href=\"#whatif\">What-if</a><a href=\"#profiles\">Profiles</a><a href=\"#paths\">Paths</a>")
                .append("<a href=\"#capture\">Capture</a></nav>\n");
        summary(b, r);
        findings(b, r);
        operations(b, r);
        whatIf(b, r);
        profiles(b, r);
        paths(b, r);
        capture(b, r);
        HtmlPage.close(b, r.schema());
        return b.toString();
    }

    private static void summary(StringBuilder b, Report r) {
        Totals t = r.totals();
        b.append("<div class=\"cards\" id=\"summary\">");
        card(b, "", "Wall-clock wait", d(t.wallNanos()),
                "time with a request outstanding; sum of request waits " + d(t.waitNanos()));
        card(b, "", "Requests", n(t.requests()),
                n(t.answered()) + " answered · " + n(t.errors()) + " errors · " + n(t.requesters()) + " requester"
                        + (t.requesters() == 1 ? "" : "s"));
        Best best = best(r);
        if (best != null) {
            card(b, "good", "Best what-if", "−" + d(best.saved), "would wait " + d(t.wallNanos() - best.saved)
                    + " instead of " + d(t.wallNanos()) + " · " + best.title);
        } else {
            card(b, "", "Best what-if", "–", "no what-if model applies to this capture");
        }
        long warnings = r.findings().stream().filter(f -> f.severity().equals("WARNING")).count();
        long infos = r.findings().stream().filter(f -> f.severity().equals("INFO")).count();
        card(b, "", "Findings", n(warnings) + " warning" + (warnings == 1 ? "" : "s"),
                n(infos) + " info · " + n(r.findings().size() - warnings - infos) + " ok");
        b.append("</div>\n");
    }

    private record Best(String title, long saved) {
    }

    /** The largest saved wall-clock wait of any profile or model at window ∞. */
    private static Best best(Report r) {
        Best best = null;
        for (ProfileEntry p : r.profiles().values()) {
            if (p.applicable() && (best == null || p.savedWallNanos() > best.saved)) {
                best = new Best("profile " + p.title(), p.savedWallNanos());
            }
        }
        for (WhatIfEntry m : r.whatIf().values()) {
            if (m.applicable() && (best == null || m.savedWallNanos() > best.saved)) {
                best = new Best(m.title(), m.savedWallNanos());
            }
        }
        return best;
    }

    private static void card(StringBuilder b, String cls, String k, String v, String s) {
        b.append("<div class=\"card ").append(cls).append("\"><div class=\"k\">").append(esc(k)).append("</div><div class=\"v\">")
                .append(esc(v)).append("</div><div class=\"s\">").append(esc(s)).append("</div></div>");
    }

    private static void findings(StringBuilder b, Report r) {
        b.append("<section id=\"findings\"><h2>Findings</h2><p class=\"lead\">Automated checks, highest score first. "
                + "Scores run 0–100; 25 and above is worth a look (info), 75 and above costs real wait (warning).</p>\n");
        if (r.findings().isEmpty()) {
            b.append("<p class=\"empty\">No rule applies to this capture.</p>");
        }
        for (FindingEntry f : r.findings()) {
            b.append("<article class=\"finding s-").append(esc(f.severity().replace("/", ""))).append("\" id=\"finding-").append(esc(f.rule()))
                    .append("\"><div>").append(Charts.scoreRing(f.score(), color(f.severity()))).append("</div><div>");
            b.append("<h3>").append(esc(f.title())).append("<span class=\"sev sev-").append(esc(f.severity().replace("/", ""))).append("\">")
                    .append(esc(f.severity())).append("</span></h3>");
            b.append("<p>").append(esc(f.summary())).append("</p>");
            if (!f.explanation().isEmpty() || !f.fix().isEmpty()) {
                b.append("<details").append(f.severity().equals("WARNING") ? " open" : "").append("><summary>Why it matters and what to change</summary>");
                b.append("<p>").append(esc(f.explanation())).append("</p>");
                if (!f.fix().isEmpty()) {
                    b.append("<p class=\"fix\"><b>Fix:</b> ").append(esc(f.fix())).append("</p>");
                }
                evidence(b, f.evidence());
                b.append("</details>");
            }
            b.append("</div></article>\n");
        }
        b.append("</section>\n");
    }

    /** The models whose savings the report must make visible even when small: negative entries and symlinks. */
    static final java.util.Set<String> HEADLINE_MODELS = java.util.Set.of("negative-dentry", "symlink",
            "fuse-negative-entry", "fuse-cache-symlinks");

    static String color(String severity) {
        return switch (severity) {
            case "WARNING" -> "#dc2626";
            case "INFO" -> "#d97706";
            case "N/A" -> "#6b7280";
            default -> "#16a34a";
        };
    }

    private static void evidence(StringBuilder b, EvidenceRefs e) {
        if (!e.frames().isEmpty()) {
            b.append("<p class=\"dim\">Frames: <span class=\"mono\">").append(esc(ReportCsv.numbers(e.frames())))
                    .append("</span></p>");
        }
        if (!e.fids().isEmpty()) {
            b.append("<p class=\"dim\">Fids: <span class=\"mono\">").append(esc(ReportCsv.numbers(e.fids()))).append("</span></p>");
        }
        if (!e.nodeids().isEmpty()) {
            b.append("<p class=\"dim\">Nodeids: <span class=\"mono\">").append(esc(ReportCsv.numbers(e.nodeids())))
                    .append("</span></p>");
        }
        if (!e.paths().isEmpty()) {
            b.append("<p class=\"dim\">Paths: ");
            for (String p : e.paths()) {
                b.append("<span class=\"tag mono\">").append(esc(p)).append("</span>");
            }
            b.append("</p>");
        }
    }

    private static void operations(StringBuilder b, Report r) {
        b.append("<section id=\"operations\"><h2>Operations</h2><p class=\"lead\">Wait per request type: reply time − "
                + "request time, as measured at the capture point.</p>\n");
        if (r.operations().isEmpty()) {
            b.append("<p class=\"empty\">No requests in this capture.</p></section>\n");
            return;
        }
        List<OperationRow> top = r.operations().stream().limit(CHART_OPS).toList();
        long total = r.totals().waitNanos();
        List<Charts.Bar> bars = new ArrayList<>();
        for (OperationRow o : top) {
            bars.add(new Charts.Bar(o.op(), o.totalNanos(), d(o.totalNanos()) + " · " + n(o.count()) + " × " + d(o.meanNanos()),
                    o.op() + ": " + n(o.count()) + " requests, total " + d(o.totalNanos()) + " (" + pct(o.totalNanos(), total)
                            + " of all request wait), mean " + d(o.meanNanos())));
        }
        b.append("<h3 class=\"dim\" style=\"font-size:13px;margin:10px 0 0\">Total wait by operation</h3>");
        b.append(Charts.bars(bars, "#0072B2", "Total wait by operation"));
        List<Charts.Spread> spreads = top.stream().filter(o -> o.answered() > 0)
                .map(o -> new Charts.Spread(o.op(), o.p50Nanos(), o.p90Nanos(), o.p99Nanos(), o.maxNanos())).toList();
        b.append("<h3 class=\"dim\" style=\"font-size:13px;margin:10px 0 0\">Latency spread (log scale)</h3>");
        b.append(Charts.latency(spreads, "Latency percentiles by operation"));
        b.append("<div class=\"scroll\"><table><thead><tr><th class=\"l\">Operation</th><th>Count</th><th>Errors</th>"
                + "<th>Total</th><th>Share</th><th>Mean</th><th>p50</th><th>p90</th><th>p99</th><th>Max</th><th>Bytes</th></tr></thead><tbody>");
        for (OperationRow o : r.operations()) {
            b.append("<tr><td class=\"l mono\">").append(esc(o.op())).append("</td><td>").append(n(o.count()));
            if (o.answered() < o.count()) {
                b.append(" <span class=\"dim\">(").append(n(o.count() - o.answered())).append(" unanswered)</span>");
            }
            b.append("</td><td class=\"wrap\">");
            if (o.errors().isEmpty()) {
                b.append("<span class=\"dim\">–</span>");
            }
            for (Map.Entry<String, Long> e : o.errors().entrySet()) {
                b.append("<span class=\"err\">").append(esc(e.getKey())).append("</span> ").append(n(e.getValue())).append("<br>");
            }
            if (o.answered() == 0) {
                b.append("</td><td colspan=\"7\" class=\"dim\">no reply expected or captured</td><td>");
            } else {
                b.append("</td><td>").append(d(o.totalNanos())).append("</td><td>").append(pct(o.totalNanos(), total))
                        .append("</td><td>").append(d(o.meanNanos())).append("</td><td>").append(d(o.p50Nanos()))
                        .append("</td><td>").append(d(o.p90Nanos())).append("</td><td>").append(d(o.p99Nanos()))
                        .append("</td><td>").append(d(o.maxNanos())).append("</td><td>");
            }
            b.append(o.bytes() > 0 ? Html.bytes(o.bytes()) : "<span class=\"dim\">–</span>").append("</td></tr>");
        }
        b.append("</tbody></table></div></section>\n");
    }

    private static void whatIf(StringBuilder b, Report r) {
        long base = r.totals().wallNanos();
        b.append("<section id=\"whatif\"><h2>What-if</h2><p class=\"lead\">What each cache or protocol change would have "
                + "saved on this capture, at window ∞ (answers kept until invalidated). Blue: the wall-clock wait that "
                + "would remain; green: what the change saves of today's ").append(d(base)).append(".</p>\n");
        if (r.whatIf().isEmpty()) {
            b.append("<p class=\"empty\">No what-if model applies to this capture.</p></section>\n");
            return;
        }
        List<Map.Entry<String, WhatIfEntry>> models = new ArrayList<>();
        List<Map.Entry<String, WhatIfEntry>> cannot = new ArrayList<>();
        r.whatIf().entrySet().forEach(e -> (e.getValue().applicable() ? models : cannot).add(e));
        models.sort(Comparator.comparingLong((Map.Entry<String, WhatIfEntry> e) -> e.getValue().savedWallNanos()).reversed());
        if (!models.isEmpty()) {
            List<Charts.Remaining> rows = new ArrayList<>();
            for (Map.Entry<String, WhatIfEntry> e : models) {
                WhatIfEntry m = e.getValue();
                rows.add(new Charts.Remaining(e.getKey(), base, m.projectedWallNanos(), m.title() + ": would wait "
                        + d(m.projectedWallNanos()) + " instead of " + d(base) + "; " + n(m.savedRoundTrips())
                        + " round trips saved"));
            }
            b.append(Charts.remaining(rows, "Wall-clock wait with each change"));
            // The same savings on their own axis: a change that saves 20 ms of 4 s is a sliver above, a bar here.
            List<Charts.Bar> saved = new ArrayList<>();
            for (Map.Entry<String, WhatIfEntry> e : models) {
                WhatIfEntry m = e.getValue();
                saved.add(new Charts.Bar(e.getKey(), m.savedWallNanos(), d(m.savedWallNanos()) + " ("
                        + pct(m.savedWallNanos(), base) + ") · " + n(m.savedRoundTrips()) + " round trips",
                        m.title()));
            }
            b.append("<h3 class=\"dim\" style=\"font-size:13px;margin:10px 0 0\">Saved wall-clock wait, on its own axis</h3>");
            b.append(Charts.bars(saved, "#009E73", "Saved wall-clock wait per change"));
            List<String> windows = models.get(0).getValue().sweep().stream().map(WhatIfEntry.SweepPoint::window).toList();
            List<Charts.Series> series = new ArrayList<>();
            for (Map.Entry<String, WhatIfEntry> e : models) {
                if (e.getValue().windowed() && series.size() < Charts.PALETTE.length) {
                    series.add(new Charts.Series(e.getKey(),
                            e.getValue().sweep().stream().map(WhatIfEntry.SweepPoint::savedWallNanos).toList()));
                }
            }
            if (!series.isEmpty()) {
                b.append("<h3 class=\"dim\" style=\"font-size:13px;margin:10px 0 0\">Saved wall-clock wait by cache window, "
                        + "each model on its own scale (negative entries and symlinks outlined)</h3>");
                b.append(Charts.sweepMultiples(windows, series, HEADLINE_MODELS, "Saved wait over the window sweep, one "
                        + "chart per model on its own scale"));
            }
        }
        b.append("<div class=\"scroll\"><table><thead><tr><th class=\"l\">Model</th><th>Round trips saved</th><th>RTT saved</th>"
                + "<th>Wall saved</th><th>Stale hits</th><th>Would wait</th><th class=\"l\">Sweep 0 → ∞</th></tr></thead><tbody>");
        for (Map.Entry<String, WhatIfEntry> e : models) {
            WhatIfEntry m = e.getValue();
            modelCell(b, e.getKey(), m);
            b.append("<td>").append(n(m.savedRoundTrips())).append("</td><td>").append(d(m.savedRttNanos()))
                    .append("</td><td class=\"pos\">").append(d(m.savedWallNanos())).append(" <span class=\"dim\">(")
                    .append(pct(m.savedWallNanos(), base)).append(")</span></td><td")
                    .append(m.staleHits() > 0 ? " class=\"neg\"" : "").append(">").append(n(m.staleHits()))
                    .append("</td><td>").append(d(m.projectedWallNanos())).append("</td><td class=\"l\">");
            if (m.windowed()) {
                b.append(Charts.sparkline(m.sweep().stream().map(WhatIfEntry.SweepPoint::savedWallNanos).toList(),
                        "saved wait from window 0 to infinity"));
            } else {
                b.append("<span class=\"dim\">any window</span>");
            }
            b.append("</td></tr>");
        }
        for (Map.Entry<String, WhatIfEntry> e : cannot) {
            modelCell(b, e.getKey(), e.getValue());
            b.append("<td colspan=\"6\" class=\"l dim\">cannot run on this capture</td></tr>");
        }
        b.append("</tbody></table></div>");
        for (Map.Entry<String, WhatIfEntry> e : models) {
            WhatIfEntry m = e.getValue();
            b.append("<div class=\"model\" id=\"model-").append(esc(e.getKey())).append("\"><h3>").append(esc(m.title()))
                    .append("</h3><p>This workload would wait <b>").append(d(m.projectedWallNanos())).append("</b> instead of <b>")
                    .append(d(base)).append("</b>: ").append(n(m.savedRoundTrips())).append(" round trips (")
                    .append(d(m.savedRttNanos())).append(" of request wait) off the critical path");
            if (m.staleHits() > 0) {
                b.append("; <span class=\"neg\">").append(n(m.staleHits())).append(" cached answers would have been stale</span>");
            }
            b.append(".</p><p class=\"dim\">").append(esc(m.assumptions())).append("</p>");
            remarks(b, m.remarks());
            if (!m.removedByType().isEmpty()) {
                b.append("<p class=\"dim\">Removed: ").append(esc(ReportCsv.counts(m.removedByType()))).append("</p>");
            }
            if (m.windowed()) {
                b.append("<p class=\"dim\">Sweep: ");
                for (WhatIfEntry.SweepPoint p : m.sweep()) {
                    b.append("<span class=\"tag\">").append(esc(p.window().equals("inf") ? "∞" : p.window())).append(" → ")
                            .append(d(p.savedWallNanos())).append("</span>");
                }
                b.append("</p>");
            }
            evidence(b, m.evidence());
            b.append("</div>");
        }
        // Models that cannot run usually share one reason (headers only): say it once per reason.
        Map<List<String>, List<Map.Entry<String, WhatIfEntry>>> byReason = new java.util.LinkedHashMap<>();
        cannot.forEach(e -> byReason.computeIfAbsent(e.getValue().remarks(), k -> new ArrayList<>()).add(e));
        for (Map.Entry<List<String>, List<Map.Entry<String, WhatIfEntry>>> g : byReason.entrySet()) {
            b.append("<div class=\"model\">");
            for (Map.Entry<String, WhatIfEntry> e : g.getValue()) {
                b.append("<span id=\"model-").append(esc(e.getKey())).append("\"></span>");
            }
            b.append("<h3>Cannot run on this capture: <span class=\"dim\">")
                    .append(esc(String.join(", ", g.getValue().stream().map(e -> e.getValue().title()).toList())))
                    .append("</span></h3>");
            remarks(b, g.getKey());
            b.append("</div>");
        }
        b.append("</section>\n");
    }

    private static void modelCell(StringBuilder b, String id, WhatIfEntry m) {
        b.append("<tr><td class=\"l wrap\"><a href=\"#model-").append(esc(id)).append("\">").append(esc(m.title()))
                .append("</a><br><span class=\"dim mono\">").append(esc(id)).append("</span></td>");
    }

    /** A model's or profile's remarks on this capture, as a short list. */
    private static void remarks(StringBuilder b, List<String> remarks) {
        if (!remarks.isEmpty()) {
            b.append("<ul class=\"remarks\">");
            remarks.forEach(x -> b.append("<li>").append(esc(x)).append("</li>"));
            b.append("</ul>");
        }
    }

    private static void profiles(StringBuilder b, Report r) {
        long base = r.totals().wallNanos();
        b.append("<section id=\"profiles\"><h2>Profiles</h2><p class=\"lead\">Named combinations of the models that match "
                + "real configurations; a message two models remove counts once.</p>\n");
        if (r.profiles().isEmpty()) {
            b.append("<p class=\"empty\">No profile applies to this capture.</p></section>\n");
            return;
        }
        List<Charts.Remaining> rows = new ArrayList<>();
        r.profiles().forEach((id, p) -> {
            if (p.applicable()) {
                rows.add(new Charts.Remaining(id, base, p.predictedWaitNanos(),
                        p.title() + ": would wait " + d(p.predictedWaitNanos()) + " instead of " + d(base)));
            }
        });
        if (!rows.isEmpty()) {
            b.append(Charts.remaining(rows, "Wall-clock wait with each profile"));
        }
        Map<String, Long> real = r.capture().messageCounts();
        b.append("<div class=\"scroll\"><table><thead><tr><th class=\"l\">Profile</th><th>Would wait</th><th>Saved</th>"
                + "<th>Round trips saved</th><th>Stale hits</th><th class=\"l\">Messages that change</th></tr></thead><tbody>");
        for (Map.Entry<String, ProfileEntry> e : r.profiles().entrySet()) {
            ProfileEntry p = e.getValue();
            b.append("<tr><td class=\"l wrap\"><b>").append(esc(p.title())).append("</b><br><span class=\"dim mono\">")
                    .append(esc(e.getKey())).append("</span><br><span class=\"dim\">").append(esc(p.description()))
                    .append("</span>");
            remarks(b, p.remarks());
            b.append("</td>");
            if (!p.applicable()) {
                b.append("<td colspan=\"5\" class=\"l dim\">cannot run on this capture</td></tr>");
                continue;
            }
            b.append("<td>").append(d(p.predictedWaitNanos())).append("</td><td class=\"pos\">")
                    .append(d(p.savedWallNanos())).append(" <span class=\"dim\">(").append(pct(p.savedWallNanos(), base))
                    .append(")</span></td><td>").append(n(p.savedRoundTrips())).append("</td><td>").append(n(p.staleHits()))
                    .append("</td><td class=\"l wrap mono\">");
            boolean any = false;
            for (Map.Entry<String, Long> c : p.predictedCounts().entrySet()) {
                long was = real.getOrDefault(c.getKey(), 0L);
                if (was != c.getValue()) {
                    b.append(esc(c.getKey())).append(' ').append(n(was)).append(" → ").append(n(c.getValue())).append("<br>");
                    any = true;
                }
            }
            if (!any) {
                b.append("<span class=\"dim\">none</span>");
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table></div></section>\n");
    }

    private static void paths(StringBuilder b, Report r) {
        b.append("<section id=\"paths\"><h2>Paths</h2><p class=\"lead\">The paths with the most wait (")
                .append(n(r.totals().pathsKnown())).append(" of ").append(n(r.totals().requests()))
                .append(" requests have a known path).</p>\n");
        if (r.paths().isEmpty()) {
            b.append("<p class=\"empty\">No request could be attributed to a path.</p></section>\n");
            return;
        }
        b.append("<div class=\"scroll\"><table><thead><tr><th class=\"l\">Path</th><th>Requests</th><th>Errors</th><th>Total</th>"
                + "<th>Mean</th><th>Max</th><th class=\"l\">Operations</th></tr></thead><tbody>");
        for (PathRow p : r.paths()) {
            b.append("<tr><td class=\"l wrap mono\">").append(esc(p.path())).append("</td><td>").append(n(p.count()))
                    .append("</td><td").append(p.errors() > 0 ? " class=\"err\"" : "").append(">").append(n(p.errors()))
                    .append("</td><td>").append(d(p.totalNanos())).append("</td><td>").append(d(p.meanNanos()))
                    .append("</td><td>").append(d(p.maxNanos())).append("</td><td class=\"l wrap mono dim\">")
                    .append(esc(ReportCsv.counts(p.ops()))).append("</td></tr>");
        }
        b.append("</tbody></table></div></section>\n");
    }

    private static void capture(StringBuilder b, Report r) {
        CaptureInfo c = r.capture();
        b.append("<section id=\"capture\"><h2>Capture</h2>");
        b.append("<div class=\"callout\"><b>Measured at: ").append(esc(c.capturePoint().kind())).append(".</b> ")
                .append(esc(c.capturePoint().includes()));
        if (!c.capturePoint().caveats().isEmpty()) {
            b.append("<ul>");
            c.capturePoint().caveats().forEach(s -> b.append("<li>").append(esc(s)).append("</li>"));
            b.append("</ul>");
        }
        b.append("</div>");
        b.append("<table style=\"margin-top:12px\"><tbody>");
        row(b, "File", c.file());
        row(b, "Input", c.sourceKind() + (c.truncated() ? " (truncated: decoded up to the cut)" : ""));
        row(b, "Protocols", String.join(", ", c.protocols()) + " · " + String.join(", ", c.dialects()));
        row(b, "Messages", n(c.messages()) + " in " + d(c.durationNanos()));
        for (CaptureInfo.ConnectionRow conn : c.connections()) {
            row(b, "Connection", conn.id() + " · " + conn.protocol() + " · " + n(conn.messages()) + " messages");
        }
        if (c.connectionCount() > c.connections().size()) {
            row(b, "Connections", n(c.connectionCount() - c.connections().size()) + " more");
        }
        b.append("</tbody></table>");
        if (c.diagnosticCount() > 0) {
            b.append("<h3 style=\"font-size:14px;margin:14px 0 4px\">Diagnostics (").append(n(c.diagnosticCount())).append(")</h3><ul>");
            for (CaptureInfo.DiagnosticRow dr : c.diagnostics()) {
                b.append("<li><span class=\"").append(dr.severity().equals("info") ? "dim" : "err").append("\">")
                        .append(esc(dr.severity())).append("</span> ").append(dr.frame() > 0 ? "frame " + dr.frame() + ": " : "")
                        .append(esc(dr.text())).append("</li>");
            }
            b.append("</ul>");
        }
        b.append("</section>\n");
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><td class=\"l dim\" style=\"width:140px\">").append(esc(k)).append("</td><td class=\"l wrap\">")
                .append(esc(v)).append("</td></tr>");
    }
}
