package io.lookaside;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tables of a sample's .txt sidecar, the independent oracle the tests compare with
 * (the sidecars were written by the lab scripts with tshark and their own decoders).
 */
public final class Sidecars {
    private static final Pattern LATENCY_ROW = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)\\s+([0-9.]+)\\s+([0-9.]+)\\s*$");
    private static final Pattern COUNT_ROW = Pattern.compile("^\\s+(\\d+)\\s+(.+?)\\s*$");

    private Sidecars() {
    }

    /** One row of a latency table: requests, total seconds, mean microseconds. */
    public record Latency(long count, double totalSeconds, double meanMicros) {
    }

    public static List<String> lines(String sidecar) {
        try {
            return Files.readAllLines(Samples.path(sidecar));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latency table under the line that starts with {@code heading}, by operation. */
    public static Map<String, Latency> latency(String sidecar, String heading) {
        Map<String, Latency> rows = new LinkedHashMap<>();
        boolean in = false;
        for (String line : lines(sidecar)) {
            if (line.startsWith(heading)) {
                in = true;
                continue;
            }
            if (in) {
                Matcher m = LATENCY_ROW.matcher(line);
                if (!m.matches()) {
                    break;
                }
                rows.put(m.group(1), new Latency(Long.parseLong(m.group(2)), Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4))));
            }
        }
        return rows;
    }

    /** A "count text" list under the line that starts with {@code heading}: text → count. */
    public static Map<String, Long> counts(String sidecar, String heading) {
        Map<String, Long> rows = new LinkedHashMap<>();
        boolean in = false;
        for (String line : lines(sidecar)) {
            if (line.startsWith(heading)) {
                in = true;
                continue;
            }
            if (in) {
                Matcher m = COUNT_ROW.matcher(line);
                if (!m.matches()) {
                    break;
                }
                rows.put(m.group(2), Long.parseLong(m.group(1)));
            }
        }
        return rows;
    }

    public static Path path(String sidecar) {
        return Samples.path(sidecar);
    }
}
