package io.lookaside.whatif;

import io.lookaside.session.Session;
import java.util.BitSet;

/** Collects a model's decisions; an exchange is marked with its request and its reply. */
final class Marks {
    private final Session s;
    private final BitSet eliminated = new BitSet();
    private final BitSet unblocked = new BitSet();
    private final BitSet stale = new BitSet();

    Marks(Session s) {
        this.s = s;
    }

    /** The request and its reply would never have been sent. */
    void eliminate(int request) {
        eliminated.set(request);
        int rep = s.peer(request);
        if (rep >= 0) {
            eliminated.set(rep);
        }
    }

    /** The request is still sent, but nobody waits for its reply. */
    void unblock(int request) {
        unblocked.set(request);
        int rep = s.peer(request);
        if (rep >= 0) {
            unblocked.set(rep);
        }
    }

    /** A cached answer for this request would have been wrong: the request stays, and is shown. */
    void stale(int request) {
        stale.set(request);
    }

    boolean eliminated(int request) {
        return eliminated.get(request);
    }

    Outcome outcome() {
        BitSet u = (BitSet) unblocked.clone();
        u.andNot(eliminated);
        return new Outcome((BitSet) eliminated.clone(), u, (BitSet) stale.clone());
    }
}
