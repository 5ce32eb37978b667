package io.lookaside.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's diod serving a directory the test fills, on an address and port of the test's
 * choosing (never 564 on the host's loopback: other tests may run at the same time), with its
 * userspace clients: real 9P2000.L traffic without a kernel mount.
 */
final class Diod implements AutoCloseable {
    final String host;
    final int port;
    final Path export;
    private final Process process;

    /** {@code prefix}: a command to run diod in, such as {@code ip netns exec NS}, or empty. */
    Diod(List<String> prefix, String host, int port, Path export) throws IOException, InterruptedException {
        this.host = host;
        this.port = port;
        this.export = export;
        Files.createDirectories(export.resolve("sub"));
        Files.writeString(export.resolve("hello.txt"), "hello over 9P\n");
        Files.writeString(export.resolve("sub").resolve("deeper.txt"), "x".repeat(5000));
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("diod", "-f", "-n", "-c", "/dev/null", "-l", host + ":" + port, "-e", export.toString(), "-e", "ctl"));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitListening();
        } catch (AssertionError | IOException | InterruptedException e) {
            close();
            throw e;
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("diod exited with " + process.exitValue() + " before it listened on " + host + ":" + port);
            }
            LiveLab.Result r = LiveLab.run(10, "diodls", "-t", "2", "-s", address(), "-a", export.toString());
            if (r.code() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("diod did not answer on " + address() + " within 10 s");
    }

    String address() {
        return host + ":" + port;
    }

    /** A little of everything: a listing with attributes, two reads, a missing file (Rlerror ENOENT). */
    void browse() throws IOException, InterruptedException {
        LiveLab.Result ls = LiveLab.run(20, "diodls", "-t", "10", "-l", "-s", address(), "-a", export.toString());
        if (ls.code() != 0 || !ls.out().contains("hello.txt")) {
            throw new AssertionError("diodls failed: " + ls.out());
        }
        LiveLab.Result cat = LiveLab.run(20, "diodcat", "-t", "10", "-s", address(), "-a", export.toString(), "hello.txt",
                "sub/deeper.txt");
        if (cat.code() != 0 || !cat.out().contains("hello over 9P")) {
            throw new AssertionError("diodcat failed: " + cat.out());
        }
        LiveLab.Result missing = LiveLab.run(20, "diodcat", "-t", "10", "-s", address(), "-a", export.toString(), "missing.txt");
        if (missing.code() == 0) {
            throw new AssertionError("diodcat of a missing file succeeded: " + missing.out());
        }
    }

    /** A getattr storm: diodload -g with {@code threads} threads for {@code seconds}, bounded by timeout. */
    LiveLab.Result load(int seconds, int threads) throws IOException, InterruptedException {
        return LiveLab.run(seconds + 20, "timeout", String.valueOf(seconds + 10), "diodload", "-s", address(), "-g",
                "-r", String.valueOf(seconds), "-n", String.valueOf(threads));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
