package io.lookaside.analysis;

import io.lookaside.whatif.WhatIfModel;
import io.lookaside.whatif.Windows;
import java.util.List;

/**
 * One model over the window sweep ({@link Windows#SWEEP}). A model whose window does not matter
 * ({@link WhatIfModel#windowed()} false) was simulated once; every point of its sweep is that result.
 *
 * @param baseWallNanos the capture's wall-clock wait without any change, for projections
 */
public record WhatIfRun(WhatIfModel model, List<WindowResult> sweep, long baseWallNanos) {

    public WhatIfRun {
        sweep = List.copyOf(sweep);
    }

    /** The result at window ∞ ("until invalidated"), the headline figure. */
    public WindowResult atInfinity() {
        for (WindowResult r : sweep) {
            if (r.windowNanos() == Windows.INFINITE) {
                return r;
            }
        }
        return sweep.get(sweep.size() - 1);
    }

    /** The wall-clock wait the workload would have had with this change at window ∞. */
    public long projectedWallNanos() {
        return baseWallNanos - atInfinity().savings().savedWallNanos();
    }
}
