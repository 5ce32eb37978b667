package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import java.util.List;

/**
 * A named combination of models that matches a real configuration, e.g. {@code v9fs-cache-loose}
 * (what the samples' Linux 6.1 kernel caches with cache=loose) or {@code fuse-negative-timeout}.
 * Its outcome is the union of its steps' outcomes, so predicted counts never double-count.
 *
 * @param steps the models and the window each runs with
 */
public record Profile(String id, String title, String description, Protocol protocol, List<Step> steps) {

    /** One model of a profile and the cache window it is simulated with. */
    public record Step(String modelId, long windowNanos) {
    }

    /** The union of the steps' outcomes: a message two steps remove is removed once. */
    public Outcome simulate(Session session, Lifecycles lifecycles) {
        Outcome all = Outcome.empty();
        for (Step step : steps) {
            WhatIfModel m = Models.byId(step.modelId());
            if (m == null) {
                throw new IllegalStateException("profile " + id + " names an unknown model " + step.modelId());
            }
            all = all.union(m.simulate(session, lifecycles, step.windowNanos()));
        }
        return all;
    }
}
