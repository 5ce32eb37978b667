package io.lookaside.whatif;

import java.util.BitSet;

/**
 * What one simulated change would have done to a capture at one window: which messages would
 * never have been sent, which requests would still have been sent but no longer waited for,
 * and which cached answers would have been wrong.
 *
 * @param eliminated requests (and their replies) the change removes from the wire
 * @param unblocked  exchanges (request and reply) still sent but off the requester's critical
 *                   path (e.g. async clunk)
 * @param stale      requests a cache would have answered although another connection had
 *                   changed the answer: never counted as savings (what-if.md, Staleness)
 */
public record Outcome(BitSet eliminated, BitSet unblocked, BitSet stale) {

    public static Outcome empty() {
        return new Outcome(new BitSet(), new BitSet(), new BitSet());
    }

    /** Both outcomes together (a profile): a message removed by either is removed once. */
    public Outcome union(Outcome other) {
        BitSet e = (BitSet) eliminated.clone();
        e.or(other.eliminated);
        BitSet u = (BitSet) unblocked.clone();
        u.or(other.unblocked);
        u.andNot(e);
        BitSet s = (BitSet) stale.clone();
        s.or(other.stale);
        return new Outcome(e, u, s);
    }
}
