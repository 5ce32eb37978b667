package io.lookaside.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookaside.app.testing.AnalyzedSamples;
import io.lookaside.app.testing.ManualFxThread;
import io.lookaside.app.workbench.ReportExport.Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportExportTest {
    private final ManualFxThread fx = new ManualFxThread();
    private final TaskRunner runner = new TaskRunner(fx, 2, e -> {
        throw new AssertionError(e);
    });
    private final ReportExport export = new ReportExport(runner);

    @TempDir
    Path dir;

    @BeforeEach
    void report() {
        export.reportProperty().set(AnalyzedSamples.get("a-v9fs-busybox-cachenone.pcap.gz").report());
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private ReportExport.Result exportAndWait(Path target, Format f, boolean replace) throws InterruptedException {
        ReportExport.Result before = export.resultProperty().get();
        export.export(target, f, replace);
        fx.runUntil(() -> export.resultProperty().get() != before);
        return export.resultProperty().get();
    }

    @Test
    void exportWritesJsonThatParsesWithTheSchemaKey() throws Exception {
        Path out = dir.resolve("busybox.report.json");

        ReportExport.Result r = exportAndWait(out, Format.JSON, false);

        assertThat(r.written()).isTrue();
        assertThat(r.message()).isEqualTo("Report saved to " + out);
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("schema").asText()).isEqualTo("lookaside.report/1");
        // Sidecar: 4626 Twalk in the capture.
        assertThat(json.at("/capture/messageCounts/Twalk").asLong()).isEqualTo(4626);
        assertThat(export.busyProperty().get()).isFalse();
    }

    @Test
    void exportWritesCsvAndHtmlInTheirFormats() throws Exception {
        Path csv = dir.resolve("r.csv");
        Path html = dir.resolve("r.html");

        exportAndWait(csv, Format.CSV, false);
        exportAndWait(html, Format.HTML, false);

        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8).get(0)).isEqualTo("capture,key,value");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("a-v9fs-busybox-cachenone.pcap.gz");
    }

    @Test
    void exportLeavesAnExistingFileAloneUnlessTheUserAgreedToReplaceIt() throws Exception {
        Path out = Files.writeString(dir.resolve("keep.json"), "mine");

        ReportExport.Result refused = exportAndWait(out, Format.JSON, false);

        assertThat(refused.written()).isFalse();
        assertThat(refused.message()).startsWith("The report was not saved: ").contains("exists");
        assertThat(Files.readString(out)).isEqualTo("mine");
        ReportExport.Result replaced = exportAndWait(out, Format.JSON, true);
        assertThat(replaced.written()).isTrue();
        assertThat(Files.readString(out)).startsWith("{");
        // Atomic writes leave no temporary file behind.
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("keep.json"));
        }
    }

    @Test
    void exportIntoAMissingDirectorySaysWhyAndWritesNothing() throws Exception {
        Path out = dir.resolve("missing").resolve("r.json");

        ReportExport.Result r = exportAndWait(out, Format.JSON, false);

        assertThat(r.written()).isFalse();
        assertThat(r.message()).contains("no such directory");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void exportWithoutAReportSaysSo() {
        export.reportProperty().set(null);

        export.export(dir.resolve("r.json"), Format.JSON, false);

        assertThat(export.resultProperty().get().written()).isFalse();
        assertThat(export.availableProperty().get()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # chosen,        format, written,        format of the name
            r,               JSON,   r.json,
            r.json,          CSV,    r.json,         JSON
            r.CSV,           JSON,   r.CSV,          CSV
            r.htm,           JSON,   r.htm,          HTML
            trace.pcap,      HTML,   trace.pcap.html,
            """)
    void withExtensionAddsTheFormatsExtensionOnlyWhenTheNameHasNone(String chosen, Format f, String written,
                                                                    Format ofName) {
        assertThat(ReportExport.withExtension(dir.resolve(chosen), f)).isEqualTo(dir.resolve(written));
        assertThat(Format.of(dir.resolve(chosen))).isEqualTo(ofName);
    }
}
