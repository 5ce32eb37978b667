package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.whatif.Outcome;
import io.lookaside.whatif.WhatIfModel;
import io.lookaside.whatif.Windows;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A what-if model for tests. Windowed: a request of {@code type} within the window of the previous
 * one is eliminated (a cache hit). Not windowed: every request of {@code type} is unblocked (an
 * asynchronous change). Requests on connection {@code staleConn} that would be hits count as stale.
 * It records every simulation it runs (a synchronized list: the engine simulates in parallel).
 */
final class TestModel implements WhatIfModel {
    final String id;
    final String type;
    final boolean windowed;
    final Set<Protocol> protocols;
    final List<Long> simulated = java.util.Collections.synchronizedList(new ArrayList<>());
    int staleConn = -1;
    boolean applicable = true;

    TestModel(String id, String type, boolean windowed, Set<Protocol> protocols) {
        this.id = id;
        this.type = type;
        this.windowed = windowed;
        this.protocols = protocols;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return "Test " + id;
    }

    @Override
    public String assumptions() {
        return "test model over " + type;
    }

    @Override
    public Set<Protocol> protocols() {
        return protocols;
    }

    @Override
    public boolean windowed() {
        return windowed;
    }

    @Override
    public boolean applicable(Session session) {
        return applicable;
    }

    @Override
    public List<String> remarks(Session session) {
        return applicable ? List.of() : List.of("the test model cannot run here");
    }

    @Override
    public Outcome simulate(Session s, Lifecycles lifecycles, long windowNanos) {
        simulated.add(windowNanos);
        Outcome o = Outcome.empty();
        long last = Long.MIN_VALUE;
        for (int i = 0; i < s.size(); i++) {
            if (s.direction(i) != Direction.REQUEST || !s.typeName(i).equals(type)) {
                continue;
            }
            if (!windowed) {
                o.unblocked().set(i);
            } else if (last != Long.MIN_VALUE && Windows.within(last, s.tsNanos(i), windowNanos)) {
                (s.conn(i) == staleConn ? o.stale() : o.eliminated()).set(i);
            }
            last = s.tsNanos(i);
        }
        return o;
    }
}
