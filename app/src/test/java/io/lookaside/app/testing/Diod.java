package io.lookaside.app.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's diod 9P server on 127.0.0.1 at a free port, exporting a directory, and its userspace
 * clients (diodls, diodcat, diodload) as real traffic for live captures. Nothing leaves the
 * loopback interface; every client runs bounded in time. Live tests need root (libpcap needs
 * CAP_NET_RAW) and diod: without them they fail with what is missing, unless
 * {@code -Dlookaside.live.skip=true} says to skip them (then JUnit reports them skipped, not passed).
 */
public final class Diod implements AutoCloseable {
    private static final Path SBIN = Path.of("/usr/sbin");

    private final Process server;
    private final int port;
    private final Path export;

    private Diod(Process server, int port, Path export) {
        this.server = server;
        this.port = port;
        this.export = export;
    }

    /** Fails (or, with -Dlookaside.live.skip=true, skips) unless this machine can capture live with diod. */
    public static void requireLiveCapture() {
        String missing = missing();
        if (missing == null) {
            return;
        }
        Assumptions.assumeFalse(Boolean.getBoolean("lookaside.live.skip"), "live capture skipped: " + missing);
        throw new AssertionError("live capture tests need " + missing
                + " (or run with -Dlookaside.live.skip=true to skip them, saying so)");
    }

    private static String missing() {
        if (!isRoot()) {
            return "root (libpcap needs CAP_NET_RAW to capture on lo)";
        }
        for (String tool : new String[] {"diod", "diodls", "diodcat", "diodload"}) {
            if (!Files.isExecutable(SBIN.resolve(tool))) {
                return tool + " (Debian: apt-get install diod)";
            }
        }
        return null;
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts diod exporting {@code dir} (with a few files in it) on 127.0.0.1 at a free port. */
    public static Diod start(Path dir) throws IOException, InterruptedException {
        requireLiveCapture();
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/hosts"), "127.0.0.1 localhost\n");
        Files.write(dir.resolve("blob"), new byte[256 * 1024]);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(SBIN.resolve("diod").toString(), "-f", "-n", "-c", "/dev/null", "-L", "stderr",
                "-l", "127.0.0.1:" + port, "-e", dir.toString(), "-e", "ctl")
                .redirectErrorStream(true).redirectOutput(dir.resolveSibling("diod-" + port + ".log").toFile()).start();
        Diod d = new Diod(p, port, dir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!d.accepts()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                d.close();
                throw new IOException("diod did not start on 127.0.0.1:" + port);
            }
            Thread.sleep(50);
        }
        return d;
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** One diodls of the export's root and one diodcat of a file and of a missing one: a few dozen messages. */
    public void browse() throws IOException, InterruptedException {
        run(10, "diodls", "-l", "-s", server(), "-a", export.toString());
        run(10, "diodcat", "-s", server(), "-a", export.toString(), "etc/hosts", "blob");
        run(10, "diodcat", "-s", server(), "-a", export.toString(), "missing.h");
    }

    /** diodload's getattr storm, {@code threads} threads for {@code seconds} s, killed after twice that. */
    public void getattrStorm(int threads, int seconds) throws IOException, InterruptedException {
        run(2L * seconds + 5, "diodload", "-s", server(), "-n", Integer.toString(threads), "-r", Integer.toString(seconds), "-g");
    }

    private String server() {
        return "127.0.0.1:" + port;
    }

    /** Runs a client to its end or for at most {@code seconds}; its output is discarded (its exit status too: ENOENT is the point of some). */
    private static void run(long seconds, String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(SBIN.resolve(tool).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(5, TimeUnit.SECONDS)) {
            server.destroyForcibly();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
