package io.lookaside.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    @Test
    void toStringWritesTheVersionedSchemaWithModelsKeyedById() throws Exception {
        String json = ReportJson.toString(ReportFixtures.report());
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("schema").asText()).isEqualTo("lookaside.report/1");
        List<String> keys = iterable(root.fieldNames());
        assertThat(keys).containsExactly("schema", "capture", "totals", "operations", "paths", "whatIf", "profiles", "findings");
        assertThat(root.get("whatIf").get("walk-cache").get("sweep")).hasSize(7);
        assertThat(root.get("whatIf").get("walk-cache").get("sweep").get(6).get("windowNanos").isNull()).isTrue();
        assertThat(root.get("profiles").get("walk-cache").get("predictedCounts").get("Twalk").asLong()).isEqualTo(1);
        assertThat(root.get("operations").get(0).get("p99Nanos").isIntegralNumber()).isTrue();
        assertThat(root.get("findings").get(0).get("evidence").has("frames")).isTrue();
    }

    @Test
    void toStringIsIndentedWithNewlinesOnlyAndEndsWithOne() {
        String json = ReportJson.toString(ReportFixtures.report());
        assertThat(json).doesNotContain("\r").endsWith("}\n").contains("\n  \"capture\" : {");
    }

    @Test
    void toStringHoldsNoDirectories() {
        String json = ReportJson.toString(ReportFixtures.report());
        assertThat(json).contains("\"file\" : \"trace.pcap\"").doesNotContain("captures/synthetic");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
