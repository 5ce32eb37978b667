package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import java.util.List;
import java.util.Set;

/**
 * One cache or protocol change from what-if.md, simulated over a loaded capture. Models are
 * small, stateless and listed explicitly in {@link Models#ALL}; they only decide which messages
 * a change would remove or unblock, and {@link Savings} turns that into round trips and wait.
 */
public interface WhatIfModel {

    /** Stable id used as a JSON key and on the command line: {@code negative-dentry}, {@code symlink}, … */
    String id();

    /** A short title for tables and charts. */
    String title();

    /** The model's assumptions in plain words, shown with every result. */
    String assumptions();

    /** The protocols this model applies to. */
    Set<Protocol> protocols();

    /** Whether the window (a cache timeout) changes the outcome; fusions and async changes ignore it. */
    default boolean windowed() {
        return true;
    }

    /**
     * Whether this capture carries what the model reads. Kernel tracepoints (tracefs) give FUSE
     * headers only, without names, node ids or bodies: models that need them cannot run there
     * and {@link #simulate} returns an empty outcome, which must not be read as "nothing to save".
     */
    default boolean applicable(Session session) {
        return true;
    }

    /**
     * Facts about this capture that qualify the result, in plain words (why the model could not
     * run, a setting the daemon already negotiated, a cost the outcome does not show); empty when
     * there are none.
     */
    default List<String> remarks(Session session) {
        return List.of();
    }

    /**
     * Simulates the change with cached answers trusted for {@code windowNanos}
     * ({@link Windows#INFINITE} for "until invalidated").
     */
    Outcome simulate(Session session, Lifecycles lifecycles, long windowNanos);

    /**
     * Simulates the change at each of {@code windowsNanos}: the outcomes in the same order, each
     * equal to {@link #simulate} at that window. The default runs {@code simulate} once per
     * window. A model whose per-message work (decoding a message again, looking up its fid or
     * entry) costs more than its cache bookkeeping overrides this to do that work once for all
     * windows, keeping one cache state per window (docs/performance.md): it implements
     * {@code OnePassModel}, whose single-window {@code simulate} is this method with one window.
     */
    default List<Outcome> simulate(Session session, Lifecycles lifecycles, List<Long> windowsNanos) {
        return windowsNanos.stream().map(w -> simulate(session, lifecycles, w)).toList();
    }
}
