package io.lookaside.app.workbench;

import java.nio.file.Path;
import java.util.List;

/**
 * The workbench's command line, with Wireshark's option names where they exist:
 * {@code lookaside [-Y FILTER] [-g FRAME] [FILE]}.
 *
 * @param file   the capture to open, or null
 * @param filter the display filter to apply, or null ({@code -Y}, {@code --filter})
 * @param frame  the frame to go to, or -1 ({@code -g}, {@code --goto})
 */
public record LaunchOptions(Path file, String filter, long frame) {

    public static final String USAGE = "usage: lookaside [-Y|--filter FILTER] [-g|--goto FRAME] [FILE]";

    /** Parses the arguments; throws with a one-line reason when they make no sense. */
    public static LaunchOptions parse(List<String> args) {
        Path file = null;
        String filter = null;
        long frame = -1;
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
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    if (file != null) {
                        throw new IllegalArgumentException("one capture at a time: " + file + " and " + a);
                    }
                    file = Path.of(a);
                }
            }
        }
        return new LaunchOptions(file, filter, frame);
    }

    private static String value(List<String> args, int k, String option) {
        if (k >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(k);
    }
}
