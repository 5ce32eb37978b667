package io.lookaside.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookaside.capture.Diagnostic;
import io.lookaside.report.Json;
import io.lookaside.report.MessageJson;
import io.lookaside.wire.RecordChecks;

/**
 * What every session must satisfy, whatever its input: rows point at existing connections,
 * pairing is symmetric (a request and its reply, the request first, in one connection), every
 * row decodes to a record and to the JSON line the CLI writes, diagnostics are bounded one-line
 * texts. For fuzz targets and mutation tests.
 */
public final class SessionChecks {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final MessageJson JSON = new MessageJson(MAPPER);

    private SessionChecks() {
    }

    /** {@code framesInOrder}: the source promises capture order (the FUSE sources; pcap does not while hunting). */
    public static void check(Session s, boolean framesInOrder) {
        int conns = s.connections().size();
        long lastFrame = 0;
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.conn(i)).isBetween(0, conns - 1);
            assertThat(s.frame(i)).isPositive();
            if (framesInOrder) {
                assertThat(s.frame(i)).isGreaterThanOrEqualTo(lastFrame);
                lastFrame = s.frame(i);
            }
            int p = s.peer(i);
            if (p >= 0) {
                assertThat(p).isNotEqualTo(i).isBetween(0, s.size() - 1);
                assertThat(s.peer(p)).isEqualTo(i);
                assertThat(s.conn(p)).isEqualTo(s.conn(i));
                int request = s.direction(i) == Direction.REQUEST ? i : p;
                int reply = request == i ? p : i;
                assertThat(s.direction(request)).isEqualTo(Direction.REQUEST);
                assertThat(s.direction(reply)).isEqualTo(Direction.REPLY);
                assertThat(request).isLessThan(reply);
            }
            RecordChecks.check(s.message(i), s.bytes(i).remaining());
            assertThat(s.typeName(i)).isNotBlank();
            assertThat(s.dialect(i)).isNotBlank();
            s.requester(i);
            assertThat(MAPPER.valueToTree(JSON.toJson(s, i)).isObject()).isTrue();
        }
        assertThat(s.diagnostics()).hasSizeLessThanOrEqualTo(SessionBuilder.MAX_DIAGNOSTICS + 1);
        for (Diagnostic d : s.diagnostics()) {
            assertThat(d.text()).isNotBlank().doesNotContain("\n", "\r");
        }
    }
}
