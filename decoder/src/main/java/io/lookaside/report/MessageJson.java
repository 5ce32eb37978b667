package io.lookaside.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.lookaside.capture.Protocol;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.wire.ProtocolMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One message as a flat JSON object: the common keys ({@code frame}, {@code tsNanos},
 * {@code conn}, {@code proto}, {@code dialect}, {@code type}, …) then every field of the
 * decoded record under its spec name, then {@code rttNanos} on replies whose request was seen.
 *
 * <p>{@link #write} streams it to a {@link JsonGenerator}: no tree per message (building one
 * cost five times the decoding, measured in docs/performance.md). The record's own fields go
 * through Jackson's serializer for its class, property by property, so the JSON keys stay the
 * record components' names; a component that would repeat a common key is left out, and a name
 * the record itself repeats appears once, as in a tree.
 */
public final class MessageJson {
    /** Keys written before or after the record's fields. */
    private static final Set<String> COMMON = Set.of("frame", "tsNanos", "conn", "proto", "dialect", "type", "dir",
            "noRequest", "flushed", "headerOnly", "noReplyExpected", "resent", "interrupted", "rttNanos");

    private final ObjectMapper mapper;
    /** A serializer provider is meant for one thread at a time. */
    private final ThreadLocal<SerializerProvider> provider;
    private final ClassValue<Fields> fields;
    /** Connection ids, quoted and encoded once: the same few strings on every line. */
    private final Map<String, SerializedString> ids = new ConcurrentHashMap<>();

    public MessageJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.provider = ThreadLocal.withInitial(mapper::getSerializerProviderInstance);
        this.fields = new ClassValue<>() {
            @Override
            protected Fields computeValue(Class<?> type) {
                return fieldsOf(type, provider.get());
            }
        };
    }

    /** Message {@code i} as a tree, for views that walk its fields. */
    public ObjectNode toJson(Session s, int i) {
        try (TokenBuffer buffer = new TokenBuffer(mapper, false)) {
            write(buffer, s, i);
            return (ObjectNode) mapper.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a token buffer does no I/O
        }
    }

    /** Writes message {@code i} as one JSON object. */
    public void write(JsonGenerator g, Session s, int i) throws IOException {
        g.writeStartObject();
        g.writeNumberField("frame", s.frame(i));
        g.writeNumberField("tsNanos", s.tsNanos(i));
        g.writeFieldName("conn");
        g.writeString(ids.computeIfAbsent(s.connection(i).id(), SerializedString::new));
        Protocol proto = s.connection(i).protocol();
        g.writeStringField("proto", proto.key());
        g.writeStringField("dialect", s.dialect(i));
        ProtocolMessage m = s.message(i);
        g.writeStringField("type", m.typeName());
        if (proto == Protocol.FUSE) {
            g.writeStringField("dir", s.direction(i).key());
        }
        SerializerProvider prov = provider.get();
        Fields f = fields.get(m.getClass());
        if (f.flat) {
            for (PropertyWriter p : f.writers) {
                field(p, m, g, prov);
            }
        } else {
            unwrapped(f, m, g, prov);
        }
        flag(g, s, i, Session.NO_REQUEST, "noRequest");
        flag(g, s, i, Session.FLUSHED, "flushed");
        flag(g, s, i, Session.HEADER_ONLY, "headerOnly");
        flag(g, s, i, Session.NO_REPLY_EXPECTED, "noReplyExpected");
        flag(g, s, i, Session.RESENT, "resent");
        flag(g, s, i, Session.INTERRUPTED, "interrupted");
        long rtt = s.rttNanos(i);
        if (rtt >= 0 && s.direction(i) == Direction.REPLY) {
            g.writeNumberField("rttNanos", rtt);
        }
        g.writeEndObject();
    }

    private static void field(PropertyWriter p, ProtocolMessage m, JsonGenerator g, SerializerProvider prov)
            throws IOException {
        try {
            p.serializeAsField(m, g, prov);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new JsonMappingException(g, "cannot write " + p.getName() + " of " + m.typeName(), e);
        }
    }

    /**
     * A record with an unwrapped header (FUSE) may name a field twice (SETATTR's uid and gid
     * are also the header's): its fields go through a token buffer, and when a name repeats,
     * through a tree, where the later value takes the first one's place, as Jackson merges them.
     */
    private void unwrapped(Fields f, ProtocolMessage m, JsonGenerator g, SerializerProvider prov) throws IOException {
        try (TokenBuffer body = new TokenBuffer(mapper, false)) {
            body.writeStartObject();
            for (PropertyWriter p : f.writers) {
                field(p, m, body, prov);
            }
            body.writeEndObject();
            if (!repeatsAName(body)) {
                JsonParser p = body.asParser();
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    g.writeFieldName(p.currentName());
                    p.nextToken();
                    g.copyCurrentStructure(p);
                }
                return;
            }
            ObjectNode merged = (ObjectNode) mapper.readTree(body.asParser());
            for (Iterator<Map.Entry<String, JsonNode>> it = merged.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                mapper.writeTree(g, e.getValue());
            }
        }
    }

    private static boolean repeatsAName(TokenBuffer body) throws IOException {
        Set<String> names = new HashSet<>();
        JsonParser p = body.asParser();
        p.nextToken();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (!names.add(p.currentName())) {
                return true;
            }
            p.nextToken();
            p.skipChildren();
        }
        return false;
    }

    private static void flag(JsonGenerator g, Session s, int i, int flag, String key) throws IOException {
        if (s.hasFlag(i, flag)) {
            g.writeBooleanField(key, true);
        }
    }

    /** The record's properties as Jackson serializes them, common keys left out; flat when none is unwrapped. */
    private record Fields(List<PropertyWriter> writers, boolean flat) {
    }

    private static Fields fieldsOf(Class<?> t, SerializerProvider prov) {
        try {
            JsonSerializer<Object> ser = prov.findValueSerializer(t);
            List<PropertyWriter> out = new ArrayList<>();
            boolean flat = true;
            for (Iterator<PropertyWriter> it = ser.properties(); it.hasNext(); ) {
                PropertyWriter p = it.next();
                if (p instanceof BeanPropertyWriter b && b.isUnwrapping()) {
                    flat = false;
                }
                if (!COMMON.contains(p.getName())) {
                    out.add(p);
                }
            }
            return new Fields(List.copyOf(out), flat);
        } catch (JsonMappingException e) {
            throw new IllegalStateException("no JSON serializer for " + t.getName(), e);
        }
    }
}
