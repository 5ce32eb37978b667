package io.lookaside.cli;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.InputKind;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say how to read a capture, shared by report and diff. */
final class InputOptions {
    @Option(names = "--port", defaultValue = "0", description = "treat this TCP port as 9P whatever it looks like")
    int port;

    @Option(names = "--as", paramLabel = "KIND", description = "input kind instead of detection: pcap, pcapng, fusedump, strace, tracefs, qemu-trace")
    String as;

    /** Loads {@code file}, or prints one line to {@code err} and returns null. */
    Session load(Path file, PrintWriter err) {
        InputKind kind = null;
        if (as != null) {
            kind = InputKind.fromKey(as);
            if (kind == null) {
                err.println("lookaside: --as " + as + ": expected pcap, pcapng, fusedump, strace, tracefs or qemu-trace");
                return null;
            }
        }
        try {
            return SessionLoader.load(file, new CaptureOptions(port, kind), LoadMonitor.NONE);
        } catch (CaptureException e) {
            err.println("lookaside: " + e.getMessage());
            return null;
        }
    }
}
