package io.lookaside.report;

import static io.lookaside.report.Html.esc;

/** The frame of every HTML page: head with the inline style sheet, header, footer. No scripts, no external resources. */
final class HtmlPage {
    private HtmlPage() {
    }

    static final String CSS = """
            :root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#f8fafc;--card:#fff;--accent:#0072B2;
              --ok:#15803d;--ok-bg:#dcfce7;--info:#b45309;--info-bg:#fef3c7;--warn:#b91c1c;--warn-bg:#fee2e2}
            *{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%}
            body{margin:0;background:var(--bg);color:var(--ink);
              font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
            header.top{background:#0f172a;color:#f8fafc;padding:22px 40px 20px}
            header.top .brand{font-size:12px;letter-spacing:.12em;text-transform:uppercase;color:#94a3b8}
            header.top h1{margin:2px 0 4px;font-size:24px;font-weight:650}
            header.top .sub{color:#cbd5e1;font-size:13px}
            header.top .sub b{color:#f8fafc;font-weight:600}
            main{max-width:1240px;margin:0 auto;padding:22px 40px 40px}
            section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 22px;margin:0 0 18px}
            h2{font-size:17px;margin:0 0 4px;font-weight:650}
            h2+p.lead{margin-top:0}
            p.lead{color:var(--muted);margin:0 0 12px}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px;margin:0 0 18px}
            .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
            .card .k{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.06em}
            .card .v{font-size:24px;font-weight:650;margin-top:2px;font-variant-numeric:tabular-nums}
            .card .s{font-size:12.5px;color:var(--muted)}
            .card.good .v{color:var(--ok)}
            .callout{border-left:4px solid var(--accent);background:#f1f5f9;border-radius:6px;padding:10px 14px;margin:0}
            .callout ul{margin:6px 0 0;padding-left:18px;color:#334155}
            table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
            th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:right;vertical-align:top;white-space:nowrap}
            th{font-size:12px;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.04em;
              background:#f8fafc;position:sticky;top:0}
            td.l,th.l{text-align:left}
            td.wrap{white-space:normal;overflow-wrap:anywhere;min-width:180px}
            tbody tr:hover{background:#f8fafc}
            td.mono,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
            .err{color:var(--warn)}
            .dim{color:var(--muted)}
            .tag{display:inline-block;padding:0 6px;border-radius:4px;background:#eef2ff;color:#3730a3;font-size:12px;margin:0 4px 2px 0}
            .chart{display:block;max-width:100%;height:auto;margin:6px 0 14px}
            .chart text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#334155}
            .chart text.lbl{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;fill:#0f172a}
            .chart text.val{fill:#475569}
            .chart text.axis{fill:#64748b;font-size:11px}
            .chart text.leg{fill:#334155}
            .chart text.ring{font-weight:700;font-size:14px;fill:#0f172a}
            .chart .grid{stroke:#e2e8f0;stroke-width:1}
            .finding{display:grid;grid-template-columns:52px 1fr;gap:6px 14px;padding:12px 16px;margin:10px 0 0;
              border:1px solid var(--line);border-left:4px solid var(--ok);border-radius:8px;background:#fff}
            .finding .chart{margin:0}
            .finding h3{margin:0;font-size:15px;font-weight:650}
            .finding p{margin:4px 0}
            .finding details{margin-top:4px}
            .finding summary{cursor:pointer;color:var(--accent);font-size:13px}
            .fix{background:#f0f9ff;border-radius:6px;padding:8px 12px}
            .sev{display:inline-block;font-size:11px;font-weight:700;letter-spacing:.06em;padding:1px 8px;border-radius:999px;
              margin-left:8px;vertical-align:2px}
            .sev-OK{color:var(--ok);background:var(--ok-bg)}
            .sev-INFO{color:var(--info);background:var(--info-bg)}
            .sev-WARNING{color:var(--warn);background:var(--warn-bg)}
            .sev-NA{color:#4b5563;background:#f3f4f6}
            .finding.s-WARNING{border-left-color:#dc2626}
            .finding.s-INFO{border-left-color:#d97706}
            .finding.s-OK{border-left-color:#16a34a;background:#fcfdfc}
            .finding.s-NA{border-left-color:#9ca3af;background:#fafafa}
            .model{border-top:1px solid var(--line);padding:10px 0}
            .model h3{margin:0 0 2px;font-size:14px}
            .model p{margin:2px 0;color:#334155}
            ul.remarks{margin:4px 0;padding-left:18px;color:#92400e;font-size:13px;white-space:normal}
            .pos{color:var(--ok)}
            .neg{color:var(--warn)}
            .empty{color:var(--muted);font-style:italic}
            nav.toc{display:flex;flex-wrap:wrap;gap:6px 16px;margin:0 0 16px;font-size:13px}
            a{color:var(--accent);text-decoration:none}
            a:hover{text-decoration:underline}
            footer{color:var(--muted);font-size:12px;text-align:center;padding:8px 0 24px}
            .scroll{overflow-x:auto}
            @media print{body{background:#fff}section{break-inside:avoid}header.top{background:#fff;color:#000}}
            """;

    static void open(StringBuilder b, String title, String heading, String subHtml) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Lookaside\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<header class=\"top\"><div class=\"brand\">Lookaside</div><h1>").append(esc(heading))
                .append("</h1><div class=\"sub\">").append(subHtml).append("</div></header>\n<main>\n");
    }

    static void close(StringBuilder b, String schema) {
        b.append("</main>\n<footer>Lookaside · schema ").append(esc(schema))
                .append(" · durations measured from the capture's timestamps</footer>\n</body>\n</html>\n");
    }
}
