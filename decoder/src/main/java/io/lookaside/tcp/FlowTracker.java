package io.lookaside.tcp;

import io.lookaside.capture.Diagnostic;
import java.util.Map;
import io.lookaside.capture.MessageSink;
import io.lookaside.capture.Protocol;
import io.lookaside.net.Endpoints;
import io.lookaside.net.Packet;
import io.lookaside.net.Tcp;
import io.lookaside.net.Vsock;
import java.nio.ByteBuffer;

/**
 * From parsed packets to whole 9P messages: finds each packet's flow, follows TCP handshakes,
 * sequence numbers and teardown (or vsock connect/shutdown), reassembles each direction and
 * frames it, and hands messages to the {@link MessageSink} with the frame that completed them.
 *
 * <p>9P is recognised on port 564 (and the port the user forces) whatever it looks like, and
 * on any other port when a stream begins with a version exchange or, mid-stream, shows a run
 * of well-formed 9P headers. A flow gets its connection id when its first message is
 * delivered, so ids are dense and in order of first message.
 *
 * <p>Messages reach the sink in capture order, except while a direction hunts for a message
 * boundary (mid-stream start, after a gap): its messages are held until the boundary is
 * confirmed, so they may follow later messages of the other direction or of other flows.
 */
public final class FlowTracker {
    /** IANA's port for 9P ("9pfs"), what v9fs, diod and NFS-Ganesha use by default. */
    public static final int NINEP_PORT = 564;

    private final MessageSink sink;
    private final int forcedPort;
    private final TrackerLimits limits;
    private final ReassemblyBudget budget;
    private final FlowTable table = new FlowTable();
    private int connections;
    private long lastFrame;
    private long refusedPackets;
    private long firstRefusedFrame;
    private long finishedSincePurge;
    private byte[] viewArray;
    private ByteBuffer view;

    /** {@code forcedPort}: a port whose traffic is 9P whatever it looks like, or 0. */
    public FlowTracker(MessageSink sink, int forcedPort, TrackerLimits limits) {
        this.sink = sink;
        this.forcedPort = forcedPort;
        this.limits = limits;
        this.budget = new ReassemblyBudget(limits.maxBufferedTotal());
    }

    TrackerLimits limits() {
        return limits;
    }

    ReassemblyBudget budget() {
        return budget;
    }

    boolean isNinePPort(int port) {
        return port == NINEP_PORT || forcedPort > 0 && port == forcedPort;
    }

    /** A TCP segment of capture record {@code frame}; {@code a} holds the frame's bytes. */
    public void tcp(Packet p, byte[] a, long frame, long ts) {
        lastFrame = frame;
        int flags = p.tcpFlags();
        boolean syn = (flags & Tcp.SYN) != 0;
        boolean ack = (flags & Tcp.ACK) != 0;
        Flow f = table.find(p);
        int dir = table.direction();
        if (f != null && syn && !ack && isNewConnection(f, dir, p.seq())) {
            retire(f);
            f = null; // the 4-tuple is reused by a new connection: its slot takes the new flow
        }
        if (f == null) {
            f = create(p, frame);
            if (f == null) {
                return;
            }
        }
        if (syn) {
            f.handshake(ack ? 1 - dir : dir);
            f.synSeen[dir] = true;
            f.synSeq[dir] = p.seq();
        }
        if (f.status == Flow.NOT_NINEP || f.closed) {
            return;
        }
        StreamReassembler s = f.streams[dir];
        if (syn) {
            s.startAtSyn(p.seq() + 1, frame);
        }
        if (ack) {
            f.streams[1 - dir].peerAck(p.ack(), frame, ts);
        }
        int seq = syn ? p.seq() + 1 : p.seq();
        if (p.payloadWireLength() > 0 && f.status != Flow.NOT_NINEP) {
            s.segment(a, p.payloadOffset(), p.payloadLength(), p.payloadWireLength(), seq, frame, ts);
        }
        if ((flags & Tcp.FIN) != 0 && f.status != Flow.NOT_NINEP) {
            s.fin(seq + p.payloadWireLength(), frame, ts);
        }
        if ((flags & Tcp.RST) != 0 && f.status != Flow.NOT_NINEP) {
            s.reset(frame, ts);
            f.streams[1 - dir].reset(frame, ts);
        }
        if (f.streams[0].ended() && f.streams[1].ended()) {
            close(f);
        }
    }

    /** A vsock packet (LINKTYPE_VSOCK): in order and reliable, so no reassembly. */
    public void vsock(Packet p, byte[] a, long frame, long ts) {
        lastFrame = frame;
        Flow f = table.find(p);
        int dir = table.direction();
        int event = p.vsockEvent();
        boolean opening = event == Vsock.CONNECT_REQUEST || event == Vsock.CONNECT && (f == null || f.closed);
        if (f != null && opening && (f.closed || f.begun[0] || f.begun[1])) {
            retire(f);
            f = null;
        }
        if (f == null) {
            f = create(p, frame);
            if (f == null) {
                return;
            }
        }
        if (f.status == Flow.NOT_NINEP || f.closed) {
            return;
        }
        switch (event) {
            case Vsock.CONNECT_REQUEST, Vsock.CONNECT -> {
                f.handshake(dir);
                begin(f, 0, true);
                begin(f, 1, true);
            }
            case Vsock.CONNECT_RESPONSE -> f.handshake(1 - dir);
            case Vsock.PAYLOAD -> {
                begin(f, dir, false);
                NinePFramer fr = f.framers[dir];
                if (p.payloadLength() > 0) {
                    fr.data(a, p.payloadOffset(), p.payloadLength(), frame, ts);
                }
                if (p.payloadWireLength() > p.payloadLength() && f.status != Flow.NOT_NINEP) {
                    fr.gap(p.payloadWireLength() - p.payloadLength(), frame, frame,
                            "cut off by the capture's snapshot length");
                }
            }
            case Vsock.SHUTDOWN -> {
                // VIRTIO_VSOCK_SHUTDOWN_SEND (2): the sender sends no more; RCV (1): it reads no more.
                int how = p.vsockShutdown();
                if (how == 0 || (how & 2) != 0) {
                    f.framers[dir].end(frame, "closed (SHUTDOWN)");
                }
                if (how == 0 || (how & 1) != 0) {
                    f.framers[1 - dir].end(frame, "closed (SHUTDOWN)");
                }
                if (f.framers[0].state() == NinePFramer.IDLE && f.framers[1].state() == NinePFramer.IDLE) {
                    close(f);
                }
            }
            case Vsock.RESET -> {
                f.framers[0].end(frame, "reset (RST)");
                f.framers[1].end(frame, "reset (RST)");
                close(f);
            }
            default -> {
            }
        }
    }

    private static void begin(Flow f, int dir, boolean atStreamStart) {
        if (!f.begun[dir]) {
            f.begun[dir] = true;
            f.framers[dir].begin(atStreamStart);
        }
    }

    /** The capture ended: deliver what is held, report what is left unfinished. */
    public void finish() {
        table.forEach(f -> wrapUp(f, "the capture ended"));
        if (!notNinePPorts.isEmpty()) {
            sink.diagnostic(Diagnostic.info(firstNotNinePFrame, -1, "TCP connections that are not 9P: " + notNinePSummary()
                    + ". If one of them is 9P on a port of its own, decode it with Decode As (--port PORT)."));
        }
        if (refusedPackets > 0) {
            sink.diagnostic(Diagnostic.warning(firstRefusedFrame, -1, refusedPackets
                    + " packets of new flows were ignored because " + limits.maxFlows()
                    + " flows were open at once, from frame " + firstRefusedFrame));
        }
    }

    /** An unfinished flow whose endpoints a new connection reuses: deliver what it holds first. */
    private void retire(Flow f) {
        wrapUp(f, "a new connection took its ports");
        f.release();
    }

    /** Delivers what an unfinished flow holds after its holes and says what was left incomplete. */
    private void wrapUp(Flow f, String why) {
        if (f.status != Flow.NOT_NINEP && !f.closed) {
            for (int d = 0; d < 2; d++) {
                if (f.family == Endpoints.VSOCK) {
                    f.framers[d].end(lastFrame, why);
                } else {
                    f.streams[d].finish(why);
                }
            }
        }
        f.summarise(lastFrame);
    }

    /** A SYN on a known 4-tuple starts a new connection unless it repeats the SYN already seen. */
    private static boolean isNewConnection(Flow f, int dir, int seq) {
        if (f.synSeen[dir] && f.synSeq[dir] == seq) {
            return false;
        }
        return f.closed || f.streams[0].started() || f.streams[1].started() || f.status == Flow.NOT_NINEP;
    }

    private Flow create(Packet p, long frame) {
        if (table.size() >= limits.maxFlows()) {
            // Closed flows and flows that are not 9P are dropped only when room is needed.
            if (finishedSincePurge == 0 || table.purge() == 0 || table.size() >= limits.maxFlows()) {
                if (refusedPackets++ == 0) {
                    firstRefusedFrame = frame;
                }
                return null;
            }
            finishedSincePurge = 0;
            table.find(p); // the purge moved the flows: find the free slot again
        }
        int dir = table.direction();
        Flow f = dir == 0
                ? new Flow(this, p.family(), p.srcHi(), p.srcLo(), p.srcPort(), p.dstHi(), p.dstLo(), p.dstPort())
                : new Flow(this, p.family(), p.dstHi(), p.dstLo(), p.dstPort(), p.srcHi(), p.srcLo(), p.srcPort());
        table.put(f);
        return f;
    }

    private void close(Flow f) {
        f.closed = true;
        f.release();
        finishedSincePurge++;
    }

    /**
     * A TCP connection that is not 9P, counted by its service port (the lower of its two ports),
     * so that a capture of something else says what it holds instead of nothing.
     */
    void notNineP(int port) {
        if (notNinePPorts.size() < MAX_PORTS_LISTED || notNinePPorts.containsKey(port)) {
            notNinePPorts.merge(port, 1, Integer::sum);
        } else {
            notNinePUnlisted++;
        }
        if (firstNotNinePFrame < 0) {
            firstNotNinePFrame = lastFrame;
        }
    }

    /** "port 8000 (4 connections, usually HTTP), port 22 (1 connection, usually SSH)". */
    private String notNinePSummary() {
        StringBuilder b = new StringBuilder();
        notNinePPorts.forEach((port, n) -> {
            b.append(b.length() == 0 ? "" : ", ").append("port ").append(port).append(" (").append(n)
                    .append(n == 1 ? " connection" : " connections");
            String guess = WELL_KNOWN.get(port);
            b.append(guess == null ? ")" : ", usually " + guess + ")");
        });
        if (notNinePUnlisted > 0) {
            b.append(" and ").append(notNinePUnlisted).append(" more on other ports");
        }
        return b.toString();
    }

    /** What a port usually carries, to name the protocols a capture without 9P holds. */
    private static final Map<Integer, String> WELL_KNOWN = Map.ofEntries(
            Map.entry(20, "FTP data"), Map.entry(21, "FTP"), Map.entry(22, "SSH"), Map.entry(23, "Telnet"),
            Map.entry(25, "SMTP"), Map.entry(53, "DNS"), Map.entry(80, "HTTP"), Map.entry(111, "ONC RPC portmapper"),
            Map.entry(139, "NetBIOS"), Map.entry(143, "IMAP"), Map.entry(443, "HTTPS"), Map.entry(445, "SMB"),
            Map.entry(631, "IPP"), Map.entry(2049, "NFS"), Map.entry(3128, "HTTP proxy"), Map.entry(3306, "MySQL"),
            Map.entry(3389, "RDP"), Map.entry(5432, "PostgreSQL"), Map.entry(5900, "VNC"), Map.entry(6379, "Redis"),
            Map.entry(8000, "HTTP"), Map.entry(8008, "HTTP"), Map.entry(8080, "HTTP"), Map.entry(8443, "HTTPS"),
            Map.entry(9000, "HTTP"));
    private static final int MAX_PORTS_LISTED = 16;
    private final Map<Integer, Integer> notNinePPorts = new java.util.TreeMap<>();
    private long notNinePUnlisted;
    private long firstNotNinePFrame = -1;

    /** A flow turned out not to carry 9P: its table entry may be dropped when room is needed. */
    void finished() {
        finishedSincePurge++;
    }

    /** Gives the flow the next connection id and tells the sink. */
    int open(Flow f) {
        int id = connections++;
        sink.connection(id, Protocol.NINEP, f.id());
        return id;
    }

    void emit(int conn, boolean fromClient, long frame, long ts, byte[] a, int off, int len) {
        if (a != viewArray) {
            viewArray = a;
            view = ByteBuffer.wrap(a);
        }
        view.limit(view.capacity()).position(off).limit(off + len);
        sink.message(conn, fromClient, frame, ts, view, 0);
    }

    void note(Flow f, Diagnostic.Severity severity, long frame, String text) {
        String who = (f.conn >= 0 ? "conn " + f.conn + " " : "") + f.id();
        sink.diagnostic(new Diagnostic(severity, frame, f.conn, who + ": " + text));
    }
}
