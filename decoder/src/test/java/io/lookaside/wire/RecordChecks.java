package io.lookaside.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookaside.report.Json;

/**
 * What every decoded record must satisfy, whatever the bytes: it exists, has a type name, and
 * serializes to JSON as the CLI and the reports write it. For fuzz targets and mutation tests.
 */
public final class RecordChecks {
    private static final ObjectMapper MAPPER = Json.mapper();

    private RecordChecks() {
    }

    /** {@code length}: the message's byte count, which a Malformed offset may not exceed. */
    public static void check(ProtocolMessage m, int length) {
        assertThat(m).isNotNull();
        assertThat(m.typeName()).isNotBlank();
        assertThat(MAPPER.valueToTree(m).isObject()).isTrue();
        if (m instanceof io.lookaside.ninep.Malformed bad) {
            assertThat(bad.reason()).isNotBlank().doesNotContain("\n");
            assertThat(bad.offset()).isBetween(0, length);
        }
        if (m instanceof io.lookaside.fuse.Malformed bad) {
            assertThat(bad.reason()).isNotBlank().doesNotContain("\n");
            assertThat(bad.offset()).isBetween(0, length);
        }
    }
}
