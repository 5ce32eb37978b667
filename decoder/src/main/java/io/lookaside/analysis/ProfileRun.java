package io.lookaside.analysis;

import io.lookaside.whatif.Outcome;
import io.lookaside.whatif.Profile;
import io.lookaside.whatif.Savings;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One profile applied to a capture: the union of its steps' outcomes, what that saves, the
 * message counts per type that would have remained, and the wall-clock wait that would remain.
 *
 * @param predictedCounts    real per-type message counts minus the removed messages (types
 *                           removed entirely stay with 0)
 * @param predictedWaitNanos {@code WallClock.wait(session, eliminated ∪ unblocked)}
 */
public record ProfileRun(Profile profile, Outcome outcome, Savings savings, Map<String, Long> predictedCounts,
                         long predictedWaitNanos) {

    public ProfileRun {
        predictedCounts = Collections.unmodifiableMap(new TreeMap<>(predictedCounts));
    }
}
