package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import java.util.List;
import java.util.Set;

/**
 * The frame every FUSE model shares: it applies to FUSE only, needs captured bodies (names,
 * node ids, replies) and builds its {@link Outcome} from {@link Marks}. On a header-only source
 * (kernel tracepoints) it does not run and says so in its remarks.
 */
abstract class FuseModel implements WhatIfModel {
    static final String HEADERS_ONLY = "This capture holds FUSE headers only (kernel tracepoints: opcode, unique, "
            + "length, error), without node ids, names or bodies: the model could not run, and its empty result "
            + "says nothing about what the change would save.";

    @Override
    public final Set<Protocol> protocols() {
        return Set.of(Protocol.FUSE);
    }

    @Override
    public final boolean applicable(Session session) {
        return FuseTrace.hasBodies(session);
    }

    @Override
    public final Outcome simulate(Session session, Lifecycles lifecycles, long windowNanos) {
        Marks marks = new Marks(session);
        if (applicable(session)) {
            run(session, windowNanos, marks);
        }
        return marks.outcome();
    }

    @Override
    public final List<String> remarks(Session session) {
        if (!FuseTrace.hasFuse(session)) {
            return List.of();
        }
        if (!applicable(session)) {
            return List.of(HEADERS_ONLY);
        }
        return notes(session);
    }

    /** Walks the capture once, in order, marking what the change removes or finds stale. */
    abstract void run(Session session, long windowNanos, Marks marks);

    /** Remarks about a capture the model ran on. */
    List<String> notes(Session session) {
        return List.of();
    }
}
