package io.lookaside.cli;

import io.lookaside.report.OutputFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where and how a report goes: --format, --out, --force. Standard output unless --out is given. */
final class OutputOptions {
    enum Format { json, csv, html }

    @Option(names = "--format", defaultValue = "json", description = "json, csv or html (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "PATH", description = "write to this file (atomically) instead of standard output")
    Path out;

    @Option(names = "--force", description = "overwrite an existing --out file")
    boolean force;

    /** Writes the content; returns 0, or prints one line to {@code err} and returns 2. */
    int write(OutputFile.Content content, PrintWriter err) {
        if (out == null) {
            try {
                OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
                content.writeTo(stdout);
                stdout.flush();
                return 0;
            } catch (IOException e) {
                err.println("lookaside: cannot write to standard output: " + e.getMessage());
                return 2;
            }
        }
        try {
            OutputFile.write(out, force, content);
            return 0;
        } catch (OutputFile.RefusedException e) {
            err.println("lookaside: " + e.getMessage());
            return 2;
        }
    }
}
