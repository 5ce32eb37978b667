package io.lookaside.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.InputKind;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.report.Json;
import io.lookaside.report.MessageJson;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lookaside decode FILE}: every message, one line each, as text or JSON lines. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode every 9P or FUSE message of a capture, one line per message.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:decoded", "2:unreadable or not a capture"})
final class DecodeCommand implements Callable<Integer> {
    /** Keys the text format shows in the line prefix, not again as key=value. */
    private static final Set<String> PREFIX_KEYS = Set.of("frame", "tsNanos", "conn", "proto", "dialect", "type", "rttNanos");

    enum Format { text, jsonl }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "pcap/pcapng (optionally .gz), fusedump, strace or tracefs text")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text or jsonl (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--port", defaultValue = "0", description = "treat this TCP port as 9P whatever it looks like")
    int port;

    @Option(names = "--as", paramLabel = "KIND", description = "input kind instead of detection: pcap, pcapng, fusedump, strace, tracefs, qemu-trace")
    String as;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        InputKind kind = null;
        if (as != null) {
            kind = InputKind.fromKey(as);
            if (kind == null) {
                err.println("lookaside: --as " + as + ": expected pcap, pcapng, fusedump, strace, tracefs or qemu-trace");
                return 2;
            }
        }
        Session s;
        try {
            s = SessionLoader.load(file, new CaptureOptions(port, kind), LoadMonitor.NONE);
        } catch (CaptureException e) {
            err.println("lookaside: " + e.getMessage());
            return 2;
        }
        ObjectMapper mapper = Json.mapper();
        MessageJson json = new MessageJson(mapper);
        try {
            if (format == Format.jsonl) {
                jsonLines(s, mapper, json);
            } else {
                text(s, json);
            }
        } catch (IOException e) {
            err.println("lookaside: cannot write output: " + e.getMessage());
            return 1;
        }
        for (Diagnostic d : s.diagnostics()) {
            err.println("lookaside: " + d.severity().name().toLowerCase() + ": "
                    + (d.frame() > 0 ? "frame " + d.frame() + ": " : "") + d.text());
        }
        if (s.size() == 0) {
            err.println("lookaside: " + file + ": no 9P or FUSE messages found");
        }
        if (s.truncated()) {
            err.println("lookaside: " + file + ": the input is truncated; decoded up to the cut");
        }
        return 0;
    }

    /** One JSON object per line, streamed: no tree per message. */
    private static void jsonLines(Session s, ObjectMapper mapper, MessageJson json) throws IOException {
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            for (int i = 0; i < s.size(); i++) {
                json.write(g, s, i);
                g.writeRaw('\n');
            }
        }
        out.flush();
    }

    private static void text(Session s, MessageJson json) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 16));
        long t0 = s.size() > 0 ? s.tsNanos(0) : 0;
        for (int i = 0; i < s.size(); i++) {
            out.println(textLine(json.toJson(s, i), t0));
        }
        out.flush();
    }

    /** A tshark-like summary line: frame, relative time, connection, type, key fields, RTT. */
    static String textLine(ObjectNode o, long t0) {
        StringBuilder b = new StringBuilder(160);
        b.append(String.format("%7d %12.6f %s %-12s", o.get("frame").asLong(),
                (o.get("tsNanos").asLong() - t0) / 1e9, o.get("conn").asText(), o.get("type").asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (PREFIX_KEYS.contains(f.getKey())) {
                continue;
            }
            b.append(' ').append(f.getKey()).append('=');
            JsonNode v = f.getValue();
            b.append(v.isTextual() ? v.asText() : v.toString());
        }
        JsonNode rtt = o.get("rttNanos");
        if (rtt != null) {
            b.append(String.format(" rtt=%.1fus", rtt.asLong() / 1e3));
        }
        return b.toString();
    }
}
