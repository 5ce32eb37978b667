package io.lookaside.report;

import io.lookaside.analysis.Identification;
import java.util.List;
import java.util.Map;

/**
 * What was analysed and where it was captured.
 *
 * @param file          the capture's file name, without directories
 * @param sourceKind    pcap, pcapng, fusedump, strace or tracefs
 * @param protocols     {@code 9p} and/or {@code fuse}
 * @param dialects      9P dialects or FUSE versions seen ({@code 9P2000.L}, {@code 7.31})
 * @param connections   the conversations (at most {@link ReportBuilder#MAX_CONNECTIONS}); {@code connectionCount} has them all
 * @param durationNanos last message time minus first
 * @param messageCounts messages per type name ({@code Twalk}, {@code Rlerror}; FUSE: requests and replies
 *                      together), in name order
 * @param capturePoint  where the times were taken and what that means for them
 * @param identification the client and the server or FUSE daemon, each with its evidence, or "unknown"
 * @param diagnostics   the first diagnostics of loading; {@code diagnosticCount} has them all
 */
public record CaptureInfo(String file, String sourceKind, List<String> protocols, List<String> dialects,
                          int connectionCount, List<ConnectionRow> connections, long messages, long firstTsNanos,
                          long lastTsNanos, long durationNanos, boolean truncated, Map<String, Long> messageCounts,
                          CapturePoint capturePoint, Identification identification, int diagnosticCount,
                          List<DiagnosticRow> diagnostics) {

    public CaptureInfo {
        messageCounts = Maps.ordered(messageCounts);
        protocols = List.copyOf(protocols);
        dialects = List.copyOf(dialects);
        connections = List.copyOf(connections);
        diagnostics = List.copyOf(diagnostics);
    }

    /** One conversation: its stable id and protocol, and how many messages it carried. */
    public record ConnectionRow(String id, String protocol, long messages) {
    }

    /** One load diagnostic: severity (info, warning, error), the 1-based frame it concerns (0: the whole input), text. */
    public record DiagnosticRow(String severity, long frame, String text) {
    }

    /**
     * Where the request and reply times were taken.
     *
     * @param kind     {@code network} (pcap, pcapng), {@code daemon} (fusedump, strace) or {@code kernel} (tracefs)
     * @param includes what the measured wait includes and leaves out
     * @param caveats  what else to keep in mind when reading the numbers
     */
    public record CapturePoint(String kind, String includes, List<String> caveats) {
        public CapturePoint {
            caveats = List.copyOf(caveats);
        }
    }
}
