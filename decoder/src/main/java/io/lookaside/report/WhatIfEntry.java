package io.lookaside.report;

import java.util.List;
import java.util.Map;

/**
 * One what-if model on the capture. The headline figures are at window ∞ (cached answers kept
 * until invalidated); {@code sweep} has them at every window. A model that cannot run on this
 * capture ({@code applicable} false: kernel tracepoints carry no names) has null figures, an
 * empty sweep, and remarks that say why.
 *
 * @param remarks             what qualifies the result on this capture, in the model's words
 * @param windowed            false when the window does not matter (a protocol change): every sweep point is equal
 * @param savedRoundTrips     requests the change removes from the wire or from the critical path
 * @param savedRttNanos       the sum of their waits
 * @param savedWallNanos      the wall-clock wait saved (blocking-aware)
 * @param staleHits           cached answers another connection's change would have made wrong (never counted as savings)
 * @param removedByType       removed messages per type name
 * @param projectedWallNanos  the capture's wall-clock wait minus {@code savedWallNanos}
 * @param evidence            the first removed requests
 */
public record WhatIfEntry(String title, List<String> protocols, boolean windowed, String assumptions,
                          boolean applicable, List<String> remarks, Long savedRoundTrips, Long savedRttNanos,
                          Long savedWallNanos, Long staleHits, Map<String, Long> removedByType, Long projectedWallNanos,
                          List<SweepPoint> sweep, EvidenceRefs evidence) {
    public WhatIfEntry {
        protocols = List.copyOf(protocols);
        remarks = List.copyOf(remarks);
        removedByType = Maps.ordered(removedByType);
        sweep = List.copyOf(sweep);
    }

    /**
     * The model at one window.
     *
     * @param window     {@code 0}, {@code 1ms}, … {@code inf}
     * @param windowNanos the window, null for ∞
     */
    public record SweepPoint(String window, Long windowNanos, long savedRoundTrips, long savedRttNanos,
                             long savedWallNanos, long staleHits, long projectedWallNanos) {
    }
}
