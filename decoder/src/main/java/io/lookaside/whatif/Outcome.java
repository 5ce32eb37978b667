package io.lookaside.whatif;

import java.util.BitSet;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one simulated change would have done to a capture at one window: which messages would
 * never have been sent, which requests would still have been sent but no longer waited for,
 * which cached answers would have been wrong, and which messages the change would have sent
 * that the capture does not hold.
 *
 * @param eliminated requests (and their replies) the change removes from the wire
 * @param unblocked  exchanges (request and reply) still sent but off the requester's critical
 *                   path (e.g. async clunk)
 * @param stale      requests a cache would have answered although another connection had
 *                   changed the answer: never counted as savings (what-if.md, Staleness)
 * @param added      messages per type name ({@code Txattrwalk}, {@code Rlerror}, …) the change
 *                   sends beyond the capture's: cache=loose's xattr probe on each buffered write,
 *                   its writeback fid, the Tfsync after writeback, readahead Treads. They enter
 *                   predicted counts, never savings (a message that was not captured has no time)
 */
public record Outcome(BitSet eliminated, BitSet unblocked, BitSet stale, Map<String, Long> added) {

    public Outcome {
        added = Collections.unmodifiableMap(new TreeMap<>(added));
    }

    /** An outcome that only removes, unblocks or marks stale captured messages. */
    public Outcome(BitSet eliminated, BitSet unblocked, BitSet stale) {
        this(eliminated, unblocked, stale, Map.of());
    }

    public static Outcome empty() {
        return new Outcome(new BitSet(), new BitSet(), new BitSet());
    }

    /** How many messages the change adds, all types together. */
    public long addedMessages() {
        return added.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Both outcomes together (a profile): a message removed by either is removed once; added
     * messages are summed (each model adds messages of its own mechanism).
     */
    public Outcome union(Outcome other) {
        BitSet e = (BitSet) eliminated.clone();
        e.or(other.eliminated);
        BitSet u = (BitSet) unblocked.clone();
        u.or(other.unblocked);
        u.andNot(e);
        BitSet s = (BitSet) stale.clone();
        s.or(other.stale);
        Map<String, Long> a = new TreeMap<>(added);
        other.added.forEach((type, n) -> a.merge(type, n, Long::sum));
        return new Outcome(e, u, s, a);
    }
}
