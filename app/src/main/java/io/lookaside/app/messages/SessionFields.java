package io.lookaside.app.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookaside.capture.Protocol;
import io.lookaside.report.MessageJson;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of message {@code i} of a session, for display filters. The session's columns
 * answer the common keys without decoding; any other key decodes the message once (the same
 * JSON as {@code lookaside decode --format jsonl}), so {@code type == Twalk && fid == 3} decodes
 * only the Twalks. A cursor: {@link #at(int)} moves it. Not thread-safe; one per filter run.
 */
final class SessionFields implements MessageFields {
    private final Session session;
    private final MessageJson json;
    private int i;
    private ObjectNode decoded;

    SessionFields(Session session, MessageJson json) {
        this.session = session;
        this.json = json;
    }

    SessionFields at(int index) {
        this.i = index;
        this.decoded = null;
        return this;
    }

    @Override
    public List<Object> values(String field) {
        Object column = column(field);
        if (column != null) {
            return List.of(column);
        }
        if (isColumn(field)) {
            return List.of();
        }
        List<Object> out = new ArrayList<>(2);
        collect(node(field), out);
        return out;
    }

    @Override
    public boolean has(String field) {
        return column(field) != null || (!isColumn(field) && node(field) != null);
    }

    @Override
    public boolean anyValueContains(String needle) {
        if (session.typeName(i).toLowerCase(Locale.ROOT).contains(needle)
                || session.connection(i).id().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        return contains(decoded(), needle);
    }

    /** The keys the columns answer; their values are null when the column has none for this row. */
    private static boolean isColumn(String field) {
        return switch (field) {
            case "frame", "tsNanos", "conn", "proto", "type", "dir", "rttNanos" -> true;
            default -> false;
        };
    }

    private Object column(String field) {
        return switch (field) {
            case "frame" -> session.frame(i);
            case "tsNanos" -> session.tsNanos(i);
            case "conn" -> session.connection(i).id();
            case "proto" -> session.connection(i).protocol().key();
            case "type" -> session.typeName(i);
            case "dir" -> session.direction(i).key();
            case "rttNanos" -> session.rttNanos(i) >= 0 ? session.rttNanos(i) : null;
            case "tag" -> session.connection(i).protocol() == Protocol.NINEP ? session.key(i) : null;
            case "unique" -> session.connection(i).protocol() == Protocol.FUSE ? session.key(i) : null;
            default -> null;
        };
    }

    private ObjectNode decoded() {
        if (decoded == null) {
            decoded = json.toJson(session, i);
        }
        return decoded;
    }

    /** The node at a dotted path, matching keys ignoring case; arrays on the way are searched element-wise. */
    private JsonNode node(String path) {
        return node(decoded(), path);
    }

    /** The node of {@code root} at a dotted path, as a display filter finds it; null when absent. */
    static JsonNode node(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.", -1)) {
            n = child(n, part);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    private static JsonNode child(JsonNode n, String key) {
        if (n.isArray()) {
            ArrayNode found = JsonNodeFactory.instance.arrayNode();
            for (JsonNode e : n) {
                JsonNode c = child(e, key);
                if (c != null) {
                    found.add(c);
                }
            }
            return found.isEmpty() ? null : found;
        }
        if (!n.isObject()) {
            return null;
        }
        JsonNode exact = n.get(key);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equalsIgnoreCase(key)) {
                return f.getValue();
            }
        }
        return null;
    }

    static void collect(JsonNode n, List<Object> out) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return;
        }
        if (n.isContainerNode()) {
            for (JsonNode e : n) {
                collect(e, out);
            }
        } else if (n.isIntegralNumber() && n.canConvertToLong()) {
            out.add(n.longValue());
        } else if (n.isNumber()) {
            out.add(n.doubleValue());
        } else if (n.isBoolean()) {
            out.add(n.booleanValue());
        } else {
            out.add(n.asText());
        }
    }

    private static boolean contains(JsonNode n, String needle) {
        if (n.isContainerNode()) {
            for (JsonNode e : n) {
                if (contains(e, needle)) {
                    return true;
                }
            }
            return false;
        }
        return n.asText().toLowerCase(Locale.ROOT).contains(needle);
    }
}
