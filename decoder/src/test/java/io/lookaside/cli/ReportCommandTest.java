package io.lookaside.cli;

import static io.lookaside.cli.DecodeCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookaside.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportCommandTest {
    static final String SAMPLE = Samples.path("b-fuse-bindfs.fusedump.gz").toString();

    @TempDir
    Path dir;

    static void assertOneCleanLine(DecodeCommandTest.Result r) {
        assertThat(r.err()).hasLineCount(1).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void reportWritesJsonToStandardOutputByDefault() throws IOException {
        DecodeCommandTest.Result r = run("report", SAMPLE);
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.err()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("schema").asText()).isEqualTo("lookaside.report/1");
        assertThat(root.get("capture").get("file").asText()).isEqualTo("b-fuse-bindfs.fusedump.gz");
        assertThat(root.get("operations").get(0).get("op").asText()).isEqualTo("LOOKUP");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            json, r.json, '{'
            csv,  r.csv,  'capture,key,value'
            html, r.html, <!DOCTYPE html>
            """)
    void reportWritesEachFormatToOut(String format, String name, String start) throws IOException {
        Path out = dir.resolve(name);
        DecodeCommandTest.Result r = run("report", SAMPLE, "--format", format, "--out", out.toString(), "--top", "5");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).startsWith(start);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void reportRefusesAnExistingOutWithoutForce() throws IOException {
        Path out = dir.resolve("r.json");
        Files.writeString(out, "keep me");
        DecodeCommandTest.Result r = run("report", SAMPLE, "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("exists (use --force to overwrite)");
        assertOneCleanLine(r);
        assertThat(out).hasContent("keep me");
        DecodeCommandTest.Result forced = run("report", SAMPLE, "--out", out.toString(), "--force");
        assertThat(forced.code()).isEqualTo(0);
        assertThat(Files.readString(out)).startsWith("{");
    }

    @Test
    void reportRefusesADirectoryAsOut() {
        DecodeCommandTest.Result r = run("report", SAMPLE, "--out", dir.toString(), "--force");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is a directory");
        assertOneCleanLine(r);
    }

    @Test
    void reportLeavesNothingWhenTheOutDirectoryDoesNotExist() throws IOException {
        Path out = dir.resolve("nope").resolve("r.html");
        DecodeCommandTest.Result r = run("report", SAMPLE, "--format", "html", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertOneCleanLine(r);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void reportExitsTwoWithOneLineForBadInputs() throws IOException {
        assertThat(run("report", dir.resolve("missing.pcap").toString()).code()).isEqualTo(2);
        DecodeCommandTest.Result dirInput = run("report", dir.toString());
        assertThat(dirInput.code()).isEqualTo(2);
        assertThat(dirInput.err()).contains("is a directory");
        assertOneCleanLine(dirInput);
        Path garbage = dir.resolve("garbage.bin");
        Files.write(garbage, new byte[] {0x42, 1, 2, 3, 4, 5, 6, 7});
        DecodeCommandTest.Result g = run("report", garbage.toString());
        assertThat(g.code()).isEqualTo(2);
        assertThat(g.err()).contains("not a capture");
        assertOneCleanLine(g);
        DecodeCommandTest.Result as = run("report", SAMPLE, "--as", "wav");
        assertThat(as.code()).isEqualTo(2);
        assertOneCleanLine(as);
        DecodeCommandTest.Result top = run("report", SAMPLE, "--top", "-1");
        assertThat(top.code()).isEqualTo(2);
        assertOneCleanLine(top);
    }

    @Test
    void reportAnswersAMistypedCommandLineInOneLine() {
        DecodeCommandTest.Result format = run("report", SAMPLE, "--format", "xml");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).startsWith("lookaside: Invalid value for option '--format'").endsWith("(see lookaside report --help)\n");
        assertOneCleanLine(format);
        DecodeCommandTest.Result missing = run("report");
        assertThat(missing.code()).isEqualTo(2);
        assertOneCleanLine(missing);
        assertThat(run("report", SAMPLE, "--format", "HTML").code()).isEqualTo(0);
    }

    @Test
    void diffComparesTwoCaptures() throws IOException {
        String other = Samples.path("b-fuse-fuse-overlayfs.fusedump.gz").toString();
        DecodeCommandTest.Result r = run("diff", SAMPLE, other);
        assertThat(r.code()).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("schema").asText()).isEqualTo("lookaside.diff/1");
        assertThat(root.get("a").get("capture").get("file").asText()).isEqualTo("b-fuse-bindfs.fusedump.gz");
        assertThat(root.get("b").get("capture").get("file").asText()).isEqualTo("b-fuse-fuse-overlayfs.fusedump.gz");
        Path html = dir.resolve("d.html");
        assertThat(run("diff", SAMPLE, other, "--format", "html", "--out", html.toString()).code()).isEqualTo(0);
        assertThat(Files.readString(html)).contains("Wait-time comparison");
        DecodeCommandTest.Result missing = run("diff", SAMPLE, dir.resolve("nope.pcap").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertOneCleanLine(missing);
    }
}
