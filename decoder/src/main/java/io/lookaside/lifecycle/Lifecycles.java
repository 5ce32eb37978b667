package io.lookaside.lifecycle;

import io.lookaside.session.Session;

/** Placeholder: fid, nodeid and file-handle lifetimes with paths (the lifecycle work replaces this). */
public final class Lifecycles {
    private Lifecycles() {
    }

    public static Lifecycles of(Session session) {
        return new Lifecycles();
    }

    /** The path message {@code i} concerns, or null when unknown. */
    public String path(int i) {
        return null;
    }
}
