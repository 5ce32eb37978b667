package io.lookaside.report;

import static io.lookaside.report.Html.d;
import static io.lookaside.report.Html.esc;
import static io.lookaside.report.Html.n;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** A diff as one self-contained HTML page: totals, operations, what-if, profiles and findings of A and B side by side. */
public final class DiffHtml {
    static final String COLOR_A = "#0072B2";
    static final String COLOR_B = "#D55E00";

    private DiffHtml() {
    }

    public static void write(Diff diff, OutputStream out) throws IOException {
        out.write(render(diff).getBytes(StandardCharsets.UTF_8));
    }

    static String render(Diff diff) {
        StringBuilder b = new StringBuilder(64 * 1024);
        CaptureInfo a = diff.a().capture();
        CaptureInfo c = diff.b().capture();
        String sub = "<b>A</b> " + describe(a) + " · <b>B</b> " + describe(c);
        HtmlPage.open(b, "Lookaside diff · " + a.file() + " vs " + c.file(), "Wait-time comparison", sub);
        b.append("<nav class=\"toc\"><a href=\"#operations\">Operations</a><a href=\"#whatif\">What-if</a>")
                .append("<a href=\"#profiles\">Profiles</a><a href=\"#findings\">Findings</a>")
                .append("<a href=\"#capture\">Captures</a></nav>\n");
        b.append("<div class=\"cards\" id=\"summary\">");
        card(b, "Wall-clock wait", diff.totals().wallNanos(), Html::d);
        card(b, "Sum of request waits", diff.totals().waitNanos(), Html::d);
        card(b, "Requests", diff.totals().requests(), Html::n);
        card(b, "Errors", diff.totals().errors(), Html::n);
        b.append("</div>\n");
        operations(b, diff);
        whatIf(b, diff);
        profiles(b, diff);
        findings(b, diff);
        b.append("<section id=\"capture\"><h2>Captures</h2>");
        point(b, "A", a);
        point(b, "B", c);
        b.append("</section>\n");
        HtmlPage.close(b, diff.schema());
        return b.toString();
    }

    /** "file.pcap.gz (pcap, 9P2000.L)". */
    private static String describe(CaptureInfo c) {
        return esc(c.file()) + " (" + esc(c.sourceKind())
                + (c.dialects().isEmpty() ? "" : ", " + esc(String.join(", ", c.dialects()))) + ")";
    }

    private static void card(StringBuilder b, String k, Diff.Delta v, LongFunction<String> fmt) {
        b.append("<div class=\"card\"><div class=\"k\">").append(esc(k)).append("</div><div class=\"v\">")
                .append(esc(fmt.apply(v.b()))).append("</div><div class=\"s\">A ").append(esc(fmt.apply(v.a())))
                .append(" → B: ").append(delta(v, fmt)).append("</div></div>");
    }

    /** B − A, green when it went down (less wait, fewer requests), red when up, with the change in percent. */
    static String delta(Diff.Delta v, LongFunction<String> fmt) {
        if (v.delta() == null) {
            return "<span class=\"dim\">–</span>";
        }
        long dlt = v.delta();
        if (dlt == 0) {
            return "<span class=\"dim\">=</span>";
        }
        String cls = dlt < 0 ? "pos" : dlt > 0 ? "neg" : "dim";
        String sign = dlt > 0 ? "+" : dlt < 0 ? "−" : "±";
        String pct = v.a() != null && v.a() != 0 ? " (" + sign + Html.pct(Math.abs(dlt), v.a()) + ")" : "";
        return "<span class=\"" + cls + "\">" + sign + esc(fmt.apply(Math.abs(dlt))) + esc(pct) + "</span>";
    }

    private static String cell(Long v, LongFunction<String> fmt) {
        return v == null ? "<span class=\"dim\">–</span>" : esc(fmt.apply(v));
    }

    private static void operations(StringBuilder b, Diff diff) {
        b.append("<section id=\"operations\"><h2>Operations</h2><p class=\"lead\">Total wait per request type, A against B; "
                + "deltas are B − A (green: less).</p>\n");
        List<Charts.Pair> pairs = new ArrayList<>();
        for (Diff.Operation o : diff.operations().stream().limit(ReportHtml.CHART_OPS).toList()) {
            long x = o.totalNanos().a() == null ? 0 : o.totalNanos().a();
            long y = o.totalNanos().b() == null ? 0 : o.totalNanos().b();
            pairs.add(new Charts.Pair(o.op(), x, y, label(o.totalNanos().a(), o.count().a()),
                    label(o.totalNanos().b(), o.count().b())));
        }
        if (!pairs.isEmpty()) {
            b.append(Charts.pairs(pairs, COLOR_A, COLOR_B, "A " + diff.a().capture().file(), "B " + diff.b().capture().file(),
                    "Total wait by operation, A and B"));
        }
        b.append("<div class=\"scroll\"><table><thead><tr><th class=\"l\">Operation</th><th>Count A</th><th>Count B</th><th>Δ</th>"
                + "<th>Total A</th><th>Total B</th><th>Δ</th><th>Mean A</th><th>Mean B</th><th>Δ</th></tr></thead><tbody>");
        for (Diff.Operation o : diff.operations()) {
            b.append("<tr><td class=\"l mono\">").append(esc(o.op())).append("</td><td>").append(cell(o.count().a(), Html::n))
                    .append("</td><td>").append(cell(o.count().b(), Html::n)).append("</td><td>").append(delta(o.count(), Html::n))
                    .append("</td><td>").append(cell(o.totalNanos().a(), Html::d)).append("</td><td>")
                    .append(cell(o.totalNanos().b(), Html::d)).append("</td><td>").append(delta(o.totalNanos(), Html::d))
                    .append("</td><td>").append(cell(o.meanNanos().a(), Html::d)).append("</td><td>")
                    .append(cell(o.meanNanos().b(), Html::d)).append("</td><td>").append(delta(o.meanNanos(), Html::d))
                    .append("</td></tr>");
        }
        b.append("</tbody></table></div></section>\n");
    }

    private static String label(Long total, Long count) {
        return total == null ? "absent" : d(total) + " · " + n(count) + " requests";
    }

    private static void whatIf(StringBuilder b, Diff diff) {
        b.append("<section id=\"whatif\"><h2>What-if</h2><p class=\"lead\">Each model at window ∞ on both captures.</p>\n");
        if (diff.whatIf().isEmpty()) {
            b.append("<p class=\"empty\">No what-if model applies to either capture.</p></section>\n");
            return;
        }
        b.append("<div class=\"scroll\"><table><thead><tr><th class=\"l\">Model</th><th>Round trips saved A</th><th>B</th>"
                + "<th>Wall saved A</th><th>B</th><th>Would wait A</th><th>B</th><th>Stale A</th><th>B</th></tr></thead><tbody>");
        for (Map.Entry<String, Diff.Model> e : diff.whatIf().entrySet()) {
            Diff.Model m = e.getValue();
            b.append("<tr><td class=\"l\">").append(esc(m.title())).append("<br><span class=\"dim mono\">").append(esc(e.getKey()))
                    .append("</span></td><td>").append(cell(m.savedRoundTrips().a(), Html::n)).append("</td><td>")
                    .append(cell(m.savedRoundTrips().b(), Html::n)).append("</td><td>").append(cell(m.savedWallNanos().a(), Html::d))
                    .append("</td><td>").append(cell(m.savedWallNanos().b(), Html::d)).append("</td><td>")
                    .append(cell(m.projectedWallNanos().a(), Html::d)).append("</td><td>")
                    .append(cell(m.projectedWallNanos().b(), Html::d)).append("</td><td>").append(cell(m.staleHits().a(), Html::n))
                    .append("</td><td>").append(cell(m.staleHits().b(), Html::n)).append("</td></tr>");
        }
        b.append("</tbody></table></div></section>\n");
    }

    private static void profiles(StringBuilder b, Diff diff) {
        b.append("<section id=\"profiles\"><h2>Profiles</h2>");
        if (diff.profiles().isEmpty()) {
            b.append("<p class=\"empty\">No profile applies to either capture.</p></section>\n");
            return;
        }
        b.append("<div class=\"scroll\"><table><thead><tr><th class=\"l\">Profile</th><th>Would wait A</th><th>B</th>"
                + "<th>Saved A</th><th>B</th><th>Round trips saved A</th><th>B</th></tr></thead><tbody>");
        for (Map.Entry<String, Diff.ProfileDelta> e : diff.profiles().entrySet()) {
            Diff.ProfileDelta p = e.getValue();
            b.append("<tr><td class=\"l\">").append(esc(p.title())).append("<br><span class=\"dim mono\">").append(esc(e.getKey()))
                    .append("</span></td><td>").append(cell(p.predictedWaitNanos().a(), Html::d)).append("</td><td>")
                    .append(cell(p.predictedWaitNanos().b(), Html::d)).append("</td><td>").append(cell(p.savedWallNanos().a(), Html::d))
                    .append("</td><td>").append(cell(p.savedWallNanos().b(), Html::d)).append("</td><td>")
                    .append(cell(p.savedRoundTrips().a(), Html::n)).append("</td><td>").append(cell(p.savedRoundTrips().b(), Html::n))
                    .append("</td></tr>");
        }
        b.append("</tbody></table></div></section>\n");
    }

    private static void findings(StringBuilder b, Diff diff) {
        b.append("<section id=\"findings\"><h2>Findings</h2><div style=\"display:grid;grid-template-columns:1fr 1fr;gap:18px\">");
        for (Report r : List.of(diff.a(), diff.b())) {
            b.append("<div><h3 style=\"font-size:14px;margin:0 0 6px\">").append(r == diff.a() ? "A " : "B ")
                    .append(esc(r.capture().file())).append("</h3>");
            for (FindingEntry f : r.findings()) {
                b.append("<div class=\"finding s-").append(esc(f.severity().replace("/", ""))).append("\" style=\"grid-template-columns:46px 1fr\"><div>")
                        .append(Charts.scoreRing(f.score(), ReportHtml.color(f.severity()))).append("</div><div><h3>")
                        .append(esc(f.title())).append("<span class=\"sev sev-").append(esc(f.severity().replace("/", ""))).append("\">")
                        .append(esc(f.severity())).append("</span></h3><p>").append(esc(f.summary())).append("</p></div></div>");
            }
            b.append("</div>");
        }
        b.append("</div></section>\n");
    }

    private static void point(StringBuilder b, String side, CaptureInfo c) {
        b.append("<div class=\"callout\" style=\"margin-bottom:10px\"><b>").append(side).append(" ").append(esc(c.file()))
                .append("</b> — ").append(n(c.messages())).append(" messages in ").append(d(c.durationNanos()))
                .append(". <b>Measured at: ").append(esc(c.capturePoint().kind())).append(".</b> ")
                .append(esc(c.capturePoint().includes())).append("</div>");
    }
}
