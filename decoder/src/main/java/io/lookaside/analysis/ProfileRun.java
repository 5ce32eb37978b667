package io.lookaside.analysis;

import io.lookaside.whatif.Outcome;
import io.lookaside.whatif.Profile;
import io.lookaside.whatif.Savings;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One profile applied to a capture: the union of its steps' outcomes, what that saves, the
 * message counts per type that would have remained, and the wall-clock wait that would remain.
 * When one of its models cannot run on the capture the profile cannot either: then outcome and
 * savings are null, the counts empty, and the remarks say why.
 *
 * @param predictedCounts    real per-type message counts minus the removed messages (types
 *                           removed entirely stay with 0)
 * @param predictedWaitNanos {@code WallClock.wait(session, eliminated ∪ unblocked)}
 * @param remarks            the remarks of its models on this capture
 */
public record ProfileRun(Profile profile, Outcome outcome, Savings savings, Map<String, Long> predictedCounts,
                         long predictedWaitNanos, boolean applicable, List<String> remarks) {

    public ProfileRun {
        predictedCounts = Collections.unmodifiableMap(new TreeMap<>(predictedCounts));
        remarks = List.copyOf(remarks);
    }
}
