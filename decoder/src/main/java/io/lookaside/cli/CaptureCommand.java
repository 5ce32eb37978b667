package io.lookaside.cli;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.live.CaptureInterface;
import io.lookaside.capture.live.CaptureInterfaces;
import io.lookaside.capture.live.LiveCounters;
import io.lookaside.capture.live.LiveSource;
import io.lookaside.capture.live.PcapLiveSource;
import io.lookaside.capture.live.QemuTraceLiveSource;
import io.lookaside.capture.live.StraceLiveSource;
import io.lookaside.capture.live.TracefsLiveSource;
import io.lookaside.live.LiveSession;
import io.lookaside.report.OutputFile;
import io.lookaside.report.Report;
import io.lookaside.report.ReportCsv;
import io.lookaside.report.ReportHtml;
import io.lookaside.report.ReportJson;
import io.lookaside.session.Session;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookaside capture}: live capture. Lists interfaces, or captures from one (or, with the
 * options other sources add, from a QEMU trace or a FUSE daemon) into a file while it decodes,
 * with a summary line on stderr every second and the report of the result at the end. A new
 * source adds its options here and one branch to {@link #source}.
 */
@Command(name = "capture", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Live capture: decode 9P and FUSE messages as they arrive and write what was captured to a file "
                + "(pcapng, or nanosecond pcap when FILE ends in .pcap; the strace log for --fuse-pid, tracefs text for "
                + "--fuse-tracefs, a copy of the log for --qemu-trace: each opens again with lookaside report FILE). "
                + "Stops on --duration, --count or Ctrl+C.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly (duration, count, Ctrl+C, or the source ended); the file is complete",
                "2:cannot start (no such interface, bad filter, no permission, the file exists) or the capture failed"})
final class CaptureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"--list-interfaces", "-D"}, description = "list the interfaces to capture on and exit")
    boolean listInterfaces;

    @Option(names = {"--interface", "-i"}, paramLabel = "IF", description = "capture on this network interface (tap0, vnet3, virbr0, a veth, lo, vsockmon0)")
    String iface;

    @Option(names = "--fuse-pid", paramLabel = "PID",
            description = "watch this running FUSE daemon through strace (attached to every thread, detached at the end)")
    Long fusePid;

    @Option(names = "--fuse-tracefs",
            description = "watch every FUSE mount through the kernel's fuse tracepoints (Linux 6.16+), in a tracefs instance of its own")
    boolean fuseTracefs;

    @Option(names = "--qemu-trace", paramLabel = "LOG",
            description = "follow QEMU's virtio-9p trace log (qemu -trace 'v9fs_*' -D LOG -msg timestamp=on) as it grows")
    Path qemuTrace;

    @Option(names = {"--filter", "-f"}, paramLabel = "BPF",
            description = "capture filter (default: tcp port 564, plus --port; none on vsockmon)")
    String filter;

    @Option(names = "--port", defaultValue = "0", paramLabel = "N", description = "a TCP port that carries 9P besides 564")
    int port;

    @Option(names = "--duration", paramLabel = "S", description = "stop after this many seconds")
    Double duration;

    @Option(names = "--count", defaultValue = "0", paramLabel = "N",
            description = "stop once this many messages are in (the batch in flight is kept, so a few more may be)")
    long count;

    @Option(names = "--ring-files", defaultValue = "0", paramLabel = "N", description = "with --ring-size: keep only the newest N files")
    int ringFiles;

    @Option(names = "--ring-size", defaultValue = "0", paramLabel = "MB", description = "start a new file every MB megabytes (dumpcap's names)")
    long ringSizeMb;

    @Option(names = "--buffer", paramLabel = "MB",
            description = "the kernel's capture buffer in MiB, as dumpcap's -B (default: " + PcapLiveSource.DEFAULT_BUFFER_MIB
                    + "); a larger one holds longer bursts")
    Integer bufferMb;

    @Option(names = {"--write", "-w"}, paramLabel = "FILE", description = "write what was captured here")
    Path write;

    @Option(names = "--report", paramLabel = "PATH", description = "at the end, write the report of the capture here (as lookaside report FILE)")
    Path report;

    @Option(names = "--format", defaultValue = "json", description = "report format: json, csv or html (default: ${DEFAULT-VALUE})")
    OutputOptions.Format format;

    @Option(names = "--force", description = "overwrite an existing FILE or report")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (listInterfaces) {
            return list(spec.commandLine().getOut(), err);
        }
        String problem = checkOptions();
        if (problem != null) {
            err.println("lookaside: " + problem + " (see lookaside capture --help)");
            return 2;
        }
        LiveSource source = source();
        LiveSession session = new LiveSession(source, write.toString(),
                new LiveSession.Limits(duration == null ? null : Duration.ofMillis(Math.round(duration * 1000)), count));
        try {
            session.start();
        } catch (CaptureException e) {
            err.println("lookaside: " + e.getMessage());
            return 2;
        }
        Interrupts.onInterrupt(session::stop);
        Status status = new Status(err);
        Session s;
        try {
            s = session.run(status::show, Duration.ofSeconds(1));
        } catch (CaptureException e) {
            err.println("lookaside: " + e.getMessage());
            return 2;
        } finally {
            Interrupts.restore();
        }
        if (report != null) {
            return writeReport(s, err);
        }
        return 0;
    }

    /** Picks the live source the options ask for. Other sources add their branch here. */
    private LiveSource source() {
        if (fusePid != null) {
            return new StraceLiveSource(fusePid, write, force);
        }
        if (fuseTracefs) {
            return new TracefsLiveSource(write, force);
        }
        if (qemuTrace != null) {
            return new QemuTraceLiveSource(qemuTrace, write, force);
        }
        return new PcapLiveSource(new PcapLiveSource.Options(iface, filter, port, write, force, ringFiles,
                ringSizeMb * 1_000_000L, bufferMb == null ? PcapLiveSource.DEFAULT_BUFFER_MIB : bufferMb));
    }

    /** What is wrong with the options, or null. */
    private String checkOptions() {
        int sources = (iface != null ? 1 : 0) + (fusePid != null ? 1 : 0) + (fuseTracefs ? 1 : 0)
                + (qemuTrace != null ? 1 : 0);
        if (sources == 0) {
            return "say where to capture: --interface IF, --fuse-pid PID, --fuse-tracefs or --qemu-trace LOG"
                    + " (or --list-interfaces)";
        }
        if (sources > 1) {
            return "capture from one source at a time: --interface, --fuse-pid, --fuse-tracefs or --qemu-trace";
        }
        if (iface == null && (filter != null || port != 0 || ringFiles != 0 || ringSizeMb != 0 || bufferMb != null)) {
            return "--filter, --port, --ring-* and --buffer apply to --interface captures only";
        }
        if (write == null) {
            return "--write FILE is required: a live capture is always kept";
        }
        if (port < 0 || port > 65535) {
            return "--port " + port + ": not a TCP port";
        }
        if (bufferMb != null && (bufferMb < 1 || bufferMb > PcapLiveSource.MAX_BUFFER_MIB)) {
            return "--" + PcapLiveSource.bufferProblem(bufferMb);
        }
        if (duration != null && !(duration > 0)) {
            return "--duration " + duration + ": must be more than 0 seconds";
        }
        if (count < 0) {
            return "--count " + count + ": must not be negative";
        }
        if (ringFiles < 0 || ringSizeMb < 0) {
            return "--ring-files and --ring-size must not be negative";
        }
        if (ringFiles > 0 && ringSizeMb == 0) {
            return "--ring-files needs --ring-size MB (when to start the next file)";
        }
        if (report != null && report.toAbsolutePath().equals(write.toAbsolutePath())) {
            return "--report and --write name the same file";
        }
        if (report != null && java.nio.file.Files.isDirectory(report)) {
            return "--report " + report + ": is a directory";
        }
        if (report != null && java.nio.file.Files.exists(report) && !force) {
            // Refused now rather than after a long capture.
            return "--report " + report + ": exists (use --force to overwrite)";
        }
        return null;
    }

    private int writeReport(Session s, PrintWriter err) {
        Report r = ReportCommand.report(s, ReportCommand.DEFAULT_TOP);
        try {
            OutputFile.write(report, force, out -> {
                switch (format) {
                    case json -> ReportJson.write(r, out);
                    case csv -> ReportCsv.write(r, out);
                    case html -> ReportHtml.write(r, out);
                }
            });
            return 0;
        } catch (OutputFile.RefusedException e) {
            err.println("lookaside: " + e.getMessage());
            return 2;
        }
    }

    private static int list(PrintWriter out, PrintWriter err) {
        List<CaptureInterface> all;
        try {
            all = CaptureInterfaces.list();
        } catch (CaptureException e) {
            err.println("lookaside: " + e.getMessage());
            return 2;
        }
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"NAME", "LINK TYPE", "STATE", "ADDRESSES", "DESCRIPTION"});
        for (CaptureInterface i : all) {
            String link = i.linkType() < 0 ? i.linkTypeName() : i.linkTypeName() + " (" + i.linkType() + ")";
            String state = (i.up() ? "up" : "down") + (i.loopback() ? ",lo" : "");
            rows.add(new String[] {i.name(), link, state, String.join(" ", i.addresses()), i.description()});
        }
        int[] width = new int[4];
        for (String[] r : rows) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                line.append(r[c]).append(" ".repeat(width[c] - r[c].length() + 2));
            }
            out.println(line.append(r[4]).toString().stripTrailing());
        }
        out.flush();
        return 0;
    }

    /** The summary line every second, and the totals at the end. */
    private final class Status {
        private final PrintWriter err;
        private long lastMessages;
        private Duration lastElapsed = Duration.ZERO;

        Status(PrintWriter err) {
            this.err = err;
        }

        void show(LiveSession.Snapshot s) {
            LiveCounters c = s.counters();
            if (!s.ended()) {
                double dt = (s.elapsed().toNanos() - lastElapsed.toNanos()) / 1e9;
                long rate = dt > 0 ? Math.round((s.messages() - lastMessages) / dt) : 0;
                lastMessages = s.messages();
                lastElapsed = s.elapsed();
                err.printf(Locale.ROOT, "capture: %.0f s, %d messages, %d/s, %d %s, %s, %s%n",
                        s.elapsed().toNanos() / 1e9, s.messages(), rate, c.records(), recordsName(), bytes(c.bytes()),
                        drops(c));
            } else {
                double secs = s.elapsed().toNanos() / 1e9;
                err.printf(Locale.ROOT, "captured %d messages in %.1f s (%d/s), %d %s, %s, %s; %s; written to %s%n",
                        s.messages(), secs, secs > 0 ? Math.round(s.messages() / secs) : 0, c.records(), recordsName(),
                        bytes(c.bytes()),
                        drops(c), s.endReason(), write);
            }
            err.flush();
        }
    }

    /** What the source's records are: packets of an interface, lines of a trace or strace log. */
    private String recordsName() {
        return iface != null ? "packets" : "lines";
    }

    /** "0 dropped", "12 dropped (kernel 12, interface 0)", "drops unknown". */
    static String drops(LiveCounters c) {
        if (c.dropped() < 0 && c.ifDropped() < 0) {
            return "drops unknown";
        }
        long total = Math.max(0, c.dropped()) + Math.max(0, c.ifDropped());
        if (total == 0) {
            return "0 dropped";
        }
        return total + " dropped (kernel " + (c.dropped() < 0 ? "?" : c.dropped()) + ", interface "
                + (c.ifDropped() < 0 ? "?" : c.ifDropped()) + ")";
    }

    static String bytes(long b) {
        if (b < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", b / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
    }
}
