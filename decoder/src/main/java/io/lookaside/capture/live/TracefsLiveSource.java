package io.lookaside.capture.live;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.InputKind;
import io.lookaside.capture.LineDecoder;
import io.lookaside.capture.MessageSink;
import io.lookaside.capture.TracefsSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches every FUSE connection of this kernel through its tracepoints
 * fuse:fuse_request_send / fuse_request_end (Linux 6.16+), in a tracefs instance of its own
 * ({@code instances/lookaside-PID-N}), so that global tracing and other users of tracefs are
 * left alone. Mounts tracefs on /sys/kernel/tracing when it is not mounted (and unmounts it
 * again). The instance's trace_pipe is read on a thread of its own (a read blocks until events
 * come); its lines, with a {@code realtime=} marker first that ties the trace clock to
 * wall-clock time, go to the written file in the form {@link TracefsSource} reads. At stop the
 * instance is removed.
 */
public final class TracefsLiveSource extends FollowedTextSource {
    static final Path TRACEFS = Path.of("/sys/kernel/tracing");
    /** Lines waiting for the decoder; when full the reader waits and the kernel's buffer takes the rest. */
    private static final int QUEUE = 1 << 16;
    /** trace_pipe reports what its ring buffer overwrote: {@code CPU:N [LOST M EVENTS]}. */
    private static final Pattern LOST = Pattern.compile("\\[LOST (\\d+) EVENTS\\]");
    private static final AtomicLong INSTANCES = new AtomicLong();
    /** The per-CPU ring of the instance: room for bursts while the reader catches up. */
    private static final int BUFFER_KB = 8192;

    private final Path root;
    private Path instance;
    private boolean mounted;
    private InputStream pipe;
    private Thread reader;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong lost = new AtomicLong();
    private volatile boolean closing;
    private volatile IOException readFailed;

    public TracefsLiveSource(Path written, boolean force) {
        this(TRACEFS, written, force);
    }

    TracefsLiveSource(Path root, Path written, boolean force) {
        super(written, force);
        this.root = root;
    }

    @Override
    public void start() throws CaptureException {
        refuseExisting();
        if (!Files.isDirectory(root.resolve("instances"))) {
            mount();
        }
        if (!Files.isDirectory(root.resolve("events/fuse/fuse_request_send"))) {
            unmount();
            throw new CaptureException("this kernel has no fuse:fuse_request_send tracepoint (Linux 6.16 or later"
                    + " has it); attach to the daemon by pid instead (--fuse-pid)");
        }
        instance = root.resolve("instances/lookaside-" + ProcessHandle.current().pid() + "-"
                + INSTANCES.incrementAndGet());
        try {
            Files.createDirectory(instance);
            write("buffer_size_kb", Integer.toString(BUFFER_KB));
            write("events/fuse/fuse_request_send/enable", "1");
            write("events/fuse/fuse_request_end/enable", "1");
            write("tracing_on", "1");
            pipe = Files.newInputStream(instance.resolve("trace_pipe"));
            openWritten();
            // the first line: trace clock → wall clock, as the lab recipes' "lab-sync" marker
            mark("lookaside-sync");
        } catch (IOException | CaptureException e) {
            removeInstance();
            unmount();
            if (e instanceof CaptureException ce) {
                throw ce;
            }
            throw new CaptureException("cannot set up a tracefs instance at " + instance + " (" + e.getMessage()
                    + "): run as root", e);
        }
        reader = new Thread(this::readPipe, "tracefs-" + instance.getFileName());
        reader.setDaemon(true);
        reader.start();
    }

    private void mount() throws CaptureException {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tracefs", "nodev", root.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isDirectory(root.resolve("instances"))) {
                throw new CaptureException("tracefs is not mounted on " + root + " and mounting it failed"
                        + (out.isEmpty() ? "" : " (" + out + ")") + ": run as root");
            }
            mounted = true;
        } catch (IOException e) {
            throw new CaptureException("tracefs is not mounted on " + root + " and mount could not run ("
                    + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureException("interrupted while mounting tracefs");
        }
    }

    private void unmount() {
        if (mounted) {
            try {
                new ProcessBuilder("umount", root.toString()).start().waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                // left mounted: harmless, and the next capture uses it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            mounted = false;
        }
    }

    private void write(String file, String value) throws IOException {
        Files.writeString(instance.resolve(file), value + "\n");
    }

    private void mark(String what) throws IOException {
        Instant now = Instant.now();
        write("trace_marker", what + " realtime=" + now.getEpochSecond() + "." + String.format("%09d", now.getNano()));
    }

    /** The reader thread: trace_pipe's bytes into lines; a read blocks while the kernel has no events. */
    private void readPipe() {
        byte[] buf = new byte[1 << 16];
        StringBuilder line = new StringBuilder();
        try {
            int n;
            while (!closing && (n = pipe.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    char c = (char) (buf[i] & 0xFF);
                    if (c == '\n') {
                        queue.put(line.toString());
                        line.setLength(0);
                    } else if (line.length() < 64 << 10) {
                        line.append(c);
                    }
                }
            }
        } catch (IOException e) {
            if (!closing) {
                readFailed = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    LineDecoder decoder(MessageSink sink) {
        return TracefsSource.lines(sink);
    }

    @Override
    long poll(Consumer<String> lines) throws IOException {
        long n = 0;
        String line;
        while (n < 1 << 20 && (line = queue.poll()) != null) {
            Matcher m = LOST.matcher(line);
            if (m.find()) {
                lost.addAndGet(Long.parseLong(m.group(1)));
            }
            lines.accept(line);
            n += line.length() + 1;
        }
        if (n == 0 && readFailed != null) {
            throw readFailed;
        }
        return n;
    }

    @Override
    String ended() {
        return null; // the kernel's tracepoints do not end
    }

    /** A last marker wakes the blocked reader and closes the record; then the instance goes. */
    @Override
    void detach() {
        closing = true;
        try {
            mark("lookaside-sync");
        } catch (IOException e) {
            // the instance is going anyway
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            pipe.close();
        } catch (IOException e) {
            // read-only
        }
        removeInstance();
        unmount();
    }

    private void removeInstance() {
        if (instance == null) {
            return;
        }
        try {
            if (Files.isDirectory(instance)) {
                Files.writeString(instance.resolve("tracing_on"), "0\n");
                Files.delete(instance); // rmdir of an instance removes its buffers and event settings
            }
        } catch (IOException e) {
            // reported through instanceLeft()
        }
    }

    /** The instance directory when removing it failed, else null. */
    Path instanceLeft() {
        return instance != null && Files.isDirectory(instance) ? instance : null;
    }

    @Override
    void flushLast(Consumer<String> lines) {
        String line;
        while ((line = queue.poll()) != null) {
            lines.accept(line);
        }
    }

    @Override
    long dropped() {
        return lost.get();
    }

    @Override
    void finishNotes(MessageSink sink) {
        if (lost.get() > 0) {
            sink.diagnostic(Diagnostic.warning(0, -1, "the tracefs ring buffer lost " + lost.get() + " events"));
        }
        if (instanceLeft() != null) {
            sink.diagnostic(Diagnostic.warning(0, -1, "the tracefs instance " + instance + " could not be removed:"
                    + " rmdir it"));
        }
    }

    @Override
    public InputKind writes() {
        return InputKind.TRACEFS;
    }
}
