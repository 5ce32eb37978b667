package io.lookaside.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

    static String csv(Report r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportCsv.write(r, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Section name → its rows (header first), split at blank lines. */
    static Map<String, List<List<String>>> sections(String text) {
        Map<String, List<List<String>>> sections = new LinkedHashMap<>();
        List<List<String>> current = new ArrayList<>();
        for (List<String> row : CsvReader.rows(text)) {
            if (row.isEmpty()) {
                sections.put(current.get(0).get(0), current);
                current = new ArrayList<>();
            } else {
                current.add(row);
            }
        }
        sections.put(current.get(0).get(0), current);
        return sections;
    }

    @Test
    void writeGivesOneRectangularTablePerSectionInOrder() throws Exception {
        String text = csv(ReportFixtures.report());
        assertThat(text).endsWith("\r\n");
        Map<String, List<List<String>>> s = sections(text);
        assertThat(s.keySet()).containsExactly("capture", "operations", "paths", "whatif", "sweep", "profiles",
                "profile_counts", "findings");
        for (Map.Entry<String, List<List<String>>> e : s.entrySet()) {
            List<List<String>> rows = e.getValue();
            int width = rows.get(0).size();
            for (List<String> row : rows) {
                assertThat(row).as(e.getKey()).hasSize(width);
                assertThat(row.get(0)).isEqualTo(e.getKey());
            }
        }
        assertThat(s.get("paths")).hasSize(1 + 5);
    }

    @Test
    void writeQuotesNamesFromTheCaptureAndReadsBackTheSameValues() throws Exception {
        Map<String, List<List<String>>> s = sections(csv(ReportFixtures.report()));
        List<List<String>> findings = s.get("findings");
        int paths = findings.get(0).indexOf("evidence_paths");
        assertThat(findings.stream().skip(1).map(r -> r.get(paths))).contains("missing\n" + ReportFixtures.HOSTILE);
        List<List<String>> ops = s.get("operations");
        assertThat(ops.get(0)).containsExactly("operations", "op", "count", "answered", "errors", "errors_by_name", "total_ns",
                "mean_ns", "p50_ns", "p90_ns", "p99_ns", "max_ns", "bytes");
        assertThat(ops.get(1)).containsExactly("operations", "Twalk", "7", "7", "7", "ENOENT=7", "900000", "128571",
                "100000", "200000", "200000", "200000", "0");
        assertThat(s.get("paths").get(2)).startsWith("paths", ReportFixtures.HOSTILE, "2", "2", "400000");
        List<List<String>> sweep = s.get("sweep");
        assertThat(sweep).hasSize(8);
        assertThat(sweep.get(7)).startsWith("sweep", "walk-cache", "inf", "");
    }
}
