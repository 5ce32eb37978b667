package io.lookaside.capture.live;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.InputKind;
import io.lookaside.capture.LineDecoder;
import io.lookaside.capture.MessageSink;
import io.lookaside.capture.StraceSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Watches a running FUSE daemon by attaching strace to it ({@code strace -p PID -f}, every
 * thread), with the flags of the lab recipe b1_fuse_strace.sh so that {@link StraceSource}
 * reads the output: full hex-escaped bytes of every read and write on /dev/fuse. strace writes
 * the file itself ({@code -o}); this source follows it as it grows. Stopping sends strace
 * SIGINT, on which it detaches from every thread and lets the daemon run on as before.
 */
public final class StraceLiveSource extends GrowingFileSource {
    /** The flags of b1_fuse_strace.sh: -ttt epoch times, -T durations, -y fd paths, -xx all bytes hex, -s 1M never cut. */
    static final List<String> FLAGS = List.of("-f", "-ttt", "-T", "-y", "-xx", "-s", "1048576",
            "-e", "trace=read,readv,write,writev,splice,vmsplice", "-e", "signal=none");
    /** How long strace may take to attach to every thread, or to detach. */
    private static final long ATTACH_MILLIS = 10_000;

    private final long pid;
    private Process strace;
    private final StringBuilder straceErr = new StringBuilder();

    public StraceLiveSource(long pid, Path written, boolean force) {
        super(written, force);
        this.pid = pid;
    }

    @Override
    boolean copies() {
        return false; // strace writes the file (-o)
    }

    @Override
    public void start() throws CaptureException {
        if (pid <= 0 || ProcessHandle.of(pid).isEmpty()) {
            throw new CaptureException("no process " + pid + " (give the FUSE daemon's pid)");
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new CaptureException("pid " + pid + " is Lookaside itself, not a FUSE daemon");
        }
        refuseExisting();
        try {
            Files.deleteIfExists(written);
        } catch (IOException e) {
            throw new CaptureException(written + ": cannot be replaced (" + e.getMessage() + ")", e);
        }
        List<String> cmd = new ArrayList<>(List.of("strace", "-p", Long.toString(pid)));
        cmd.addAll(FLAGS);
        cmd.addAll(List.of("-o", written.toString()));
        try {
            strace = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new CaptureException("strace cannot be started (" + e.getMessage() + "): install strace"
                    + " (Debian: apt-get install strace)", e);
        }
        // strace says "Process N attached" for each thread; a failure ("Operation not permitted") ends it
        Thread errors = new Thread(this::readStraceOutput, "strace-stderr-" + pid);
        errors.setDaemon(true);
        errors.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ATTACH_MILLIS);
        while (System.nanoTime() < deadline) {
            synchronized (straceErr) {
                if (straceErr.indexOf("attached") >= 0) {
                    break;
                }
            }
            if (!strace.isAlive()) {
                break;
            }
            sleep(20);
        }
        if (!strace.isAlive() || !attached()) {
            strace.destroyForcibly();
            String said = straceSaid();
            throw new CaptureException("strace could not attach to pid " + pid + (said.isEmpty() ? "" : ": " + said)
                    + (said.contains("not permitted") ? " (run as root or as the daemon's user, and check"
                    + " /proc/sys/kernel/yama/ptrace_scope)" : ""));
        }
        follow(written, StraceSource.maxLine());
    }

    private boolean attached() {
        synchronized (straceErr) {
            return straceErr.indexOf("attached") >= 0;
        }
    }

    private String straceSaid() {
        synchronized (straceErr) {
            String s = straceErr.toString().strip();
            int nl = s.lastIndexOf('\n');
            return (nl >= 0 ? s.substring(nl + 1) : s).replaceFirst("^strace: ", "");
        }
    }

    private void readStraceOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(strace.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (straceErr) {
                    if (straceErr.length() < 64 << 10) { // a few lines per thread; bounded anyway
                        straceErr.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            // strace is gone; its exit is seen by the loop
        }
    }

    @Override
    LineDecoder decoder(MessageSink sink) {
        return StraceSource.lines(sink);
    }

    @Override
    String ended() {
        if (strace.isAlive()) {
            return null;
        }
        return ProcessHandle.of(pid).isPresent() ? "strace ended (" + straceSaid() + ")" : "daemon " + pid + " exited";
    }

    /** SIGINT: strace detaches from every thread (PTRACE_DETACH) and exits; the daemon runs on untouched. */
    @Override
    void detach() {
        if (!strace.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(strace.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!strace.waitFor(ATTACH_MILLIS, TimeUnit.MILLISECONDS)) {
                strace.destroy(); // SIGTERM: strace detaches on it too
                strace.waitFor(ATTACH_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            strace.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            strace.destroy();
        }
    }

    @Override
    void finishNotes(MessageSink sink) {
        if (strace.isAlive()) {
            sink.diagnostic(Diagnostic.warning(0, -1, "strace (pid " + strace.pid() + ") did not exit after SIGINT"
                    + " and SIGTERM"));
        }
        sink.diagnostic(Diagnostic.info(0, -1, "attached to pid " + pid + " with strace: messages from the attach on;"
                + " a request the daemon was already reading when strace attached may be missing"));
    }

    @Override
    public InputKind writes() {
        return InputKind.STRACE;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
