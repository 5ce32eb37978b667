package io.lookaside.analysis;

import io.lookaside.whatif.WhatIfModel;
import io.lookaside.whatif.Windows;
import java.util.List;

/**
 * One model over the window sweep ({@link Windows#SWEEP}). A model whose window does not matter
 * ({@link WhatIfModel#windowed()} false) was simulated once; every point of its sweep is that result.
 * A model that cannot run on the capture ({@link WhatIfModel#applicable}) has an empty sweep: its
 * remarks say why, and no figure may be read as "nothing to save".
 *
 * @param baseWallNanos the capture's wall-clock wait without any change, for projections
 * @param remarks       what qualifies the result on this capture (the model's own words)
 */
public record WhatIfRun(WhatIfModel model, List<WindowResult> sweep, long baseWallNanos, boolean applicable,
                        List<String> remarks) {

    public WhatIfRun {
        sweep = List.copyOf(sweep);
        remarks = List.copyOf(remarks);
        if (applicable == sweep.isEmpty()) {
            throw new IllegalArgumentException("an applicable model has a sweep, one that cannot run has none");
        }
    }

    /** The result at window ∞ ("until invalidated"), the headline figure; null when the model could not run. */
    public WindowResult atInfinity() {
        for (WindowResult r : sweep) {
            if (r.windowNanos() == Windows.INFINITE) {
                return r;
            }
        }
        return sweep.isEmpty() ? null : sweep.get(sweep.size() - 1);
    }

    /** The wall-clock wait the workload would have had with this change at window ∞ (the real one when it could not run). */
    public long projectedWallNanos() {
        return applicable ? baseWallNanos - atInfinity().savings().savedWallNanos() : baseWallNanos;
    }
}
