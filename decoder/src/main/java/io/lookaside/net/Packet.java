package io.lookaside.net;

/**
 * What {@link PacketParser} found in one captured frame: the transport endpoints, TCP
 * sequence state or the vsock event, and where the payload lies in the frame's bytes. One
 * instance is reused for every frame, so nothing is allocated per packet.
 *
 * <p>Addresses are held as two longs: IPv4 in {@code lo} (hi 0), IPv6 as its high and low 64
 * bits, a vsock context id (CID) in {@code lo}.
 */
public final class Packet {
    int transport;
    int family;
    long srcHi;
    long srcLo;
    long dstHi;
    long dstLo;
    int srcPort;
    int dstPort;
    int seq;
    int ack;
    int tcpFlags;
    int payloadOffset;
    int payloadLength;
    int payloadWireLength;
    int vsockEvent;
    int vsockShutdown;
    String problem;

    /** {@link PacketParser#TCP} or {@link PacketParser#VSOCK}. */
    public int transport() {
        return transport;
    }

    /** {@link Endpoints#IPV4}, {@link Endpoints#IPV6} or {@link Endpoints#VSOCK}. */
    public int family() {
        return family;
    }

    public long srcHi() {
        return srcHi;
    }

    public long srcLo() {
        return srcLo;
    }

    public long dstHi() {
        return dstHi;
    }

    public long dstLo() {
        return dstLo;
    }

    public int srcPort() {
        return srcPort;
    }

    public int dstPort() {
        return dstPort;
    }

    /** TCP sequence number of the first byte (of the SYN when {@link Tcp#SYN} is set). */
    public int seq() {
        return seq;
    }

    public int ack() {
        return ack;
    }

    public int tcpFlags() {
        return tcpFlags;
    }

    /** Offset of the first payload byte in the frame's bytes. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** Payload bytes present in the capture (less than the wire length when snaplen cut the frame). */
    public int payloadLength() {
        return payloadLength;
    }

    /** Payload bytes the packet carried on the wire, as its IP (or virtio-vsock) header says. */
    public int payloadWireLength() {
        return payloadWireLength;
    }

    /** One of the {@link Vsock} event constants. */
    public int vsockEvent() {
        return vsockEvent;
    }

    /** VIRTIO_VSOCK_OP_SHUTDOWN flags (RCV 1, SEND 2), 0 when unknown. */
    public int vsockShutdown() {
        return vsockShutdown;
    }

    /** Why the frame could not be read, when the parser said {@link PacketParser#MALFORMED}. */
    public String problem() {
        return problem;
    }
}
