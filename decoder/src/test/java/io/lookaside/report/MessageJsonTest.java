package io.lookaside.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookaside.Samples;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.capture.Protocol;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import io.lookaside.wire.ProtocolMessage;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageJsonTest {
    private static final ObjectMapper MAPPER = Json.mapper();

    /**
     * An independent way to the same object: the record turned into a tree by Jackson as a whole
     * (valueToTree), its fields merged after the common keys, then the flags and the RTT.
     */
    private static ObjectNode reference(Session s, int i) {
        ObjectNode o = MAPPER.createObjectNode();
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
        JsonNode body = MAPPER.valueToTree(m);
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!o.has(f.getKey())) {
                o.set(f.getKey(), f.getValue());
            }
        }
        String[] keys = {"noRequest", "flushed", "headerOnly", "noReplyExpected", "resent", "interrupted"};
        int[] flags = {Session.NO_REQUEST, Session.FLUSHED, Session.HEADER_ONLY, Session.NO_REPLY_EXPECTED,
                Session.RESENT, Session.INTERRUPTED};
        for (int k = 0; k < keys.length; k++) {
            if (s.hasFlag(i, flags[k])) {
                o.put(keys[k], true);
            }
        }
        long rtt = s.rttNanos(i);
        if (rtt >= 0 && s.direction(i) == Direction.REPLY) {
            o.put("rttNanos", rtt);
        }
        return o;
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            a-v9fs-busybox-cachenone.pcap.gz
            a-v9fs-gccsplit-srccacheloose.pcap.gz
            a-v9fs-busybox-cacheloose-ganesha.pcap.gz
            a-v9fs-version-9p2000.u-vs-diod.pcap.gz
            c-diod-userspace.pcap.gz
            b-fuse-bindfs.fusedump.gz
            b-fuse-fuse-overlayfs.fusedump.gz
            b-fuse-glusterfs.fusedump.gz
            b-fuse-bindfs.strace.txt.gz
            b-fuse-bindfs.tracefs.txt
            """)
    void writeStreamsTheSameTextAsTheRecordsTreeOnEverySample(String sample) throws Exception {
        Session s = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        MessageJson json = new MessageJson(MAPPER);

        for (int i = 0; i < s.size(); i++) {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(w)) {
                json.write(g, s, i);
            }
            String expected = MAPPER.writeValueAsString(reference(s, i));
            assertThat(w.toString()).as("message %d", i).isEqualTo(expected);
            if (i % 500 == 0) {
                assertThat(json.toJson(s, i)).isEqualTo(reference(s, i));
            }
        }
    }
}
