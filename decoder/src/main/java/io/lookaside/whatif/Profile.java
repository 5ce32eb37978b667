package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
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
}
