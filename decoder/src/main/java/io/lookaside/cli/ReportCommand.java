package io.lookaside.cli;

import io.lookaside.analysis.Analysis;
import io.lookaside.analysis.AnalysisWhileLoading;
import io.lookaside.analysis.Analyzer;
import io.lookaside.report.Report;
import io.lookaside.report.ReportBuilder;
import io.lookaside.report.ReportCsv;
import io.lookaside.report.ReportHtml;
import io.lookaside.report.ReportJson;
import io.lookaside.session.Session;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lookaside report FILE}: the wait-time report (per operation, per path, what-if, profiles, findings). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Wait-time report of a capture: per operation and path, wall-clock wait, what-if models "
                + "and profiles, findings. JSON (schema lookaside.report/1), CSV or one self-contained HTML page.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:unreadable or not a capture, or the output was refused (exists, not writable)"})
final class ReportCommand implements Callable<Integer> {
    static final int DEFAULT_TOP = 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "pcap/pcapng (optionally .gz), fusedump, strace or tracefs text")
    Path file;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N",
            description = "paths listed, and evidence requests per what-if model (default: ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (top < 0) {
            err.println("lookaside: --top " + top + ": must not be negative");
            return 2;
        }
        // The lifecycles stream on the second core while the capture loads (docs/performance.md, "Streaming").
        Session s;
        Analysis a;
        try (AnalysisWhileLoading analysis = new AnalysisWhileLoading()) {
            s = input.load(file, err, analysis);
            if (s == null) {
                return 2;
            }
            a = analysis.finish(s);
        }
        Report r = ReportBuilder.build(a, new ReportBuilder.Options(top, top));
        int code = output.write(out -> {
            switch (output.format) {
                case json -> ReportJson.write(r, out);
                case csv -> ReportCsv.write(r, out);
                case html -> ReportHtml.write(r, out);
            }
        }, err);
        if (code == 0 && s.size() == 0) {
            err.println("lookaside: " + file + ": no 9P or FUSE messages found");
        }
        return code;
    }

    static Report report(Session s, int top) {
        Analysis a = Analyzer.analyze(s);
        return ReportBuilder.build(a, new ReportBuilder.Options(top, top));
    }
}
