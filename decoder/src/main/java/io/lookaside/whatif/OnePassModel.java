package io.lookaside.whatif;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import java.util.List;

/**
 * A model that simulates all its windows in one pass over the capture: it decodes and looks up
 * each message once and keeps one cache state per window (docs/performance.md). It implements
 * only the list form; the single-window form is the list form with one window, so the two can
 * never disagree (ModelWindowsTest).
 */
interface OnePassModel extends WhatIfModel {

    @Override
    default Outcome simulate(Session session, Lifecycles lifecycles, long windowNanos) {
        return simulate(session, lifecycles, List.of(windowNanos)).get(0);
    }

    @Override
    List<Outcome> simulate(Session session, Lifecycles lifecycles, List<Long> windowsNanos);
}
