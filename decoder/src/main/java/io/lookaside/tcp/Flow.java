package io.lookaside.tcp;

import io.lookaside.capture.Diagnostic;
import io.lookaside.net.Bytes;
import io.lookaside.net.Endpoints;

/**
 * One TCP connection or vsock stream between endpoints A and B (A sorts first). Direction 0
 * is A to B, 1 is B to A. The flow decides whether it carries 9P and which side is the
 * client, and owns the two directions' reassemblers and framers.
 *
 * <p>Client side, strongest evidence first: the SYN (or vsock REQUEST) sender; else the side
 * whose messages have T (even) types; else the side whose port is not the 9P port.
 */
final class Flow implements NinePFramer.Owner {
    static final int UNDECIDED = 0;
    static final int NINEP = 1;
    static final int NOT_NINEP = 2;

    private static final int BY_NONE = 0;
    private static final int BY_PORT = 1;
    private static final int BY_PARITY = 2;
    private static final int BY_HANDSHAKE = 3;
    /** Gaps listed one by one per flow; more are counted and summed up when the flow ends. */
    private static final int MAX_LISTED_GAPS = 20;

    private final FlowTracker tracker;
    final int family;
    final long aHi;
    final long aLo;
    final long bHi;
    final long bLo;
    final int aPort;
    final int bPort;
    final NinePFramer[] framers = new NinePFramer[2];
    final StreamReassembler[] streams = new StreamReassembler[2];
    /** vsock: the direction's framer has begun (TCP: its reassembler started it). */
    final boolean[] begun = new boolean[2];
    /** TCP: a SYN from this direction was seen, with this sequence number. */
    final boolean[] synSeen = new boolean[2];
    final int[] synSeq = new int[2];

    int status;
    private int clientDir = -1;
    private int clientBy = BY_NONE;
    int conn = -1;
    boolean closed;
    private boolean inRecognise;
    private int gapsListed;
    private long gapsUnlisted;
    private long gapBytesUnlisted;

    Flow(FlowTracker tracker, int family, long aHi, long aLo, int aPort, long bHi, long bLo, int bPort) {
        this.tracker = tracker;
        this.family = family;
        this.aHi = aHi;
        this.aLo = aLo;
        this.aPort = aPort;
        this.bHi = bHi;
        this.bLo = bLo;
        this.bPort = bPort;
        long bound = tracker.limits().maxMessage();
        for (int d = 0; d < 2; d++) {
            framers[d] = new NinePFramer(d, this, bound);
            streams[d] = new StreamReassembler(framers[d], tracker.budget(), tracker.limits());
        }
        boolean aIs9p = tracker.isNinePPort(aPort);
        boolean bIs9p = tracker.isNinePPort(bPort);
        if (aIs9p || bIs9p) {
            status = NINEP;
            if (aIs9p != bIs9p) {
                clientDir = bIs9p ? 0 : 1;
                clientBy = BY_PORT;
            }
        }
    }

    /** The handshake says who the client is (SYN or vsock REQUEST sender). */
    void handshake(int clientDirection) {
        if (clientBy < BY_HANDSHAKE) {
            clientDir = clientDirection;
            clientBy = BY_HANDSHAKE;
            parities();
        }
    }

    private void parities() {
        for (int d = 0; d < 2; d++) {
            framers[d].parity(clientBy >= BY_PARITY ? (d == clientDir ? 0 : 1) : -1);
        }
    }

    @Override
    public boolean ninePKnown() {
        return status == NINEP;
    }

    @Override
    public void recognised(NinePFramer f, int parity, boolean byVersion, long frame) {
        boolean wasUndecided = status == UNDECIDED;
        status = NINEP;
        if (clientBy < BY_PARITY) {
            clientDir = parity == 0 ? f.dir : 1 - f.dir;
            clientBy = BY_PARITY;
            parities();
        }
        if (wasUndecided) {
            tracker.note(this, Diagnostic.Severity.INFO, frame, "9P recognised on port "
                    + Integer.toUnsignedString(clientDir == 0 ? bPort : aPort) + " by "
                    + (byVersion ? "its version exchange" : "a run of well-formed 9P headers"));
        }
        if (!inRecognise) {
            inRecognise = true;
            framers[1 - f.dir].retry();
            inRecognise = false;
        }
    }

    @Override
    public void rejected(NinePFramer f, boolean definitive) {
        if (status == UNDECIDED && (definitive || framers[1 - f.dir].gaveUp())) {
            notNineP();
        }
    }

    void notNineP() {
        status = NOT_NINEP;
        release();
        tracker.finished();
        if (family != Endpoints.VSOCK) {
            tracker.notNineP(Math.min(aPort, bPort));
        }
    }

    /** Frees every buffer: the flow is closed or not 9P. */
    void release() {
        for (int d = 0; d < 2; d++) {
            streams[d].release();
            framers[d].release();
        }
    }

    @Override
    public void message(NinePFramer f, byte[] a, int off, int len, long frame, long ts) {
        if (conn < 0) {
            if (clientDir < 0) {
                clientDir = (a[off + 4] & 1) == 0 ? f.dir : 1 - f.dir;
            }
            conn = tracker.open(this);
        }
        int type = a[off + 4] & 0xFF;
        if ((type == NinePBoundaries.TVERSION || type == NinePBoundaries.RVERSION) && len >= NinePBoundaries.VERSION_STRING) {
            // version(5): no message of the session exceeds msize; bound framing by it (with room to spare).
            long msize = Math.max(NinePBoundaries.MIN_MSIZE, Bytes.le32u(a, off + NinePBoundaries.VERSION_MSIZE));
            long bound = Math.min(tracker.limits().maxMessage(), 2 * msize + 4096);
            framers[0].bound(bound);
            framers[1].bound(bound);
        }
        tracker.emit(conn, f.dir == clientDir, frame, ts, a, off, len);
    }

    @Override
    public void gap(NinePFramer f, long bytes, long frameBefore, long frameAfter, String why) {
        if (status != NINEP) {
            return;
        }
        if (gapsListed == MAX_LISTED_GAPS) {
            gapsUnlisted++;
            gapBytesUnlisted += bytes;
            return;
        }
        gapsListed++;
        String where = frameBefore == frameAfter ? "in frame " + frameAfter
                : "between frames " + frameBefore + " and " + frameAfter;
        tracker.note(this, Diagnostic.Severity.WARNING, frameAfter, direction(f.dir) + ": " + bytes
                + " bytes missing " + where + " (" + why + "); resynchronising");
    }

    @Override
    public void note(NinePFramer f, boolean warning, long frame, String text) {
        if (status == NINEP) {
            tracker.note(this, warning ? Diagnostic.Severity.WARNING : Diagnostic.Severity.INFO, frame,
                    direction(f.dir) + ": " + text);
        }
    }

    /** The capture ended: say how many gaps were not listed. */
    void summarise(long frame) {
        if (gapsUnlisted > 0) {
            tracker.note(this, Diagnostic.Severity.WARNING, frame, gapsUnlisted + " more gaps (" + gapBytesUnlisted
                    + " bytes) were not listed one by one");
        }
    }

    private String direction(int d) {
        if (clientDir < 0) {
            return d == 0 ? "A to B" : "B to A";
        }
        return d == clientDir ? "client to server" : "server to client";
    }

    /** {@code client:port>server:port}; A first while the client is unknown. */
    String id() {
        String a = Endpoints.format(family, aHi, aLo, aPort);
        String b = Endpoints.format(family, bHi, bLo, bPort);
        return clientDir == 1 ? b + ">" + a : a + ">" + b;
    }
}
