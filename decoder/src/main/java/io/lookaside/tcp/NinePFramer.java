package io.lookaside.tcp;

import io.lookaside.net.Bytes;
import java.util.Arrays;

/**
 * Cuts one direction of a reassembled stream into whole 9P messages, {@code size[4]} first
 * (intro(5)). Messages that lie whole in the bytes handed in are passed on without a copy;
 * only a message spread over several segments is gathered in a buffer.
 *
 * <p>When the first message boundary is unknown (the capture starts mid-stream, bytes were
 * lost, or a size field made no sense) the framer hunts: it keeps the bytes and looks for an
 * offset where a chain of plausible headers starts ({@link NinePBoundaries#plausible}: size within
 * the bound, a known type of the direction's parity, NOTAG on version messages). A true
 * boundary is followed by nothing but boundaries, so a candidate is rejected as soon as its
 * chain meets an implausible header, and accepted after two headers (four when the flow is
 * not yet known to be 9P), after a version message naming 9P, or, when it is the first byte
 * of a segment, as soon as complete messages end exactly where the bytes held end (senders
 * start segments with messages far more often than not). Messages that complete while hunting
 * keep the frame that completed them.
 */
final class NinePFramer implements StreamListener {

    /** The flow a framer works for: detection decisions, messages and notes go there. */
    interface Owner {
        /** True once the flow is known to carry 9P (port rule or recognition). */
        boolean ninePKnown();

        /** Boundaries were found: this direction carries 9P messages of {@code parity} (0 T, 1 R). */
        void recognised(NinePFramer f, int parity, boolean byVersion, long frame);

        /** This direction does not look like 9P; {@code definitive} when its stream start proved it. */
        void rejected(NinePFramer f, boolean definitive);

        void message(NinePFramer f, byte[] a, int off, int len, long frame, long ts);

        void gap(NinePFramer f, long bytes, long frameBefore, long frameAfter, String why);

        void note(NinePFramer f, boolean warning, long frame, String text);
    }

    static final int IDLE = 0;
    static final int START = 1;
    static final int SYNCED = 2;
    static final int HUNTING = 3;

    /** Bytes a candidate boundary may wait for confirmation before it is given up. */
    static final int HUNT_WINDOW = 4 << 20;
    /** Bytes examined in a flow not known to be 9P before this direction gives up. */
    static final int STRICT_BUDGET = 256 << 10;
    /** Candidates kept waiting for bytes at most. */
    private static final int MAX_WAITING = 64;
    private static final int NEED_MORE = 0;
    private static final int REJECT = 1;
    private static final int ACCEPT = 2;
    private static final byte[] NO_BYTES = new byte[0];
    private static final int[] NO_INTS = new int[0];
    private static final long[] NO_LONGS = new long[0];

    final int dir;
    private final Owner owner;
    private int parity = -1;
    private long bound;
    private int state = IDLE;
    private boolean gaveUp;

    /** Partial message (SYNCED) or the bytes being hunted in (START, HUNTING). */
    private byte[] acc = NO_BYTES;
    private int accLen;
    /** While hunting: acc[..chunkEnd[i]) arrived by frame chunkFrame[i]. */
    private int[] chunkEnd = NO_INTS;
    private long[] chunkFrame = NO_LONGS;
    private long[] chunkTs = NO_LONGS;
    private int chunks;
    /** Candidates before this offset were looked at: rejected, or waiting in {@link #waitingAt}. */
    private int scannedTo;
    /** Candidates whose chain runs past the bytes held, in increasing order. */
    private int[] waitingAt = NO_INTS;
    private int waiting;
    /** acc[0] is the first byte of the stream or the first after a gap: a segment start. */
    private boolean aligned;
    private boolean afterGap;
    private long skipped;
    private long strictSeen;
    private int chainParity;
    private boolean chainByVersion;

    NinePFramer(int dir, Owner owner, long bound) {
        this.dir = dir;
        this.owner = owner;
        this.bound = bound;
    }

    int state() {
        return state;
    }

    boolean gaveUp() {
        return gaveUp;
    }

    void parity(int p) {
        this.parity = p;
    }

    void bound(long b) {
        this.bound = b;
    }

    @Override
    public void begin(boolean atStreamStart) {
        release();
        state = atStreamStart ? START : HUNTING;
        aligned = true;
        afterGap = false;
        gaveUp = false;
    }

    @Override
    public void data(byte[] a, int off, int len, long frame, long ts) {
        switch (state) {
            case SYNCED -> synced(a, off, len, frame, ts);
            case START, HUNTING -> {
                appendHunted(a, off, len, frame, ts);
                if (!owner.ninePKnown()) {
                    strictSeen += len;
                }
                examine();
            }
            default -> {
            }
        }
    }

    @Override
    public void gap(long bytes, long frameBefore, long frameAfter, String why) {
        if (state == IDLE && !gaveUp) {
            return;
        }
        owner.gap(this, bytes, frameBefore, frameAfter, why);
        if (state == SYNCED && accLen > 0) {
            owner.note(this, false, frameAfter, "the message in progress (" + accLen + " of "
                    + Bytes.le32u(acc, 0) + " bytes) is lost with it");
        }
        if (state == START || state == HUNTING) {
            skipped += accLen;
        }
        clear();
        if (state != IDLE) {
            state = HUNTING;
        }
        aligned = true;
        afterGap = true;
    }

    @Override
    public void end(long frame, String why) {
        if (state == SYNCED && accLen > 0) {
            owner.note(this, false, frame, "the stream ended inside a 9P message (" + accLen + " of "
                    + (accLen >= 4 ? Bytes.le32u(acc, 0) : "?") + " bytes): " + why);
        } else if ((state == HUNTING || state == START) && owner.ninePKnown() && accLen + skipped > 0) {
            owner.note(this, true, frame, "the stream ended before a 9P message boundary was found ("
                    + (accLen + skipped) + " bytes not decoded): " + why);
        }
        state = IDLE;
        release();
    }

    /** The flow learned something (9P recognised, parity known): look again at what is held. */
    void retry() {
        if (gaveUp && owner.ninePKnown()) {
            gaveUp = false;
            state = HUNTING;
            aligned = false;
        }
        if (state == START || state == HUNTING) {
            examine();
        }
    }

    private void examine() {
        if (state == START) {
            start();
        } else {
            hunt();
        }
    }

    /** The stream's first byte is a message's first byte: check that message. */
    private void start() {
        if (accLen < NinePBoundaries.HEADER) {
            return;
        }
        if (owner.ninePKnown()) {
            int p = NinePBoundaries.plausible(acc, 0, bound, parity);
            if (p >= 0) {
                owner.recognised(this, p, false, chunkFrame[0]);
                accept(0);
                return;
            }
            owner.note(this, true, chunkFrame[0], "the stream does not begin with a 9P message header (size "
                    + Bytes.le32u(acc, 0) + ", type " + (acc[4] & 0xFF) + "); looking for a message boundary");
            state = HUNTING;
            aligned = false;
            scannedTo = 1;
            hunt();
            return;
        }
        // A flow on an unknown port is 9P only if it begins with a version exchange (version(5)).
        long size = Bytes.le32u(acc, 0);
        int type = acc[4] & 0xFF;
        boolean versionLike = (type == NinePBoundaries.TVERSION || type == NinePBoundaries.RVERSION)
                && size >= NinePBoundaries.VERSION_STRING + 2 && size <= NinePBoundaries.VERSION_STRING + 2 + 64;
        if (versionLike && accLen < size) {
            return;
        }
        if (versionLike && NinePBoundaries.isVersion(acc, 0, (int) size)) {
            owner.recognised(this, type & 1, true, frameAt((int) size - 1));
            if (state == START) {
                accept(0);
            }
            return;
        }
        state = IDLE;
        release();
        owner.rejected(this, true);
    }

    /**
     * Looks for the first candidate whose chain is confirmed. Candidates still waiting for
     * bytes (a plausible header whose message has not all arrived) are kept and looked at
     * again, but do not hold back a later candidate that is confirmed first.
     */
    private void hunt() {
        boolean known = owner.ninePKnown();
        int needed = known ? 2 : 4;
        int kept = 0;
        for (int i = 0; i < waiting; i++) {
            int p = waitingAt[i];
            int v = chain(p, needed, known);
            if (v == ACCEPT) {
                confirm(p);
                return;
            }
            if (v == NEED_MORE && accLen - p < HUNT_WINDOW) {
                waitingAt[kept++] = p;
            }
        }
        waiting = kept;
        int p = scannedTo;
        for (; p + NinePBoundaries.HEADER <= accLen; p++) {
            int v = chain(p, needed, known);
            if (v == ACCEPT) {
                confirm(p);
                return;
            }
            if (v == NEED_MORE) {
                wait(p);
            }
        }
        scannedTo = p;
        if (!known && strictSeen > STRICT_BUDGET) {
            state = IDLE;
            gaveUp = true;
            release();
            owner.rejected(this, false);
            return;
        }
        int keepFrom = waiting > 0 ? waitingAt[0] : scannedTo;
        if (keepFrom >= 4096 && keepFrom * 2 >= accLen) {
            dropHunted(keepFrom);
        }
    }

    private void confirm(int p) {
        owner.recognised(this, chainParity, chainByVersion, frameAt(accLen - 1));
        if (state == HUNTING || state == START) {
            accept(p);
        }
    }

    /** Keeps candidate {@code p} for another look; when too many wait, the oldest is given up. */
    private void wait(int p) {
        if (waiting == waitingAt.length) {
            if (waiting == MAX_WAITING) {
                System.arraycopy(waitingAt, 1, waitingAt, 0, --waiting);
            } else {
                waitingAt = Arrays.copyOf(waitingAt, Math.max(4, waiting * 2));
            }
        }
        waitingAt[waiting++] = p;
    }

    /** Follows the chain of headers from candidate {@code p}: ACCEPT, REJECT or NEED_MORE. */
    private int chain(int p, int needed, boolean known) {
        int par = parity;
        int count = 0;
        long q = p;
        while (true) {
            if (q == accLen) {
                if (count >= 1 && known && segmentStart(p)) {
                    chainParity = par;
                    chainByVersion = false;
                    return ACCEPT;
                }
                return NEED_MORE;
            }
            if (q + NinePBoundaries.HEADER > accLen) {
                return NEED_MORE;
            }
            int at = (int) q;
            int t = NinePBoundaries.plausible(acc, at, bound, par);
            if (t < 0) {
                return REJECT;
            }
            par = t;
            long size = Bytes.le32u(acc, at);
            int type = acc[at + 4] & 0xFF;
            if (type == NinePBoundaries.TVERSION || type == NinePBoundaries.RVERSION) {
                if (q + size > accLen) {
                    return NEED_MORE;
                }
                if (!NinePBoundaries.isVersion(acc, at, (int) size)) {
                    return REJECT;
                }
                chainParity = par;
                chainByVersion = true;
                return ACCEPT;
            }
            if (++count >= needed) {
                chainParity = par;
                chainByVersion = false;
                return ACCEPT;
            }
            q += size;
        }
    }

    /** True when acc[p] is the first byte of a segment (of the stream, or after a gap). */
    private boolean segmentStart(int p) {
        return p == 0 ? aligned : Arrays.binarySearch(chunkEnd, 0, chunks, p) >= 0;
    }

    /** Message boundaries start at acc[p]: pass on the complete messages, keep the partial one. */
    private void accept(int p) {
        long dropped = skipped + p;
        if (dropped > 0) {
            owner.note(this, afterGap, frameAt(p), afterGap
                    ? "resynchronised on a 9P message boundary after skipping " + dropped + " bytes"
                    : "the capture starts inside the stream: skipped " + dropped + " bytes to the first 9P message boundary");
        }
        state = SYNCED;
        skipped = 0;
        afterGap = false;
        int q = p;
        int c = 0;
        while (q + 4 <= accLen) {
            long size = Bytes.le32u(acc, q);
            if (size < NinePBoundaries.HEADER || size > bound) {
                lost(frameAt(q), size);
                state = HUNTING;
                aligned = false;
                waiting = 0;
                scannedTo = q + 1;
                hunt();
                return;
            }
            if (q + size > accLen) {
                break;
            }
            int end = q + (int) size;
            while (chunkEnd[c] < end) {
                c++;
            }
            owner.message(this, acc, q, (int) size, chunkFrame[c], chunkTs[c]);
            q = end;
            if (state != SYNCED) {
                return;
            }
        }
        System.arraycopy(acc, q, acc, 0, accLen - q);
        accLen -= q;
        chunks = 0;
        scannedTo = 0;
        waiting = 0;
    }

    private void synced(byte[] a, int off, int len, long frame, long ts) {
        while (len > 0) {
            if (accLen > 0 || len < 4) {
                if (accLen < 4) {
                    int n = Math.min(4 - accLen, len);
                    append(a, off, n);
                    off += n;
                    len -= n;
                    if (accLen < 4) {
                        return;
                    }
                    long size = Bytes.le32u(acc, 0);
                    if (size < NinePBoundaries.HEADER || size > bound) {
                        lost(frame, size);
                        huntFrom(frame, ts, a, off, len);
                        return;
                    }
                }
                long size = Bytes.le32u(acc, 0);
                int n = (int) Math.min(size - accLen, len);
                append(a, off, n);
                off += n;
                len -= n;
                if (accLen == size) {
                    accLen = 0;
                    owner.message(this, acc, 0, (int) size, frame, ts);
                    if (acc.length > 1 << 20) {
                        acc = NO_BYTES; // a big message went by: do not keep its buffer per flow
                    }
                    if (state != SYNCED) {
                        return;
                    }
                }
                continue;
            }
            long size = Bytes.le32u(a, off);
            if (size < NinePBoundaries.HEADER || size > bound) {
                lost(frame, size);
                huntFrom(frame, ts, a, off, len);
                return;
            }
            if (size > len) {
                append(a, off, len);
                return;
            }
            owner.message(this, a, off, (int) size, frame, ts);
            off += (int) size;
            len -= (int) size;
            if (state != SYNCED) {
                return;
            }
        }
    }

    private void lost(long frame, long size) {
        owner.note(this, true, frame, "9P size field " + size + " is outside 7.." + bound
                + ": message boundaries lost; resynchronising");
    }

    /** Hunts from what acc holds (a bad header) plus the rest of this segment. */
    private void huntFrom(long frame, long ts, byte[] a, int off, int len) {
        state = HUNTING;
        aligned = false;
        afterGap = true;
        chunks = 0;
        if (accLen > 0) {
            addChunk(accLen, frame, ts);
        }
        appendHunted(a, off, len, frame, ts);
        scannedTo = 1;
        waiting = 0;
        hunt();
    }

    private void appendHunted(byte[] a, int off, int len, long frame, long ts) {
        append(a, off, len);
        addChunk(accLen, frame, ts);
    }

    private void addChunk(int end, long frame, long ts) {
        if (chunks > 0 && chunkFrame[chunks - 1] == frame) {
            chunkEnd[chunks - 1] = end;
            return;
        }
        if (chunks == chunkEnd.length) {
            int n = Math.max(16, chunks * 2);
            chunkEnd = Arrays.copyOf(chunkEnd, n);
            chunkFrame = Arrays.copyOf(chunkFrame, n);
            chunkTs = Arrays.copyOf(chunkTs, n);
        }
        chunkEnd[chunks] = end;
        chunkFrame[chunks] = frame;
        chunkTs[chunks] = ts;
        chunks++;
    }

    /** The frame that delivered acc[offset] while hunting. */
    private long frameAt(int offset) {
        for (int i = 0; i < chunks; i++) {
            if (chunkEnd[i] > offset) {
                return chunkFrame[i];
            }
        }
        return chunks > 0 ? chunkFrame[chunks - 1] : 0;
    }

    private void dropHunted(int n) {
        System.arraycopy(acc, n, acc, 0, accLen - n);
        accLen -= n;
        int kept = 0;
        for (int i = 0; i < chunks; i++) {
            int e = chunkEnd[i] - n;
            if (e > 0) {
                chunkEnd[kept] = e;
                chunkFrame[kept] = chunkFrame[i];
                chunkTs[kept] = chunkTs[i];
                kept++;
            }
        }
        chunks = kept;
        skipped += n;
        scannedTo -= n;
        for (int i = 0; i < waiting; i++) {
            waitingAt[i] -= n;
        }
        aligned = false;
    }

    private void append(byte[] a, int off, int len) {
        if (accLen + len > acc.length) {
            acc = Arrays.copyOf(acc, Math.max(accLen + len, Math.max(256, acc.length * 2)));
        }
        System.arraycopy(a, off, acc, accLen, len);
        accLen += len;
    }

    private void clear() {
        accLen = 0;
        chunks = 0;
        scannedTo = 0;
        waiting = 0;
    }

    /** Forgets everything held and frees the buffers. */
    void release() {
        clear();
        acc = NO_BYTES;
        chunkEnd = NO_INTS;
        chunkFrame = NO_LONGS;
        chunkTs = NO_LONGS;
        waitingAt = NO_INTS;
        skipped = 0;
        strictSeen = 0;
    }
}
