package io.lookaside.net;

/**
 * The TCP header (RFC 9293 section 3.1), big-endian:
 * <pre>
 * sport[2] dport[2] seq[4] ack[4] offset:4 reserved:4 flags[1] window[2] checksum[2] urgent[2] options[offset*4-20]
 * </pre>
 */
public final class Tcp {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int ACK = 0x10;

    static final int SPORT = 0;
    static final int DPORT = 2;
    static final int SEQ = 4;
    static final int ACKNO = 8;
    static final int OFFSET = 12;
    static final int FLAGS = 13;
    static final int MIN_HEADER = 20;

    private Tcp() {
    }

    /**
     * Reads the TCP header at {@code at}. {@code capEnd} is where the captured bytes of the IP
     * payload end, {@code wireEnd} where the IP header says they end on the wire.
     */
    static int parse(byte[] a, int at, int capEnd, int wireEnd, Packet p) {
        if (capEnd - at < MIN_HEADER) {
            return PacketParser.malformed(p, "TCP header cut short");
        }
        int headerLength = (a[at + OFFSET] >> 4 & 0x0F) * 4;
        if (headerLength < MIN_HEADER) {
            return PacketParser.malformed(p, "TCP data offset below 20 bytes");
        }
        if (at + headerLength > capEnd) {
            return PacketParser.malformed(p, "TCP options cut short");
        }
        int payload = at + headerLength;
        if (payload > wireEnd) {
            return PacketParser.malformed(p, "TCP header longer than its IP packet");
        }
        p.transport = PacketParser.TCP;
        p.srcPort = Bytes.be16(a, at + SPORT);
        p.dstPort = Bytes.be16(a, at + DPORT);
        p.seq = Bytes.be32(a, at + SEQ);
        p.ack = Bytes.be32(a, at + ACKNO);
        p.tcpFlags = a[at + FLAGS] & 0xFF;
        p.payloadOffset = payload;
        p.payloadWireLength = wireEnd - payload;
        p.payloadLength = Math.max(0, Math.min(capEnd, wireEnd) - payload);
        return PacketParser.TCP;
    }
}
