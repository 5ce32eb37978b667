package io.lookaside.report;

import io.lookaside.analysis.Durations;
import java.util.Locale;

/** Escaping and number formatting for the HTML pages. Everything from a capture goes through {@link #esc}. */
final class Html {
    private Html() {
    }

    /** Text and attribute values: &amp; &lt; &gt; &quot; &#39; escaped, control characters dropped. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** 30,288. */
    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** 163 µs, 45.6 ms, 1.23 s. */
    static String d(long nanos) {
        return Durations.format(nanos);
    }

    /** 12.5%. */
    static String pct(long part, long whole) {
        return whole <= 0 ? "–" : Durations.percent((double) part / whole);
    }

    /** 1.2 KiB, 3.4 MiB. */
    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }

    /** A number with a fixed decimal point for SVG coordinates. */
    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
