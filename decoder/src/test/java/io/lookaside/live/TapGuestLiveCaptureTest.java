package io.lookaside.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.live.LiveGuest;
import io.lookaside.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A QEMU guest whose virtio-net NIC is a tap device in a network namespace this test creates,
 * mounting 9P over TCP (trans=tcp) from diod in that namespace, on link-local addresses:
 * nothing leaves the namespace. The tap is captured live by {@code lookaside capture
 * --interface TAP} run inside the namespace (libpcap opens interfaces of the namespace its
 * process is in), with its live session's report written at the end; the written file reopens
 * with the same report and the guest's workload in it.
 */
class TapGuestLiveCaptureTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(400)
    void aGuestMountingNinePOverItsTapIsCapturedLive() throws Exception {
        LiveLab.requireRootAndDiod();
        LiveGuest.prepare();
        long pid = ProcessHandle.current().pid();
        String ns = "lkst" + pid;
        String tap = "lktap" + (pid % 1_000_000);
        int net = (int) (pid % 200) + 20; // 169.254.NET.0/24, inside the namespace only
        String server = "169.254." + net + ".1";
        String guest = "169.254." + net + ".2";
        List<Process> started = new ArrayList<>();
        // diod resolves its client's address (getnameinfo) and drops the connection when that
        // fails; the namespace has no name server, so it gets an /etc/hosts of its own
        // (ip netns exec bind-mounts /etc/netns/NS/hosts over /etc/hosts)
        Path etc = Path.of("/etc/netns", ns);
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost\n" + server + " lookaside-server\n" + guest
                + " lookaside-guest\n");
        ns("ip", "netns", "add", ns);
        try {
            inNs(ns, "ip", "link", "set", "lo", "up");
            inNs(ns, "ip", "tuntap", "add", "dev", tap, "mode", "tap");
            inNs(ns, "ip", "addr", "add", server + "/24", "dev", tap);
            inNs(ns, "ip", "link", "set", tap, "up");
            Path export = dir.resolve("export");
            Files.createDirectories(export.resolve("dir"));
            // the guest's first attach is as an unprivileged user (v9fs' default uname): it must
            // reach the export, which JUnit's private temp dir (0700) would not let it
            for (Path p : List.of(dir, export, export.resolve("dir"))) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            }
            Files.writeString(export.resolve("hello.txt"), "hello over the tap\n");
            Files.createSymbolicLink(export.resolve("link"), Path.of("hello.txt"));
            Process diod = start(started, dir.resolve("diod.log"), "ip", "netns", "exec", ns, "diod", "-f", "-n",
                    "-c", "/dev/null", "-l", server + ":564", "-e", export.toString());
            awaitListening(ns, server, diod);

            Path file = dir.resolve("tap.pcapng");
            Path report = dir.resolve("live-report.json");
            Path stderr = dir.resolve("capture.err");
            List<String> capture = new ArrayList<>(List.of("ip", "netns", "exec", ns, javaBin(), "-cp",
                    System.getProperty("java.class.path"), "io.lookaside.cli.Main", "capture", "--interface", tap,
                    "--write", file.toString(), "--report", report.toString(), "--duration", "300"));
            Process cap = start(started, stderr, capture.toArray(String[]::new));
            awaitLine(stderr, "capture: ", cap, 60);

            String console = LiveGuest.boot(prefix(ns, LiveGuest.qemu("live.trans=tcp live.ip=" + guest
                            + "/24 live.server=" + server + " live.port=564 live.aname=" + export,
                    "-netdev", "tap,id=n0,ifname=" + tap + ",script=no,downscript=no",
                    "-device", "virtio-net-pci,netdev=n0")), dir.resolve("console.txt"), 300);
            assertThat(console).contains("LIVE-WL-DONE");
            Thread.sleep(1500); // the last segments (Tclunk, FIN) reach the capture
            new ProcessBuilder("kill", "-INT", Long.toString(cap.toHandle().children().findFirst()
                    .map(ProcessHandle::pid).orElse(cap.pid()))).start().waitFor(5, TimeUnit.SECONDS);
            // ip netns exec execs the command: the JVM is cap itself, or its only child
            if (!cap.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the capture did not stop on SIGINT: " + Files.readString(stderr));
            }
            String err = Files.readString(stderr);
            assertThat(cap.exitValue()).as(err).isZero();
            assertThat(err).contains("0 dropped");

            Session reopened = LiveLab.load(file, 0);
            assertThat(LiveLab.report(reopened)).as("the report of the reopened file equals the live session's")
                    .isEqualTo(Files.readString(report));
            assertThat(LiveLab.count(reopened, "Tversion")).isEqualTo(1);
            assertThat(LiveLab.count(reopened, "Tattach")).isGreaterThanOrEqualTo(1);
            assertThat(LiveLab.count(reopened, "Rlerror")).as("stat of missing names").isGreaterThanOrEqualTo(5);
            assertThat(LiveLab.count(reopened, "Treadlink")).isGreaterThanOrEqualTo(1);
            assertThat(LiveLab.count(reopened, "Twrite")).isGreaterThanOrEqualTo(1);
            assertThat(err).contains("captured " + reopened.size() + " messages");
            assertThat(Files.readString(export.resolve("guest-wrote.txt"))).isEqualTo("written by the guest\n");
        } finally {
            for (Process p : started) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            LiveLab.run(20, "ip", "netns", "del", ns);
            Files.deleteIfExists(etc.resolve("hosts"));
            Files.deleteIfExists(etc);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> prefix(String ns, List<String> cmd) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        all.addAll(cmd);
        return all;
    }

    private static void ns(String... cmd) throws Exception {
        LiveLab.Result r = LiveLab.run(20, cmd);
        if (r.code() != 0) {
            throw new AssertionError(String.join(" ", cmd) + ": " + r.out());
        }
    }

    private static void inNs(String ns, String... cmd) throws Exception {
        ns(prefix(ns, List.of(cmd)).toArray(String[]::new));
    }

    private static Process start(List<Process> started, Path log, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        started.add(p);
        return p;
    }

    private static void awaitListening(String ns, String host, Process diod) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (!diod.isAlive()) {
                throw new AssertionError("diod exited with " + diod.exitValue());
            }
            if (LiveLab.run(10, "ip", "netns", "exec", ns, "ss", "-ltnH").out().contains(host + ":564")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("diod does not listen on " + host + ":564 in " + ns);
    }

    private static void awaitLine(Path file, String text, Process p, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String s = Files.readString(file);
            if (s.contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("the capture ended before it started: " + s);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no \"" + text + "\" from the capture within " + seconds + " s: " + Files.readString(file));
    }
}
