package io.lookaside.app.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookaside.report.MessageJson;
import io.lookaside.report.ValueNames;
import io.lookaside.session.FrameBytes;
import io.lookaside.session.FrameBytes.Span;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one decoded message (its JSON, the same as {@code lookaside decode --format jsonl})
 * into what the workbench shows: the Info column's one-line summary and the detail tree.
 */
final class MessageText {
    /** Keys that have their own table columns, so the Info summary leaves them out. */
    private static final Set<String> COLUMN_KEYS = Set.of("frame", "tsNanos", "conn", "proto", "dialect", "type",
            "dir", "tag", "unique", "rttNanos", "noRequest", "flushed", "headerOnly", "noReplyExpected",
            // FUSE: the opcode is the Type column, len the Length column.
            "opcode", "len");
    private static final int MAX_SUMMARY = 240;
    private static final int MAX_HEX_BYTES = 64 * 1024;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS 'UTC'")
            .withZone(ZoneOffset.UTC);

    private MessageText() {
    }

    /** The Info column: every decoded field that has no column of its own, as {@code key=value}. */
    static String summary(ObjectNode o) {
        Names names = Names.of(o);
        StringBuilder b = new StringBuilder(96);
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext() && b.length() < MAX_SUMMARY; ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (COLUMN_KEYS.contains(f.getKey()) || isSuccess(f.getKey(), f.getValue()) || f.getValue().isNull()) {
                continue;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(f.getKey()).append('=');
            inline(f.getValue(), f.getKey(), names, b);
        }
        if (b.length() > MAX_SUMMARY) {
            b.setLength(MAX_SUMMARY);
            b.append('…');
        }
        return b.toString();
    }

    /**
     * An error reply: 9P Rlerror or Rerror (intro(5)), or a FUSE reply whose out header carries a
     * negative errno (linux/fuse.h, struct fuse_out_header).
     */
    static boolean isError(ObjectNode o) {
        String type = o.path("type").asText();
        if (type.equals("Rlerror") || type.equals("Rerror")) {
            return true;
        }
        JsonNode error = o.get("error");
        return error != null && error.isIntegralNumber() && error.asLong() != 0;
    }

    /** FUSE replies carry error 0 on success: not worth a place in a one-line summary. */
    private static boolean isSuccess(String key, JsonNode v) {
        return key.equals("error") && v.isIntegralNumber() && v.asLong() == 0;
    }

    /** Everything the detail and bytes panes show for message {@code i}. */
    static MessageDetail detail(Session s, int i, MessageJson json) {
        ObjectNode o = json.toJson(s, i);
        Names names = Names.of(o);
        List<DetailNode> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            fields.add(node(f.getKey(), f.getKey(), f.getValue(), names));
        }
        int length = s.length(i);
        int kept = s.keptLength(i);
        String title = "Frame " + s.frame(i) + ": " + s.typeName(i) + ", " + length + " bytes, "
                + MessageRows.source(s, i) + " → " + MessageRows.destination(s, i);
        // bytes(i) copies a message whose payload was not kept: only its kept head is shown.
        java.nio.ByteBuffer b = s.bytes(i);
        byte[] a = new byte[Math.min(kept, b.remaining())];
        b.get(b.position(), a);
        String note = a.length < length ? "… " + (length - a.length) + (length - a.length == 1 ? " byte" : " bytes")
                + " of payload not kept: Lookaside keeps the headers of read and write data, not the data" : "";
        HexText hex = new HexText.Builder().add("Message (" + length + " bytes)", a, 0, a.length, MAX_HEX_BYTES, note).build();
        return new MessageDetail(i, title, withSpans(fields, layout(s, i), 0, 0), hex, s.peer(i), exchange(s, i),
                false);
    }

    /** Where the fields of message {@code i} lie in its bytes: 9P only (the decoder's own reads). */
    static List<Span> layout(Session s, int i) {
        if (s.keptLength(i) != s.length(i)) {
            return List.of(); // a message without its payload cannot be laid out again
        }
        return layout(s, i, s.bytes(i));
    }

    /** Where the fields of message {@code i} lie in {@code bytes}, the whole message (from the session or its frame). */
    static List<Span> layout(Session s, int i, java.nio.ByteBuffer bytes) {
        return FrameBytes.layout(s, i, bytes);
    }

    /** The top-level fields with their bytes: a field's span, moved by {@code shift}, in {@code section}. */
    static List<DetailNode> withSpans(List<DetailNode> fields, List<Span> spans, int section, int shift) {
        List<DetailNode> out = new ArrayList<>(fields.size());
        for (DetailNode n : fields) {
            Span f = spans.stream().filter(x -> x.name().equals(n.name())).findFirst().orElse(null);
            out.add(f == null ? n : n.withBytes(section, shift + f.offset(), f.length()));
        }
        return out;
    }

    /** One sentence about the exchange message {@code i} belongs to. */
    static String exchange(Session s, int i) {
        int p = s.peer(i);
        Direction d = s.direction(i);
        if (d == Direction.NOTIFY) {
            return "Notification: not part of an exchange";
        }
        if (p >= 0) {
            long gap = Math.abs(s.tsNanos(i) - s.tsNanos(p));
            return d == Direction.REQUEST
                    ? "Reply in frame " + s.frame(p) + " (" + s.typeName(p) + "), " + MessageRows.micros(gap) + " µs later"
                    : "Request in frame " + s.frame(p) + " (" + s.typeName(p) + "), " + MessageRows.micros(gap) + " µs earlier";
        }
        if (d == Direction.REPLY) {
            return s.hasFlag(i, Session.NO_REQUEST)
                    ? "Its request is not in the capture (the capture started after it was sent)"
                    : "No request found for this reply";
        }
        if (s.hasFlag(i, Session.FLUSHED)) {
            return "Flushed before any reply: this request never happened (flush(5))";
        }
        if (s.hasFlag(i, Session.NO_REPLY_EXPECTED)) {
            return "No reply expected for this request";
        }
        return "No reply in the capture";
    }

    /** A detail line; {@code path} is the filter field that reaches it ({@code qid.path}, {@code wnames}). */
    private static DetailNode node(String name, String path, JsonNode v, Names names) {
        if (v.isObject()) {
            List<DetailNode> children = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                children.add(node(f.getKey(), path + "." + f.getKey(), f.getValue(), names));
            }
            return new DetailNode(name, inline(v, path, names, new StringBuilder()).toString(), null, children, path);
        }
        if (v.isArray()) {
            List<DetailNode> children = new ArrayList<>();
            for (int k = 0; k < v.size(); k++) {
                children.add(node("[" + k + "]", path, v.get(k), names));
            }
            return new DetailNode(name, inline(v, path, names, new StringBuilder()).toString(), null, children, path);
        }
        String text = v.asText();
        String filter = path + " == " + FilterText.literal(text);
        if (v.isIntegralNumber()) {
            text = names.text(path, v);
        }
        if (v.isNumber()) {
            if (name.equals("tsNanos")) {
                text += "  (" + UTC.format(Instant.ofEpochSecond(0, v.asLong())) + ")";
            } else if (name.equals("rttNanos")) {
                text += "  (" + MessageRows.micros(v.asLong()) + " µs)";
            }
        }
        return new DetailNode(name, text, filter, List.of(), path);
    }

    /**
     * The text of a custom column: every value of {@code field} in the decoded message,
     * comma-separated, each number with its name when it has one ({@code 2 (ENOENT)}).
     */
    static String fieldText(ObjectNode o, String field) {
        JsonNode n = SessionFields.node(o, field);
        if (n == null) {
            return "";
        }
        List<Object> values = new ArrayList<>();
        SessionFields.collect(n, values);
        Names names = Names.of(o);
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(v instanceof Long l ? names.text(field, l) : String.valueOf(v));
            if (b.length() > MAX_SUMMARY) {
                b.append('…');
                break;
            }
        }
        return b.toString();
    }

    /** Names of numeric values in one message ({@link ValueNames}): the raw value, then the name. */
    private record Names(String proto, String type) {
        static Names of(ObjectNode o) {
            return new Names(o.path("proto").asText(), o.path("type").asText());
        }

        /** {@code 2 (ENOENT)}, or the number alone when it has no name. */
        String text(String path, long v) {
            String name = ValueNames.name(proto, type, path, v);
            return name == null ? Long.toString(v) : v + " (" + name + ")";
        }

        String text(String path, JsonNode v) {
            return v.canConvertToLong() ? text(path, v.longValue()) : v.asText();
        }
    }

    /** A compact rendering: text as is, arrays as {@code [a, b]}, objects as {@code {k=v, …}}; named numbers. */
    private static StringBuilder inline(JsonNode v, String path, Names names, StringBuilder b) {
        if (v.isArray()) {
            b.append('[');
            int k = 0;
            for (JsonNode e : v) {
                if (k++ > 0) {
                    b.append(", ");
                }
                if (b.length() > MAX_SUMMARY) {
                    b.append('…');
                    break;
                }
                inline(e, path, names, b);
            }
            return b.append(']');
        }
        if (v.isObject()) {
            b.append('{');
            int k = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (k++ > 0) {
                    b.append(", ");
                }
                b.append(f.getKey()).append('=');
                inline(f.getValue(), path + "." + f.getKey(), names, b);
            }
            return b.append('}');
        }
        return b.append(v.isIntegralNumber() ? names.text(path, v) : v.asText());
    }
}
