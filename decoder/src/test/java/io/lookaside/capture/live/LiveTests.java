package io.lookaside.capture.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.lookaside.capture.CaptureSource;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.capture.RecordingSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;

/**
 * What the live-source tests share: running a source on a thread of its own, comparing what it
 * delivered with what the offline reader makes of the written file, and the rule for missing
 * privileges or programs: fail loudly, unless {@code -Dlookaside.live.skip=true} says to skip.
 */
final class LiveTests {
    private LiveTests() {
    }

    /** Fails (or, with lookaside.live.skip=true, skips) when {@code ok} is false. */
    static void require(boolean ok, String what) {
        if (ok) {
            return;
        }
        if (Boolean.getBoolean("lookaside.live.skip")) {
            Assumptions.abort("skipped (lookaside.live.skip=true): " + what);
        }
        fail(what + " — this test needs it; run with -Dlookaside.live.skip=true to skip the live tests");
    }

    static void requireRoot() {
        require("root".equals(System.getProperty("user.name")), "root (ptrace, tracefs, mounts, namespaces)");
    }

    static void requireProgram(String name) {
        require(on(name), name + " on PATH");
    }

    static boolean on(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** A source running on its own thread, as LiveSession runs one. */
    static final class Running {
        final LiveSource source;
        final RecordingSink sink = new RecordingSink();
        final Thread thread;
        final AtomicReference<Throwable> failed = new AtomicReference<>();
        volatile int ticks;

        Running(LiveSource source) throws Exception {
            this.source = source;
            source.start();
            thread = new Thread(() -> {
                try {
                    source.run(sink, () -> ticks++);
                } catch (Throwable t) {
                    failed.set(t);
                }
            }, "live-test");
            thread.start();
        }

        /** Stops the source and waits for run() to return. */
        RecordingSink stop() throws Exception {
            source.stop();
            thread.join(30_000);
            assertThat(thread.isAlive()).as("run() returned after stop()").isFalse();
            if (failed.get() != null) {
                throw new AssertionError("run() failed", failed.get());
            }
            return sink;
        }

        /** Waits until the sink holds {@code n} messages, at most {@code seconds}. */
        void awaitMessages(int n, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end && messages() < n) {
                Thread.sleep(50);
            }
        }

        int messages() {
            return sink.messages.size(); // read while the source adds: only a progress hint
        }
    }

    /** What the offline reader makes of the written file. */
    static RecordingSink offline(CaptureSource source) throws Exception {
        RecordingSink sink = new RecordingSink();
        source.read(sink, LoadMonitor.NONE);
        return sink;
    }

    /** The same messages (connection, direction, frame, time, bytes, flags) in the same order. */
    static void assertSameMessages(RecordingSink live, RecordingSink reopened) {
        assertThat(reopened.connections).isEqualTo(live.connections);
        assertThat(reopened.messages).hasSameSizeAs(live.messages);
        for (int i = 0; i < live.messages.size(); i++) {
            RecordingSink.Message a = live.messages.get(i);
            RecordingSink.Message b = reopened.messages.get(i);
            assertThat(List.of(b.conn(), b.fromClient(), b.frame(), b.tsNanos(), b.flags()))
                    .as("message %d", i).isEqualTo(List.of(a.conn(), a.fromClient(), a.frame(), a.tsNanos(), a.flags()));
            assertThat(b.bytes()).as("bytes of message %d", i).isEqualTo(a.bytes());
        }
    }

    /** Runs a command to its end (bounded), returning its output; fails with the output when it fails. */
    static String run(int seconds, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish in " + seconds + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }

    /** The lab folder of the repository (tests run in decoder/). */
    static Path lab() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples/lab"))) {
                return p.resolve("samples/lab");
            }
        }
        throw new AssertionError("samples/lab not found above " + here);
    }
}
