package io.lookaside.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.cli.DecodeCommandTest;
import io.lookaside.cli.DecodeCommandTest.Result;
import io.lookaside.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code lookaside capture} as users run it: the interface list, a capture on loopback stopped
 * by SIGINT (exit 0, the file whole, the totals line), the refusals (exit 2, one line), a user
 * without CAP_NET_RAW told what to do, and the same user capturing through a dumpcap that has
 * the capabilities.
 */
class CaptureCommandTest extends LoopbackDiodTest {
    /** Runs the CLI in this JVM with stdout and stderr captured, as the other CLI tests do. */
    static Result run(String... args) {
        return DecodeCommandTest.run(args);
    }

    static void assertRefused(Result r, String says) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(says).hasLineCount(1).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void listInterfacesShowsLoopbackWithItsLinkType() {
        Result r = run("capture", "--list-interfaces");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("NAME").contains("LINK TYPE"));
        assertThat(r.out().lines().filter(l -> l.startsWith("lo ")))
                .singleElement().asString().contains("Ethernet (1)").contains("127.0.0.1").contains("up,lo");
    }

    @Test
    void whatCannotStartExitsTwoWithOneLine() throws Exception {
        Path exists = dir.resolve("exists.pcapng");
        Files.writeString(exists, "keep me");
        assertRefused(run("capture", "--interface", "nosuch0", "--write", dir.resolve("a.pcapng").toString()), "no interface nosuch0");
        assertRefused(run("capture", "--interface", "lo", "--filter", "tcp port", "--write", dir.resolve("b.pcapng").toString()),
                "filter 'tcp port'");
        assertRefused(run("capture", "--interface", "lo", "--write", exists.toString()), "exists (use --force to overwrite)");
        assertRefused(run("capture", "--interface", "lo"), "--write FILE is required");
        assertRefused(run("capture", "--interface", "lo", "--write", dir.resolve("c.pcap.gz").toString()), "uncompressed");
        assertRefused(run("capture", "--interface", "lo", "--write", dir.resolve("d.pcapng").toString(), "--report",
                exists.toString()), "exists (use --force to overwrite)");
        assertThat(dir.resolve("d.pcapng")).doesNotExist();
        assertThat(exists).hasContent("keep me");
        assertThat(dir.resolve("a.pcapng")).doesNotExist();
        assertThat(dir.resolve("b.pcapng")).doesNotExist();
    }

    @Test
    void aBufferLibpcapCannotTakeIsRefusedWithOneLine() {
        Path file = dir.resolve("buffer.pcapng");
        assertRefused(run("capture", "--interface", "lo", "--buffer", "0", "--write", file.toString()),
                "--buffer 0 MB: must be 1 to 2047");
        assertRefused(run("capture", "--interface", "lo", "--buffer", "2048", "--write", file.toString()),
                "--buffer 2048 MB: must be 1 to 2047");
        assertRefused(run("capture", "--interface", "lo", "--buffer", "lots", "--write", file.toString()), "--buffer");
        assertRefused(run("capture", "--qemu-trace", dir.resolve("qemu.log").toString(), "--buffer", "16", "--write",
                file.toString()), "--buffer apply to --interface captures only");
        assertThat(file).doesNotExist();
    }

    /** SIGINT is Ctrl+C; SIGTERM is a plain kill, and what reaches a capture a script started in the background. */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalFinishesTheFileAndExitsZero(String signal) throws Exception {
        Path file = dir.resolve("sig" + signal + ".pcapng");
        Path report = dir.resolve("sig" + signal + ".json");
        try (CliProcess p = CliProcess.start(List.of(), "capture", "--interface", "lo", "--port", String.valueOf(diod.port),
                "--write", file.toString(), "--report", report.toString())) {
            p.awaitLine("capture: ", 20);
            diod.browse();
            Thread.sleep(300);
            p.signal(signal);
            assertThat(p.await(30)).as("exit code; stderr: %s", p.stderr).isEqualTo(0);
            assertThat(p.stderr).allMatch(l -> l.startsWith("capture: ") || l.startsWith("captured "));
            assertThat(p.stderr.get(p.stderr.size() - 1)).startsWith("captured ").contains(" dropped").contains("stopped")
                    .contains(file.toString());
        }
        Session s = LiveLab.load(file, diod.port);
        assertThat(LiveLab.count(s, "Rlerror")).isGreaterThanOrEqualTo(1);
        assertThat(s.truncated()).isFalse();
        assertThat(Files.readString(report)).isEqualTo(LiveLab.report(s));
    }

    @Test
    void aFullDiskEndsTheCaptureWithOneLine() {
        LiveLab.require(Files.isWritable(Path.of("/dev/full")), "no /dev/full");
        Result r = run("capture", "--interface", "lo", "--write", "/dev/full", "--force", "--duration", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.startsWith("lookaside: ")))
                .singleElement().asString().contains("writing /dev/full failed").contains("No space left on device");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aUserWithoutCapNetRawIsToldWhatToDo() throws Exception {
        Path home = dir.resolve("nobody-plain");
        try (CliProcess p = CliProcess.startAsNobody(home, List.of("-Dlookaside.dumpcap=" + home.resolve("no-dumpcap")),
                "capture", "--interface", "lo", "--write", home.resolve("x.pcapng").toString())) {
            assertThat(p.await(30)).isEqualTo(2);
            assertThat(p.stderr).singleElement().asString()
                    .startsWith("lookaside: no permission to capture on lo")
                    .contains("run as root")
                    .contains("setcap cap_net_raw,cap_net_admin=eip ")
                    .contains("dumpcap")
                    .doesNotContain("Exception");
        }
        assertThat(home.resolve("x.pcapng")).doesNotExist();
    }

    @Test
    void aUserWithoutCapNetRawCapturesThroughDumpcap() throws Exception {
        Path dumpcapSrc = LiveLab.which("dumpcap");
        LiveLab.require(dumpcapSrc != null, "dumpcap is not installed (Debian: apt-get install wireshark-common)");
        LiveLab.require(LiveLab.which("setcap") != null, "setcap is not installed (Debian: apt-get install libcap2-bin)");
        Path home = dir.resolve("nobody-dumpcap");
        Files.createDirectories(home);
        Path dumpcap = home.resolve("dumpcap");
        Files.copy(dumpcapSrc, dumpcap);
        CliProcess.openUp(home);
        Files.setPosixFilePermissions(dumpcap, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        LiveLab.Result setcap = LiveLab.run(10, "setcap", "cap_net_raw,cap_net_admin=eip", dumpcap.toString());
        LiveLab.require(setcap.code() == 0, "setcap on a copy of dumpcap failed: " + setcap.out());
        Path file = home.resolve("via-dumpcap.pcapng");
        try (CliProcess p = CliProcess.startAsNobody(home, List.of("-Dlookaside.dumpcap=" + dumpcap),
                "capture", "--interface", "lo", "--port", String.valueOf(diod.port), "--write", file.toString())) {
            p.awaitLine("capture: ", 30);
            diod.browse();
            Thread.sleep(500);
            p.signal("INT");
            assertThat(p.await(30)).as("exit code; stderr: %s", p.stderr).isEqualTo(0);
            assertThat(p.stderr.get(p.stderr.size() - 1)).startsWith("captured ").contains("0 dropped");
        }
        assertThat(Files.getOwner(file).getName()).isEqualTo("nobody");
        Session s = LiveLab.load(file, diod.port);
        assertThat(LiveLab.count(s, "Tversion")).isGreaterThanOrEqualTo(3);
        assertThat(LiveLab.count(s, "Rlerror")).isGreaterThanOrEqualTo(1);
    }
}
