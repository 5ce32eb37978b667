package io.lookaside.report;

import java.util.List;
import java.util.Map;

/**
 * A profile (a named combination of models matching a real configuration) on the capture: the
 * union of its steps' outcomes, so a message two models remove counts once.
 *
 * @param predictedCounts    message type name → the real count minus the removed messages
 * @param predictedWaitNanos the wall-clock wait that would remain
 */
public record ProfileEntry(String title, String description, String protocol, List<Step> steps, long savedRoundTrips,
                           long savedRttNanos, long savedWallNanos, long staleHits, Map<String, Long> predictedCounts,
                           long predictedWaitNanos) {
    public ProfileEntry {
        steps = List.copyOf(steps);
        predictedCounts = Maps.ordered(predictedCounts);
    }

    /** One model of the profile and its window ({@code windowNanos} null for ∞). */
    public record Step(String model, String window, Long windowNanos) {
    }
}
