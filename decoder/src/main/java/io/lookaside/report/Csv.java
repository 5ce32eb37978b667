package io.lookaside.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 rows: fields separated by commas, a field with a comma, a double quote, CR or LF is
 * enclosed in double quotes with its quotes doubled, and every row ends with CRLF.
 */
final class Csv {
    private final Writer out;

    Csv(Writer out) {
        this.out = out;
    }

    void row(Object... fields) throws IOException {
        for (int f = 0; f < fields.length; f++) {
            if (f > 0) {
                out.write(',');
            }
            out.write(field(fields[f]));
        }
        out.write("\r\n");
    }

    void row(List<?> fields) throws IOException {
        row(fields.toArray());
    }

    void blank() throws IOException {
        out.write("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
