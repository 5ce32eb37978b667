package io.lookaside.app.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookaside.app.messages.MessagesViewModel.Column;
import io.lookaside.app.workbench.TaskContext;
import io.lookaside.report.MessageJson;
import io.lookaside.report.OutputFile;
import io.lookaside.session.Session;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The message list as the user sees it, to files: the rows on show (filtered, in their sort
 * order) with every column as CSV, and their frames as a pcapng file (Wireshark's Export
 * Specified Packets). Runs off the FX thread.
 */
final class MessageExport {
    private MessageExport() {
    }

    /** Writes {@code rows} with {@code columns} as CSV (RFC 4180); returns how many rows. */
    static int csv(Session s, RowIndex rows, List<MessageColumn> columns, MessageJson json, Path out, TaskContext ctx)
            throws IOException {
        boolean decodes = columns.stream().anyMatch(c -> c.isCustom() || c.builtIn() == Column.INFO);
        OutputFile.write(out, true, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            row(w, columns.stream().map(c -> c.builtIn() == Column.KEY ? "Tag/Unique" : c.title()).toList());
            String[] cells = new String[columns.size()];
            for (int r = 0; r < rows.size(); r++) {
                if ((r & 1023) == 0) {
                    if (ctx.cancelled()) {
                        throw new IOException("cancelled");
                    }
                    ctx.progress(r, rows.size());
                }
                int m = rows.message(r);
                ObjectNode o = decodes ? json.toJson(s, m) : null;
                for (int k = 0; k < cells.length; k++) {
                    cells[k] = cell(s, m, columns.get(k), o);
                }
                row(w, Arrays.asList(cells));
            }
            w.flush();
        });
        return rows.size();
    }

    private static String cell(Session s, int i, MessageColumn c, ObjectNode o) {
        if (c.isCustom()) {
            return MessageText.fieldText(o, c.field());
        }
        return switch (c.builtIn()) {
            case FRAME -> MessageRows.frame(s, i);
            case TIME -> MessageRows.time(s, i);
            case SOURCE -> MessageRows.source(s, i);
            case DESTINATION -> MessageRows.destination(s, i);
            case PROTOCOL -> MessageRows.protocol(s, i);
            case LENGTH -> MessageRows.length(s, i);
            case TYPE -> MessageRows.type(s, i);
            case KEY -> MessageRows.key(s, i);
            case RTT -> MessageRows.rtt(s, i);
            case INFO -> MessageText.summary(o);
        };
    }

    private static void row(Writer w, List<String> fields) throws IOException {
        for (int k = 0; k < fields.size(); k++) {
            if (k > 0) {
                w.write(',');
            }
            String f = fields.get(k) == null ? "" : fields.get(k);
            boolean quote = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0;
            w.write(quote ? '"' + f.replace("\"", "\"\"") + '"' : f);
        }
        w.write("\r\n");
    }

    /** The frames the rows came in, ascending, each once. */
    static long[] frames(Session s, RowIndex rows) {
        long[] f = new long[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            f[r] = s.frame(rows.ascending(r));
        }
        return Arrays.stream(f).distinct().sorted().toArray();
    }
}
