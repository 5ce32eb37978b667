package io.lookaside.app.workbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workbench's command line, with Wireshark's option names where they exist:
 * {@code lookaside [-Y FILTER] [-g FRAME] [FILE …]} and {@code lookaside --compare A B}.
 *
 * @param files   the captures to open, each in an editor of its own
 * @param filter  the display filter to apply, or null ({@code -Y}, {@code --filter})
 * @param frame   the frame to go to, or -1 ({@code -g}, {@code --goto})
 * @param compare {@code --compare}: the two files are shown side by side in the Compare perspective
 */
public record LaunchOptions(List<Path> files, String filter, long frame, boolean compare) {

    public static final String USAGE = "usage: lookaside [-Y|--filter FILTER] [-g|--goto FRAME] [FILE ...]\n"
            + "       lookaside --compare A B";

    public LaunchOptions {
        files = List.copyOf(files);
    }

    /** One capture (or none: null), as before several could be opened. */
    public LaunchOptions(Path file, String filter, long frame) {
        this(file == null ? List.of() : List.of(file), filter, frame, false);
    }

    /** The first capture to open, or null. */
    public Path file() {
        return files.isEmpty() ? null : files.get(0);
    }

    /** Parses the arguments; throws with a one-line reason when they make no sense. */
    public static LaunchOptions parse(List<String> args) {
        List<Path> files = new ArrayList<>();
        String filter = null;
        long frame = -1;
        boolean compare = false;
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            switch (a) {
                case "-Y", "--filter" -> filter = value(args, ++k, a);
                case "-g", "--goto" -> {
                    String v = value(args, ++k, a);
                    if (!v.matches("\\d{1,18}")) {
                        throw new IllegalArgumentException(a + " " + v + ": expected a frame number");
                    }
                    frame = Long.parseLong(v);
                }
                case "--compare" -> compare = true;
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    files.add(Path.of(a));
                }
            }
        }
        if (compare && files.size() != 2) {
            throw new IllegalArgumentException("--compare needs two captures, got " + files.size());
        }
        return new LaunchOptions(files, filter, frame, compare);
    }

    private static String value(List<String> args, int k, String option) {
        if (k >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(k);
    }
}
