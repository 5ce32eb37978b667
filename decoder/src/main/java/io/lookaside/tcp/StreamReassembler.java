package io.lookaside.tcp;

import java.util.Arrays;

/**
 * One direction of a TCP connection put back in order (RFC 9293 sequence space, modulo
 * 2^32). Bytes are tracked as 64-bit stream offsets from the first byte seen, so wrap-around
 * is handled once, in {@link #offsetOf(int)}.
 *
 * <ul>
 *   <li>In-order bytes go straight to the listener, from the frame's own array (no copy).</li>
 *   <li>Retransmissions and overlaps: bytes already delivered win; among held segments the
 *       copy that arrived first wins (Wireshark's rule).</li>
 *   <li>Segments beyond a hole are held (copied) until the hole fills, until the peer
 *       acknowledges bytes past the hole (the capture missed them: the peer did not), or until
 *       a bound is hit; then the hole is reported as a gap and delivery goes on after it.</li>
 *   <li>A segment cut by the snapshot length delivers what was captured and reports the rest as a gap.</li>
 * </ul>
 */
final class StreamReassembler {
    private static final long[] NO_LONGS = new long[0];
    private static final int[] NO_INTS = new int[0];
    private static final byte[][] NO_BYTES = new byte[0][];

    private final StreamListener out;
    private final ReassemblyBudget budget;
    private final int maxBytes;
    private final int maxSegments;

    private boolean started;
    private boolean ended;
    /** Stream offset of the next byte to deliver. */
    private long next;
    /** TCP sequence number of {@link #next}. */
    private int nextSeq;
    private long fin = -1;
    private long finFrame;
    private long peerAck = Long.MIN_VALUE;
    private long lastFrame;

    /** Held out-of-order segments: sorted by start, never overlapping. */
    private long[] segStart = NO_LONGS;
    private int[] segLen = NO_INTS;
    private byte[][] segData = NO_BYTES;
    private long[] segFrame = NO_LONGS;
    private long[] segTs = NO_LONGS;
    private int segs;
    private int buffered;

    StreamReassembler(StreamListener out, ReassemblyBudget budget, TrackerLimits limits) {
        this.out = out;
        this.budget = budget;
        this.maxBytes = limits.maxBufferedPerDirection();
        this.maxSegments = limits.maxSegmentsPerDirection();
    }

    boolean started() {
        return started;
    }

    boolean ended() {
        return ended;
    }

    /** The SYN of capture record {@code frame} was seen: the stream's first byte has sequence number {@code seq}. */
    void startAtSyn(int seq, long frame) {
        if (!started) {
            start(seq, true, frame);
        }
    }

    private void start(int seq, boolean atStreamStart, long frame) {
        started = true;
        next = 0;
        nextSeq = seq;
        lastFrame = frame;
        out.begin(atStreamStart);
    }

    private long offsetOf(int seq) {
        return next + (seq - nextSeq);
    }

    /** The other direction acknowledged, in capture record {@code frame}, everything before {@code ack}. */
    void peerAck(int ack, long frame, long ts) {
        if (started && !ended) {
            peerAck = Math.max(peerAck, offsetOf(ack));
            if (fin > next && peerAck > next) {
                lostBeforeFin(frame, ts);
            }
        }
    }

    /**
     * A segment: {@code capLen} captured payload bytes at {@code a[off]} of the {@code wireLen}
     * it carried, starting at sequence number {@code seq}.
     */
    void segment(byte[] a, int off, int capLen, int wireLen, int seq, long frame, long ts) {
        if (!started) {
            start(seq, false, frame);
        }
        if (ended || wireLen <= 0) {
            return;
        }
        long s = offsetOf(seq);
        if (s + wireLen <= next) {
            return; // a retransmission of delivered bytes
        }
        while (s > next) {
            long holeEnd = segs > 0 ? Math.min(segStart[0], s) : s;
            long frameAfter = segs > 0 && segStart[0] < s ? segFrame[0] : frame;
            if (peerAck > next) {
                skipTo(holeEnd, frameAfter, "not in the capture, though the peer acknowledged them");
                drain(frame, ts, false);
            } else if (!roomFor(capLen)) {
                skipTo(holeEnd, frameAfter, roomReason(capLen));
                drain(frame, ts, false);
            } else {
                hold(a, off, capLen, s, frame, ts);
                return;
            }
        }
        deliver(a, off, capLen, wireLen, s, frame, ts);
        drain(frame, ts, false);
        checkFin(frame);
    }

    /** A FIN whose sequence number (after any payload of its segment) is {@code seq}. */
    void fin(int seq, long frame, long ts) {
        if (started && !ended) {
            fin = offsetOf(seq);
            finFrame = frame;
            if (fin > next && peerAck > next) {
                lostBeforeFin(frame, ts);
            }
            checkFin(frame);
        }
    }

    /**
     * Bytes before the FIN that the peer acknowledged but the capture never saw: no later
     * segment will show the hole, so it is declared now.
     */
    private void lostBeforeFin(long frame, long ts) {
        while (next < fin && peerAck > next) {
            long holeEnd = segs > 0 ? Math.min(segStart[0], fin) : fin;
            skipTo(holeEnd, frame, "not in the capture, though the peer acknowledged them");
            drain(frame, ts, false);
        }
        checkFin(frame);
    }

    /** A RST: what is held is delivered after its holes, then the stream ends. */
    void reset(long frame, long ts) {
        if (started && !ended) {
            flush(frame, ts, false, "never sent before the reset");
            end(frame, "reset (RST)");
        }
    }

    /**
     * Nothing more will come ({@code why}: the capture ended, ...): held segments are delivered
     * after their holes, in their own frames.
     */
    void finish(String why) {
        if (started && !ended) {
            flush(0, 0, true, "not in the capture");
            end(lastFrame, why);
        }
    }

    private void end(long frame, String why) {
        ended = true;
        release();
        out.end(frame, why);
    }

    private void checkFin(long frame) {
        if (fin >= 0 && next >= fin && !ended) {
            end(frame, "closed (FIN)");
        }
    }

    private void deliver(byte[] a, int off, int capLen, int wireLen, long s, long frame, long ts) {
        long e = s + wireLen;
        if (e <= next) {
            return;
        }
        long skip = next - s;
        if (skip < capLen) {
            out.data(a, off + (int) skip, capLen - (int) skip, frame, ts);
            advance(s + capLen);
            lastFrame = frame;
        }
        if (next < e) {
            long missing = e - next;
            advance(e);
            out.gap(missing, frame, frame, "cut off by the capture's snapshot length");
        }
    }

    private void drain(long frame, long ts, boolean ownFrames) {
        while (segs > 0 && segStart[0] <= next) {
            long s0 = segStart[0];
            int n = segLen[0];
            byte[] d = segData[0];
            long f = ownFrames ? segFrame[0] : frame;
            long t = ownFrames ? segTs[0] : ts;
            removeFirst();
            if (s0 + n > next) {
                int skip = (int) (next - s0);
                out.data(d, skip, n - skip, f, t);
                advance(s0 + n);
                lastFrame = f;
            }
        }
    }

    private void flush(long frame, long ts, boolean ownFrames, String why) {
        while (segs > 0) {
            if (segStart[0] > next) {
                skipTo(segStart[0], segFrame[0], why);
            }
            drain(frame, ts, ownFrames);
        }
        if (fin > next) {
            skipTo(fin, finFrame, why);
        }
    }

    private void skipTo(long to, long frameAfter, String why) {
        long missing = to - next;
        advance(to);
        out.gap(missing, lastFrame, frameAfter, why);
    }

    private void advance(long to) {
        nextSeq += (int) (to - next);
        next = to;
    }

    private boolean roomFor(int n) {
        return buffered + (long) n <= maxBytes && segs + 2 <= maxSegments && budget.allows(n);
    }

    private String roomReason(int n) {
        if (buffered + (long) n <= maxBytes && segs + 2 <= maxSegments) {
            return "given up: the out-of-order limit for all flows (" + (budget.limit() >> 20) + " MiB) was reached";
        }
        return "given up: the out-of-order limit of one direction (" + (maxBytes >> 10) + " KiB, "
                + maxSegments + " segments) was reached";
    }

    /** Holds the parts of [s, s+capLen) that no held segment covers yet: the first copy wins. */
    private void hold(byte[] a, int off, int capLen, long s, long frame, long ts) {
        long e = s + capLen;
        long x = Math.max(s, next);
        int i = 0;
        while (i < segs && segStart[i] + segLen[i] <= x) {
            i++;
        }
        while (x < e) {
            if (i < segs && segStart[i] <= x) {
                x = segStart[i] + segLen[i];
                i++;
                continue;
            }
            long y = i < segs ? Math.min(e, segStart[i]) : e;
            if (segs == maxSegments) {
                return;
            }
            insert(i, Arrays.copyOfRange(a, off + (int) (x - s), off + (int) (y - s)), x, frame, ts);
            i++;
            x = y;
        }
    }

    private void insert(int i, byte[] d, long start, long frame, long ts) {
        if (segs == segStart.length) {
            int n = Math.min(maxSegments, Math.max(8, segs * 2));
            segStart = Arrays.copyOf(segStart, n);
            segLen = Arrays.copyOf(segLen, n);
            segData = Arrays.copyOf(segData, n);
            segFrame = Arrays.copyOf(segFrame, n);
            segTs = Arrays.copyOf(segTs, n);
        }
        int tail = segs - i;
        System.arraycopy(segStart, i, segStart, i + 1, tail);
        System.arraycopy(segLen, i, segLen, i + 1, tail);
        System.arraycopy(segData, i, segData, i + 1, tail);
        System.arraycopy(segFrame, i, segFrame, i + 1, tail);
        System.arraycopy(segTs, i, segTs, i + 1, tail);
        segStart[i] = start;
        segLen[i] = d.length;
        segData[i] = d;
        segFrame[i] = frame;
        segTs[i] = ts;
        segs++;
        buffered += d.length;
        budget.take(d.length);
    }

    private void removeFirst() {
        buffered -= segLen[0];
        budget.give(segLen[0]);
        segs--;
        System.arraycopy(segStart, 1, segStart, 0, segs);
        System.arraycopy(segLen, 1, segLen, 0, segs);
        System.arraycopy(segData, 1, segData, 0, segs);
        System.arraycopy(segFrame, 1, segFrame, 0, segs);
        System.arraycopy(segTs, 1, segTs, 0, segs);
        segData[segs] = null;
    }

    /** Drops everything held (the flow ends or is abandoned). */
    void release() {
        budget.give(buffered);
        buffered = 0;
        segs = 0;
        segStart = NO_LONGS;
        segLen = NO_INTS;
        segData = NO_BYTES;
        segFrame = NO_LONGS;
        segTs = NO_LONGS;
    }
}
