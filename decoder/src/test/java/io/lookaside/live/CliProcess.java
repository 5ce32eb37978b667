package io.lookaside.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code lookaside …} as a real process on the decoder's classpath: for what only a process
 * shows (a SIGINT, a user without privileges). For another user the classpath is copied to a
 * directory everyone may read, since the build's own may sit in root's home.
 */
final class CliProcess implements AutoCloseable {
    final Process process;
    final List<String> stderr = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private CliProcess(List<String> cmd) throws IOException {
        process = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    stderr.add(line);
                }
            } catch (IOException e) {
                // gone
            }
        });
        reader.start();
    }

    /** The main classes and the runtime libraries, without the test classes. */
    static List<String> classpath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> out = new ArrayList<>();
        for (String e : cp.split(java.io.File.pathSeparator)) {
            String name = Path.of(e).getFileName().toString();
            if (e.endsWith("classes") && !e.endsWith("test-classes")
                    || name.matches("(pcap4j|jna|jackson|picocli|slf4j).*\\.jar")) {
                out.add(e);
            }
        }
        return out;
    }

    static CliProcess start(List<String> jvmOptions, String... args) throws IOException {
        return start(List.of(), String.join(java.io.File.pathSeparator, classpath()), jvmOptions, args);
    }

    /** As user nobody (setpriv), with the classpath copied under {@code dir}. */
    static CliProcess startAsNobody(Path dir, List<String> jvmOptions, String... args) throws IOException {
        Path lib = dir.resolve("lib");
        Files.createDirectories(lib);
        List<String> copied = new ArrayList<>();
        int n = 0;
        for (String e : classpath()) {
            Path src = Path.of(e);
            Path dst = lib.resolve((n++) + "-" + src.getFileName());
            copyTree(src, dst);
            copied.add(dst.toString());
        }
        openUp(dir);
        return start(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
                String.join(java.io.File.pathSeparator, copied), jvmOptions, args);
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        if (Files.isDirectory(src)) {
            try (var s = Files.walk(src)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Path t = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            }
        } else {
            Files.copy(src, dst);
        }
    }

    /** Readable by everyone, down from {@code dir}; {@code dir} itself writable (for the capture file). */
    static void openUp(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) || Files.isExecutable(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        for (Path p = dir.toAbsolutePath().getParent(); p != null && !p.equals(tmp); p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
            perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(p, perms);
        }
    }

    private static CliProcess start(List<String> prefix, String cp, List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add("io.lookaside.cli.Main");
        cmd.addAll(List.of(args));
        return new CliProcess(cmd);
    }

    /** Waits for a stderr line that starts with {@code prefix}. */
    void awaitLine(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (stderr.stream().anyMatch(l -> l.startsWith(prefix))) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no stderr line starting with '" + prefix + "' within " + seconds + " s: " + stderr);
    }

    void signal(String name) throws IOException, InterruptedException {
        LiveLab.Result r = LiveLab.run(10, "kill", "-" + name, String.valueOf(process.pid()));
        if (r.code() != 0) {
            throw new AssertionError("kill -" + name + " failed: " + r.out());
        }
    }

    int await(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("lookaside did not exit within " + seconds + " s: " + stderr);
        }
        reader.join(5000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        reader.join(5000);
    }
}
