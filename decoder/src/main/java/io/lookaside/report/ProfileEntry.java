package io.lookaside.report;

import java.util.List;
import java.util.Map;

/**
 * A profile (a named combination of models matching a real configuration) on the capture: the
 * union of its steps' outcomes, so a message two models remove counts once.
 *
 * When one of its models cannot run on the capture, neither can the profile: its figures and
 * counts are null and the remarks say why.
 *
 * @param remarks            the remarks of its models on this capture
 * @param predictedCounts    message type name → the real count minus the removed messages
 * @param predictedWaitNanos the wall-clock wait that would remain
 */
public record ProfileEntry(String title, String description, String protocol, List<Step> steps, boolean applicable,
                           List<String> remarks, Long savedRoundTrips, Long savedRttNanos, Long savedWallNanos,
                           Long staleHits, Map<String, Long> predictedCounts, Long predictedWaitNanos) {
    public ProfileEntry {
        steps = List.copyOf(steps);
        remarks = List.copyOf(remarks);
        predictedCounts = predictedCounts == null ? null : Maps.ordered(predictedCounts);
    }

    /** One model of the profile and its window ({@code windowNanos} null for ∞). */
    public record Step(String model, String window, Long windowNanos) {
    }
}
