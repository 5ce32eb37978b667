package io.lookaside.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookaside.capture.Protocol;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.wire.ProtocolMessage;
import java.util.Iterator;
import java.util.Map;

/**
 * One message as a flat JSON object: the common keys ({@code frame}, {@code tsNanos},
 * {@code conn}, {@code proto}, {@code dialect}, {@code type}, …) then every field of the
 * decoded record under its spec name, then {@code rttNanos} on replies whose request was seen.
 */
public final class MessageJson {
    private final ObjectMapper mapper;

    public MessageJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode toJson(Session s, int i) {
        ObjectNode o = mapper.createObjectNode();
        o.put("frame", s.frame(i));
        o.put("tsNanos", s.tsNanos(i));
        o.put("conn", s.connection(i).id());
        Protocol proto = s.connection(i).protocol();
        o.put("proto", proto.key());
        o.put("dialect", s.dialect(i));
        ProtocolMessage m = s.message(i);
        o.put("type", m.typeName());
        if (proto == Protocol.FUSE) {
            o.put("dir", s.direction(i).key());
        }
        JsonNode body = mapper.valueToTree(m);
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!o.has(f.getKey())) {
                o.set(f.getKey(), f.getValue());
            }
        }
        if (s.hasFlag(i, Session.NO_REQUEST)) {
            o.put("noRequest", true);
        }
        if (s.hasFlag(i, Session.FLUSHED)) {
            o.put("flushed", true);
        }
        if (s.hasFlag(i, Session.HEADER_ONLY)) {
            o.put("headerOnly", true);
        }
        if (s.hasFlag(i, Session.NO_REPLY_EXPECTED)) {
            o.put("noReplyExpected", true);
        }
        if (s.hasFlag(i, Session.RESENT)) {
            o.put("resent", true);
        }
        if (s.hasFlag(i, Session.INTERRUPTED)) {
            o.put("interrupted", true);
        }
        long rtt = s.rttNanos(i);
        if (rtt >= 0 && s.direction(i) == Direction.REPLY) {
            o.put("rttNanos", rtt);
        }
        return o;
    }
}
