package io.lookaside.live;

import static io.lookaside.live.CaptureCommandTest.assertRefused;
import static io.lookaside.live.CaptureCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.cli.DecodeCommandTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lookaside capture} with the sources that read text: --qemu-trace, --fuse-pid and
 * --fuse-tracefs. The sources themselves are tested on real programs in capture.live; here the
 * command: refusals in one line with exit 2, and a run whose totals and report match the file.
 */
class TextSourceCaptureCommandTest {
    private static final Path LOG = Path.of("src/test/resources/qemu-trace/v9fs-live-wl.log");

    @TempDir
    Path dir;

    @Test
    void whatCannotStartExitsTwoWithOneLine() throws Exception {
        Path w = dir.resolve("w.txt");
        assertRefused(run("capture", "--fuse-pid", "999999999", "--write", w.toString()), "no process 999999999");
        assertRefused(run("capture", "--qemu-trace", dir.resolve("no/dir/q.log").toString(), "--write", w.toString()),
                "its directory does not exist");
        assertRefused(run("capture", "--qemu-trace", LOG.toString(), "--fuse-tracefs", "--write", w.toString()),
                "one source at a time");
        assertRefused(run("capture", "--fuse-tracefs", "--filter", "tcp", "--write", w.toString()),
                "apply to --interface captures only");
        assertRefused(run("capture", "--fuse-pid", Long.toString(ProcessHandle.current().pid()), "--write", w.toString()),
                "Lookaside itself");
        Path exists = Files.writeString(dir.resolve("exists.txt"), "");
        assertRefused(run("capture", "--qemu-trace", LOG.toString(), "--write", exists.toString()),
                "exists (use --force to overwrite)");
        assertRefused(run("capture", "--qemu-trace", LOG.toString()), "--write FILE is required");
    }

    @Test
    void aQemuTraceCaptureEndsOnItsDurationWithTheFileAndReportWhole() throws Exception {
        Path file = dir.resolve("copy.qemu-trace.log");
        Path report = dir.resolve("live.json");
        DecodeCommandTest.Result r = run("capture", "--qemu-trace", LOG.toString(), "--write", file.toString(),
                "--duration", "1.5", "--report", report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("capture: 1 s, ").contains("lines").doesNotContain("Exception");
        assertThat(r.err().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("captured ").contains("0 dropped").contains("1.5 s elapsed").contains(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(LOG));
        var reopened = LiveLab.load(file, 0);
        assertThat(r.err()).contains("captured " + reopened.size() + " messages");
        assertThat(LiveLab.report(reopened)).isEqualTo(Files.readString(report));
    }
}
