package io.lookaside.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.analysis.Analyzer;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.report.ReportBuilder;
import io.lookaside.report.ReportJson;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What the live tests need from the machine (root, diod and its clients, ip netns), checked
 * loudly: a missing piece fails the test, unless {@code -Dlookaside.live.skip=true} says to skip
 * the live tests on this machine. They never pass in silence.
 */
final class LiveLab {
    static final String SKIP = "lookaside.live.skip";

    private LiveLab() {
    }

    /** Fails (or, with -Dlookaside.live.skip=true, skips) unless {@code ok}. */
    static void require(boolean ok, String what) {
        if (ok) {
            return;
        }
        if (Boolean.getBoolean(SKIP)) {
            Assumptions.abort(what + " (skipped: -D" + SKIP + "=true)");
        }
        throw new AssertionError(what + "; live capture tests need it (run as root with diod installed, as .ci/run does),"
                + " or pass -D" + SKIP + "=true to skip them on this machine");
    }

    static void requireRootAndDiod() {
        require("root".equals(System.getProperty("user.name")) || uid() == 0, "not root: live capture needs CAP_NET_RAW");
        for (String tool : List.of("diod", "diodls", "diodcat", "diodload")) {
            require(which(tool) != null, tool + " is not installed (Debian: apt-get install diod)");
        }
    }

    static long uid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    static Path which(String tool) {
        for (String d : (System.getenv("PATH") + ":/usr/sbin:/sbin:/usr/bin").split(":")) {
            Path p = Path.of(d, tool);
            if (!d.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Runs a command to its end, bounded by {@code seconds}; returns its exit code and output. */
    static Result run(int seconds, String... cmd) throws IOException, InterruptedException {
        return run(seconds, List.of(cmd));
    }

    static Result run(int seconds, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException e) {
                // the process is gone
            }
        });
        reader.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            reader.join(2000);
            throw new AssertionError(String.join(" ", cmd) + " did not end within " + seconds + " s: " + out);
        }
        reader.join(2000);
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    record Result(int code, String out) {
    }

    /** The session loaded from the written file, as {@code lookaside report FILE --port PORT} loads it. */
    static Session load(Path file, int port) throws Exception {
        return SessionLoader.load(file, new CaptureOptions(port, null), LoadMonitor.NONE);
    }

    /** Message by message: frame, time, connection, type, tag, direction, request-to-reply time, bytes. */
    static void assertSameMessages(Session live, Session file) {
        assertThat(live.size()).as("messages").isEqualTo(file.size());
        assertThat(live.connections()).as("connections").isEqualTo(file.connections());
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < live.size() && diffs.size() < 5; i++) {
            String a = row(live, i);
            String b = row(file, i);
            if (!a.equals(b)) {
                diffs.add("message " + i + ": live " + a + " / file " + b);
            }
        }
        assertThat(diffs).isEmpty();
        assertThat(live.diagnostics()).isEqualTo(file.diagnostics());
    }

    static String row(Session s, int i) {
        return s.frame(i) + " " + s.tsNanos(i) + " " + s.conn(i) + " " + s.typeName(i) + " " + s.key(i) + " "
                + s.direction(i) + " " + s.rttNanos(i) + " " + s.length(i) + " " + s.peer(i) + " " + s.flags(i);
    }

    /** The JSON report of a session, as {@code lookaside report} writes it. */
    static String report(Session s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportJson.write(ReportBuilder.build(Analyzer.analyze(s), new ReportBuilder.Options(20, 20)), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static int count(Session s, String type) {
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (type.equals(s.typeName(i))) {
                n++;
            }
        }
        return n;
    }
}
