package io.lookaside.report;

import static io.lookaside.report.Html.esc;
import static io.lookaside.report.Html.f;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The report's charts as inline SVG, drawn from data that is already aggregated (a few dozen
 * points at most). No script, no external font or style: the page stays one self-contained file.
 */
final class Charts {
    /** Series colours, distinguishable for common colour-vision deficiencies (Okabe–Ito, darker). */
    static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D1F",
        "#444444"};
    static final int WIDTH = 1100;
    /** The narrowest label column; wider when a label needs it (12 px monospace: about 7.3 px a character). */
    private static final int MIN_LABEL = 150;
    private static final int MAX_LABEL = 320;
    private static final int ROW = 26;

    private Charts() {
    }

    /** One horizontal bar: a label, a value to scale, the text shown after the bar, a tooltip. */
    record Bar(String label, long value, String text, String tooltip) {
    }

    /** Horizontal bars scaled to the largest value. */
    static String bars(List<Bar> bars, String color, String aria) {
        int labelWidth = labelColumn(bars.stream().map(Bar::label).toList());
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        int valueRoom = 230;
        double area = WIDTH - labelWidth - valueRoom;
        int h = bars.size() * ROW + 8;
        StringBuilder b = svgOpen(WIDTH, h, aria);
        int y = 4;
        for (Bar bar : bars) {
            double w = Math.max(bar.value() > 0 ? 1.5 : 0, area * bar.value() / max);
            b.append("<g><title>").append(esc(bar.tooltip())).append("</title>");
            b.append(text(labelWidth - 10, y + 17, "end", "lbl", bar.label()));
            b.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 5).append("\" width=\"").append(f(w))
                    .append("\" height=\"16\" rx=\"3\" fill=\"").append(color).append("\"/>");
            b.append(text(labelWidth + w + 8, y + 17, "start", "val", bar.text()));
            b.append("</g>");
            y += ROW;
        }
        return b.append("</svg>").toString();
    }

    /** Two values to compare on one row (diff: capture A and capture B). */
    record Pair(String label, long a, long b, String textA, String textB) {
    }

    /** Two bars per row, A above B, on one scale. */
    static String pairs(List<Pair> rows, String colorA, String colorB, String labelA, String labelB, String aria) {
        int labelWidth = labelColumn(rows.stream().map(Pair::label).toList());
        long max = 1;
        for (Pair p : rows) {
            max = Math.max(max, Math.max(p.a(), p.b()));
        }
        int valueRoom = 230;
        double area = WIDTH - labelWidth - valueRoom;
        int rowH = 36;
        int h = 26 + rows.size() * rowH + 6;
        StringBuilder b = svgOpen(WIDTH, h, aria);
        b.append(swatch(labelWidth, 4, colorA));
        b.append(text(labelWidth + 18, 14, "start", "leg", labelA));
        b.append(swatch(labelWidth + 360, 4, colorB));
        b.append(text(labelWidth + 378, 14, "start", "leg", labelB));
        int y = 26;
        for (Pair p : rows) {
            double wa = Math.max(p.a() > 0 ? 1.5 : 0, area * p.a() / max);
            double wb = Math.max(p.b() > 0 ? 1.5 : 0, area * p.b() / max);
            b.append("<g><title>").append(esc(p.label() + ": A " + p.textA() + ", B " + p.textB())).append("</title>");
            b.append(text(labelWidth - 10, y + 20, "end", "lbl", p.label()));
            b.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(f(wa))
                    .append("\" height=\"13\" rx=\"2\" fill=\"").append(colorA).append("\"/>");
            b.append(text(labelWidth + wa + 8, y + 14, "start", "val", p.textA()));
            b.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 18).append("\" width=\"").append(f(wb))
                    .append("\" height=\"13\" rx=\"2\" fill=\"").append(colorB).append("\"/>");
            b.append(text(labelWidth + wb + 8, y + 29, "start", "val", p.textB()));
            b.append("</g>");
            y += rowH;
        }
        return b.append("</svg>").toString();
    }

    /** One operation's latency spread for {@link #latency}. */
    record Spread(String label, long p50, long p90, long p99, long max) {
    }

    /** p50, p90, p99 and max per operation on a logarithmic time axis. */
    static String latency(List<Spread> rows, String aria) {
        long lo = Long.MAX_VALUE;
        long hi = 1;
        for (Spread s : rows) {
            if (s.p50() > 0) {
                lo = Math.min(lo, s.p50());
            }
            hi = Math.max(hi, s.max());
        }
        if (lo == Long.MAX_VALUE) {
            lo = 1;
        }
        double lg0 = Math.floor(Math.log10(Math.max(1, lo)));
        double lg1 = Math.max(lg0 + 1, Math.ceil(Math.log10(Math.max(1, hi))));
        int left = labelColumn(rows.stream().map(Spread::label).toList());
        int right = WIDTH - 24;
        int top = 30;
        int h = top + rows.size() * ROW + 28;
        StringBuilder b = svgOpen(WIDTH, h, aria);
        // Legend
        int lx = left;
        b.append("<line x1=\"").append(lx).append("\" y1=\"12\" x2=\"").append(lx + 22)
                .append("\" y2=\"12\" stroke=\"#0072B2\" stroke-opacity=\".35\" stroke-width=\"8\" stroke-linecap=\"round\"/>");
        b.append(text(lx + 30, 16, "start", "leg", "p50–p99"));
        lx += 100;
        b.append("<circle cx=\"").append(lx + 5).append("\" cy=\"12\" r=\"4.5\" fill=\"#0072B2\"/>");
        b.append(text(lx + 16, 16, "start", "leg", "median (p50)"));
        lx += 120;
        b.append("<line x1=\"").append(lx + 5).append("\" y1=\"5\" x2=\"").append(lx + 5)
                .append("\" y2=\"19\" stroke=\"#1e293b\" stroke-width=\"2\"/>");
        b.append(text(lx + 14, 16, "start", "leg", "p90"));
        lx += 60;
        b.append("<path d=\"M").append(lx + 5).append(" 7 L").append(lx + 10).append(" 12 L").append(lx + 5)
                .append(" 17 L").append(lx).append(" 12 Z\" fill=\"#D55E00\"/>");
        b.append(text(lx + 16, 16, "start", "leg", "max"));
        // Decade grid
        int bottom = top + rows.size() * ROW;
        for (double d = lg0; d <= lg1 + 1e-9; d++) {
            double x = scaleLog((long) Math.pow(10, d), lg0, lg1, left, right);
            b.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(top - 4).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(bottom).append("\" class=\"grid\"/>");
            b.append(text(x, bottom + 16, "middle", "axis", Html.d((long) Math.pow(10, d))));
        }
        int y = top;
        for (Spread s : rows) {
            double cy = y + ROW / 2.0;
            String tip = s.label() + ": p50 " + Html.d(s.p50()) + ", p90 " + Html.d(s.p90()) + ", p99 "
                    + Html.d(s.p99()) + ", max " + Html.d(s.max());
            b.append("<g><title>").append(esc(tip)).append("</title>");
            b.append(text(left - 10, cy + 4, "end", "lbl", s.label()));
            double x50 = scaleLog(s.p50(), lg0, lg1, left, right);
            double x90 = scaleLog(s.p90(), lg0, lg1, left, right);
            double x99 = scaleLog(s.p99(), lg0, lg1, left, right);
            double xm = scaleLog(s.max(), lg0, lg1, left, right);
            b.append("<line x1=\"").append(f(x99)).append("\" y1=\"").append(f(cy)).append("\" x2=\"").append(f(xm))
                    .append("\" y2=\"").append(f(cy)).append("\" stroke=\"#94a3b8\" stroke-width=\"1.5\"/>");
            b.append("<line x1=\"").append(f(x50)).append("\" y1=\"").append(f(cy)).append("\" x2=\"")
                    .append(f(Math.max(x99, x50 + 0.5))).append("\" y2=\"").append(f(cy))
                    .append("\" stroke=\"#0072B2\" stroke-opacity=\".35\" stroke-width=\"10\" stroke-linecap=\"round\"/>");
            b.append("<line x1=\"").append(f(x90)).append("\" y1=\"").append(f(cy - 7)).append("\" x2=\"").append(f(x90))
                    .append("\" y2=\"").append(f(cy + 7)).append("\" stroke=\"#1e293b\" stroke-width=\"2\"/>");
            b.append("<circle cx=\"").append(f(x50)).append("\" cy=\"").append(f(cy)).append("\" r=\"4.5\" fill=\"#0072B2\"/>");
            b.append("<path d=\"M").append(f(xm)).append(' ').append(f(cy - 5)).append(" L").append(f(xm + 5)).append(' ')
                    .append(f(cy)).append(" L").append(f(xm)).append(' ').append(f(cy + 5)).append(" L").append(f(xm - 5))
                    .append(' ').append(f(cy)).append(" Z\" fill=\"#D55E00\"/>");
            b.append("</g>");
            y += ROW;
        }
        return b.append("</svg>").toString();
    }

    /** A baseline and what would remain of it, per row (what-if models, profiles). */
    record Remaining(String label, long base, long remaining, String tooltip) {
    }

    /** Bars of the baseline wait with the part a change would save marked off. */
    static String remaining(List<Remaining> rows, String aria) {
        int labelWidth = labelColumn(rows.stream().map(Remaining::label).toList());
        long max = Math.max(1, rows.stream().mapToLong(Remaining::base).max().orElse(1));
        int valueRoom = 230;
        double area = WIDTH - labelWidth - valueRoom;
        int h = rows.size() * ROW + 8;
        StringBuilder b = svgOpen(WIDTH, h, aria);
        int y = 4;
        for (Remaining r : rows) {
            double wBase = area * r.base() / max;
            double wLeft = area * Math.max(0, Math.min(r.base(), r.remaining())) / max;
            long saved = r.base() - r.remaining();
            b.append("<g><title>").append(esc(r.tooltip())).append("</title>");
            b.append(text(labelWidth - 10, y + 17, "end", "lbl", r.label()));
            b.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 5).append("\" width=\"").append(f(wBase))
                    .append("\" height=\"16\" rx=\"3\" fill=\"#16a34a\" fill-opacity=\".28\" stroke=\"#16a34a\"")
                    .append(" stroke-opacity=\".6\"/>");
            b.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 5).append("\" width=\"").append(f(wLeft))
                    .append("\" height=\"16\" rx=\"3\" fill=\"#0072B2\"/>");
            String t = saved > 0 ? "−" + Html.d(saved) + " (" + Html.pct(saved, r.base()) + ")" : "no saving";
            b.append(text(labelWidth + wBase + 8, y + 17, "start", "val", t));
            b.append("</g>");
            y += ROW;
        }
        return b.append("</svg>").toString();
    }

    /** One line of the sweep chart: a model's saved wall-clock wait at each window. */
    record Series(String label, List<Long> values) {
    }

    /** Saved wait over the window sweep, one line per model, windows as categories. */
    static String sweep(List<String> windows, List<Series> series, String aria) {
        long top0 = 1;
        for (Series s : series) {
            for (long v : s.values()) {
                top0 = Math.max(top0, v);
            }
        }
        long max = 4 * niceStep(top0 / 4.0);
        int left = 80;
        int right = WIDTH - 20;
        int top = 14;
        int plotH = 190;
        int legendRows = (series.size() + 2) / 3;
        int h = top + plotH + 34 + legendRows * 20;
        StringBuilder b = svgOpen(WIDTH, h, aria);
        for (int g = 0; g <= 4; g++) {
            double y = top + plotH - plotH * g / 4.0;
            b.append("<line x1=\"").append(left).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(right)
                    .append("\" y2=\"").append(f(y)).append("\" class=\"grid\"/>");
            b.append(text(left - 8, y + 4, "end", "axis", Html.d(max * g / 4)));
        }
        int n = windows.size();
        double step = n > 1 ? (right - left - 20.0) / (n - 1) : 0;
        for (int w = 0; w < n; w++) {
            String window = windows.get(w).equals("inf") ? "∞" : windows.get(w);
            b.append(text(left + 10 + step * w, top + plotH + 18, "middle", "axis", window));
        }
        for (int si = 0; si < series.size(); si++) {
            Series s = series.get(si);
            String color = PALETTE[si % PALETTE.length];
            StringBuilder pts = new StringBuilder();
            for (int w = 0; w < s.values().size() && w < n; w++) {
                double x = left + 10 + step * w;
                double y = top + plotH - (double) plotH * s.values().get(w) / max;
                pts.append(pts.length() == 0 ? "" : " ").append(f(x)).append(',').append(f(y));
            }
            b.append("<g><title>").append(esc(s.label())).append("</title>");
            b.append("<polyline points=\"").append(pts).append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2.2\"/>");
            for (String p : pts.toString().split(" ")) {
                if (p.isEmpty()) {
                    continue;
                }
                String[] xy = p.split(",");
                b.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"3.2\" fill=\"")
                        .append(color).append("\"/>");
            }
            b.append("</g>");
            double lx = left + (si % 3) * ((right - left) / 3.0);
            double ly = top + plotH + 40 + (si / 3) * 20;
            b.append(swatch(lx, ly - 9, color));
            b.append(text(lx + 18, ly + 1, "start", "leg", s.label()));
        }
        return b.append("</svg>").toString();
    }

    /**
     * The sweep as small multiples: one small chart per model, each on its own scale (0 to that
     * model's largest saving, written on it), so that a model saving tens of milliseconds reads as
     * well as one saving seconds. Models in {@code headline} are drawn first and outlined.
     */
    static String sweepMultiples(List<String> windows, List<Series> series, Set<String> headline, String aria) {
        List<Series> ordered = new ArrayList<>(series.stream().filter(s -> headline.contains(s.label())).toList());
        series.stream().filter(s -> !headline.contains(s.label())).forEach(ordered::add);
        int cols = 3;
        int cellW = WIDTH / cols;
        int cellH = 150;
        int rows = (ordered.size() + cols - 1) / cols;
        StringBuilder b = svgOpen(WIDTH, Math.max(1, rows) * cellH, aria);
        int n = windows.size();
        for (int k = 0; k < ordered.size(); k++) {
            Series s = ordered.get(k);
            int x0 = (k % cols) * cellW;
            int y0 = (k / cols) * cellH;
            long most = s.values().stream().mapToLong(Long::longValue).max().orElse(0);
            long top0 = Math.max(1, most);
            long max = 2 * niceStep(top0 / 2.0);
            int left = x0 + 58;
            int right = x0 + cellW - 14;
            int top = y0 + 26;
            int plotH = cellH - 56;
            boolean lead = headline.contains(s.label());
            String color = lead ? "#D55E00" : "#0072B2";
            b.append("<g><title>").append(esc(s.label() + ": saved wall-clock wait by window, own scale 0 – "
                    + Html.d(max))).append("</title>");
            if (lead) {
                b.append("<rect x=\"").append(x0 + 3).append("\" y=\"").append(y0 + 3).append("\" width=\"")
                        .append(cellW - 6).append("\" height=\"").append(cellH - 6)
                        .append("\" rx=\"6\" fill=\"#fff7ed\" stroke=\"#D55E00\" stroke-opacity=\".5\"/>");
            }
            b.append(text(x0 + 12, y0 + 17, "start", "lbl", s.label() + (most > 0 ? "  (saves up to " + Html.d(most) + ")"
                    : "  (saves nothing)")));
            for (int g = 0; g <= 2; g++) {
                double y = top + plotH - plotH * g / 2.0;
                b.append("<line x1=\"").append(left).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(right)
                        .append("\" y2=\"").append(f(y)).append("\" class=\"grid\"/>");
                b.append(text(left - 6, y + 4, "end", "axis", Html.d(max * g / 2)));
            }
            double step = n > 1 ? (right - left - 10.0) / (n - 1) : 0;
            StringBuilder pts = new StringBuilder();
            for (int w = 0; w < s.values().size() && w < n; w++) {
                double x = left + 5 + step * w;
                double y = top + plotH - (double) plotH * s.values().get(w) / max;
                pts.append(pts.length() == 0 ? "" : " ").append(f(x)).append(',').append(f(y));
            }
            b.append("<polyline points=\"").append(pts).append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2\"/>");
            for (int w = 0; w < n; w++) {
                if (w == 0 || w == n - 1 || w == n / 2) {
                    String window = windows.get(w).equals("inf") ? "∞" : windows.get(w);
                    b.append(text(left + 5 + step * w, top + plotH + 15, "middle", "axis", window));
                }
            }
            b.append("</g>");
        }
        return b.append("</svg>").toString();
    }

    /** A small line of values (a model's sweep) for a table cell. */
    static String sparkline(List<Long> values, String aria) {
        int w = 128;
        int h = 30;
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder b = svgOpen(w, h, aria);
        StringBuilder pts = new StringBuilder();
        double step = values.size() > 1 ? (w - 8.0) / (values.size() - 1) : 0;
        for (int i = 0; i < values.size(); i++) {
            double x = 4 + step * i;
            double y = h - 4 - (h - 8.0) * values.get(i) / max;
            pts.append(i == 0 ? "" : " ").append(f(x)).append(',').append(f(y));
        }
        b.append("<line x1=\"4\" y1=\"").append(h - 4).append("\" x2=\"").append(w - 4).append("\" y2=\"").append(h - 4)
                .append("\" class=\"grid\"/>");
        b.append("<polyline points=\"").append(pts).append("\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"1.8\"/>");
        for (String p : pts.toString().split(" ")) {
            if (!p.isEmpty()) {
                String[] xy = p.split(",");
                b.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"2\" fill=\"#0072B2\"/>");
            }
        }
        return b.append("</svg>").toString();
    }

    /** A score 0–100 as a ring in its severity's colour. */
    static String scoreRing(double score, String color) {
        int size = 46;
        double r = 19;
        double c = 2 * Math.PI * r;
        double dash = c * Math.max(0, Math.min(100, score)) / 100;
        StringBuilder b = svgOpen(size, size, "score " + f(score));
        b.append("<circle cx=\"23\" cy=\"23\" r=\"19\" fill=\"none\" stroke=\"#e2e8f0\" stroke-width=\"5\"/>");
        if (dash > 0.5) {
            b.append("<circle cx=\"23\" cy=\"23\" r=\"19\" fill=\"none\" stroke=\"").append(color)
                .append("\" stroke-width=\"5\" stroke-linecap=\"round\" stroke-dasharray=\"").append(f(dash)).append(' ')
                    .append(f(c)).append("\" transform=\"rotate(-90 23 23)\"/>");
        }
        b.append(text(23, 27.5, "middle", "ring", Long.toString(Math.round(score))));
        return b.append("</svg>").toString();
    }

    /** A label column wide enough for the longest label, within bounds. */
    static int labelColumn(List<String> labels) {
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        return (int) Math.max(MIN_LABEL, Math.min(MAX_LABEL, longest * 7.3 + 20));
    }

    /** The smallest 1, 2 or 5 × 10^k at or above {@code v}: grid steps that read well. */
    static long niceStep(double v) {
        long p = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * p >= v) {
                    return m * p;
                }
            }
            if (p > Long.MAX_VALUE / 100) {
                return p * 10;
            }
            p *= 10;
        }
    }

    private static double scaleLog(long v, double lg0, double lg1, int left, int right) {
        double lv = Math.log10(Math.max(1, v));
        double t = (lv - lg0) / (lg1 - lg0);
        return left + Math.max(0, Math.min(1, t)) * (right - left);
    }

    private static StringBuilder svgOpen(int w, int h, String aria) {
        return new StringBuilder(1024).append("<svg class=\"chart\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" width=\"").append(w).append("\" height=\"").append(h).append("\" role=\"img\" aria-label=\"")
                .append(esc(aria)).append("\">");
    }

    /** A small legend square. */
    private static String swatch(double x, double y, String color) {
        return "<rect x=\"" + f(x) + "\" y=\"" + f(y) + "\" width=\"12\" height=\"12\" rx=\"2\" fill=\"" + color + "\"/>";
    }

    private static String text(double x, double y, String anchor, String cls, String s) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" class=\"" + cls + "\">"
                + esc(s) + "</text>";
    }
}
