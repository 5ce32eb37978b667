package io.lookaside.cli;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.InputKind;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** The options that say how to read a capture, shared by report and diff. */
final class InputOptions {
    /** How often a report's analysis gets the rows loaded so far (the lifecycles stream on them). */
    static final Duration PREFIX_EVERY = Duration.ofMillis(50);

    @Option(names = "--port", defaultValue = "0", description = "treat this TCP port as 9P whatever it looks like")
    int port;

    @Option(names = "--as", paramLabel = "KIND", description = "input kind instead of detection: pcap, pcapng, fusedump, strace, tracefs, qemu-trace")
    String as;

    /** Loads {@code file}, or prints one line to {@code err} and returns null. */
    Session load(Path file, PrintWriter err) {
        return load(file, err, null);
    }

    /**
     * Loads {@code file}, handing the rows loaded so far to {@code prefixes} (when not null) every
     * {@link #PREFIX_EVERY} on the loading thread; or prints one line to {@code err} and returns null.
     */
    Session load(Path file, PrintWriter err, Consumer<Session> prefixes) {
        InputKind kind = null;
        if (as != null) {
            kind = InputKind.fromKey(as);
            if (kind == null) {
                err.println("lookaside: --as " + as + ": expected pcap, pcapng, fusedump, strace, tracefs or qemu-trace");
                return null;
            }
        }
        try {
            CaptureOptions options = new CaptureOptions(port, kind);
            return prefixes == null ? SessionLoader.load(file, options, LoadMonitor.NONE)
                    : SessionLoader.load(file, options, LoadMonitor.NONE, prefixes, PREFIX_EVERY);
        } catch (CaptureException e) {
            err.println("lookaside: " + e.getMessage());
            return null;
        }
    }
}
