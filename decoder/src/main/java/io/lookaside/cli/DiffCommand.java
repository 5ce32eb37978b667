package io.lookaside.cli;

import io.lookaside.report.Diff;
import io.lookaside.report.DiffBuilder;
import io.lookaside.report.DiffCsv;
import io.lookaside.report.DiffHtml;
import io.lookaside.report.ReportJson;
import io.lookaside.session.Session;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lookaside diff A B}: two wait-time reports side by side, with the differences per operation and model. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare the wait-time reports of two captures (e.g. cache=none against cache=loose, or 9P "
                + "against FUSE): per operation count, total and mean wait, per what-if model and profile. "
                + "JSON (schema lookaside.diff/1), CSV or one self-contained HTML page.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:an input is unreadable or not a capture, or the output was refused"})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "the first capture (the baseline)")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "the second capture")
    Path b;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Session sa = input.load(a, err);
        if (sa == null) {
            return 2;
        }
        Session sb = input.load(b, err);
        if (sb == null) {
            return 2;
        }
        Diff d = DiffBuilder.build(ReportCommand.report(sa, ReportCommand.DEFAULT_TOP),
                ReportCommand.report(sb, ReportCommand.DEFAULT_TOP));
        return output.write(out -> {
            switch (output.format) {
                case json -> ReportJson.write(d, out);
                case csv -> DiffCsv.write(d, out);
                case html -> DiffHtml.write(d, out);
            }
        }, err);
    }
}
