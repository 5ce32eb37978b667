package io.lookaside.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;

/** Reports and diffs as indented JSON (two spaces, "\n" line ends on every platform, a final newline). */
public final class ReportJson {
    private ReportJson() {
    }

    public static void write(Object reportOrDiff, OutputStream out) throws IOException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        ObjectWriter w = Json.mapper().writer(pp);
        w.writeValue(out, reportOrDiff);
        out.write('\n');
    }

    public static String toString(Object reportOrDiff) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            write(reportOrDiff, out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
