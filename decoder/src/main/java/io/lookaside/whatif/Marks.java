package io.lookaside.whatif;

import io.lookaside.session.Session;
import java.util.BitSet;

/**
 * A model's marks while it walks a capture, turned into an {@link Outcome} at the end. An
 * eliminated request takes its reply with it (both leave the wire, so predicted per-type
 * counts stay right), an unblocked one is marked with its reply too; stale marks are requests only.
 */
final class Marks {
    private final Session session;
    private final BitSet eliminated = new BitSet();
    private final BitSet unblocked = new BitSet();
    private final BitSet stale = new BitSet();
    private final BitSet hits = new BitSet();
    private final java.util.Map<String, Long> added = new java.util.TreeMap<>();

    Marks(Session session) {
        this.session = session;
    }

    /** Request {@code req} and its reply would not have been sent. */
    void eliminate(int req) {
        eliminated.set(req);
        int rep = session.peer(req);
        if (rep >= 0) {
            eliminated.set(rep);
        }
    }

    /** The simulated cache would have answered request {@code req}, and wrongly. */
    void stale(int req) {
        stale.set(req);
    }

    /** Request {@code req} is still sent but nobody waits for it (marked with its reply). */
    void unblock(int req) {
        unblocked.set(req);
        int rep = session.peer(req);
        if (rep >= 0) {
            unblocked.set(rep);
        }
    }

    /** The change sends {@code n} exchanges of request type {@code request} the capture does not hold. */
    void add(String request, String reply, long n) {
        if (n > 0) {
            added.merge(request, n, Long::sum);
            added.merge(reply, n, Long::sum);
        }
    }

    boolean eliminated(int req) {
        return eliminated.get(req);
    }

    /**
     * The simulated cache answers request {@code req}: it never reaches the daemon, so its reply
     * must not fill the cache again, whatever the verdict on it.
     */
    void hit(int req) {
        hits.set(req);
    }

    boolean isHit(int req) {
        return req >= 0 && hits.get(req);
    }

    /**
     * The verdict on a hit: the real reply agreed with the cached answer (a saving), disagreed
     * (a stale hit), or is unknown (not captured, or an error such as EINTR that says nothing
     * either way): then nothing is counted.
     */
    void judge(int req, Verdict v) {
        hit(req);
        switch (v) {
            case SAME -> eliminate(req);
            case DIFFERENT -> stale(req);
            case UNKNOWN -> {
            }
        }
    }

    enum Verdict { SAME, DIFFERENT, UNKNOWN }

    Outcome outcome() {
        BitSet u = (BitSet) unblocked.clone();
        u.andNot(eliminated);
        return new Outcome((BitSet) eliminated.clone(), u, (BitSet) stale.clone(), added);
    }
}
