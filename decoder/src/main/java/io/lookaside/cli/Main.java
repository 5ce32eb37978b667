package io.lookaside.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless entry point: {@code lookaside decode|report|diff|capture …}. No JavaFX, no display. */
@Command(name = "lookaside", mixinStandardHelpOptions = true, version = "Lookaside 0.1.0",
        description = "Headless 9P and FUSE capture analysis.",
        subcommands = {DecodeCommand.class, ReportCommand.class, DiffCommand.class, CaptureCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, arguments) -> {
            // A mistyped command line: one line that says what is wrong and where the help is.
            CommandLine cmd = ex.getCommandLine();
            String name = cmd.getParent() == null ? "lookaside" : "lookaside " + cmd.getCommandName();
            cmd.getErr().println("lookaside: " + ex.getMessage() + " (see " + name + " --help)");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // Anything unexpected: one line, never a stack trace, exit 1 (bugs are ours, not the input's).
            cmd.getErr().println("lookaside: internal error: " + ex);
            return 1;
        });
        return cl.execute(args);
    }
}
