package io.lookaside.net;

/**
 * IPv4 (RFC 791) and IPv6 (RFC 8200) headers, big-endian, leading to TCP.
 * <pre>
 * IPv4: version:4 ihl:4 tos[1] total_length[2] id[2] flags:3 fragment_offset:13 ttl[1] protocol[1] checksum[2] src[4] dst[4] options[ihl*4-20]
 * IPv6: version:4 class:8 flow:20 payload_length[2] next_header[1] hop_limit[1] src[16] dst[16] extension headers...
 * </pre>
 * Fragments are not reassembled: TCP stacks set DF and rarely fragment, so a fragment is
 * reported ({@link PacketParser#FRAGMENT}) and the stream sees a gap it resynchronises after.
 */
final class Ip {
    static final int PROTO_TCP = 6;

    private static final int V4_TOTAL_LENGTH = 2;
    private static final int V4_FRAGMENT = 6;
    private static final int V4_PROTOCOL = 9;
    private static final int V4_SRC = 12;
    private static final int V4_DST = 16;
    private static final int V4_MIN_HEADER = 20;
    private static final int V4_MORE_FRAGMENTS = 0x2000;
    private static final int V4_OFFSET_MASK = 0x1FFF;

    private static final int V6_PAYLOAD_LENGTH = 4;
    private static final int V6_NEXT = 6;
    private static final int V6_SRC = 8;
    private static final int V6_DST = 24;
    private static final int V6_HEADER = 40;
    /** More extension headers than this in one packet is not a real stack's doing. */
    private static final int V6_MAX_EXTENSIONS = 16;

    private Ip() {
    }

    /** IPv4 or IPv6 by the version nibble (raw IP link types carry no EtherType). */
    static int either(byte[] a, int at, int end, Packet p) {
        if (at >= end) {
            return PacketParser.malformed(p, "no IP header");
        }
        return switch (a[at] >> 4 & 0x0F) {
            case 4 -> v4(a, at, end, p);
            case 6 -> v6(a, at, end, p);
            default -> PacketParser.NOT_IP;
        };
    }

    static int v4(byte[] a, int at, int end, Packet p) {
        if (end - at < V4_MIN_HEADER) {
            return PacketParser.malformed(p, "IPv4 header cut short");
        }
        if ((a[at] >> 4 & 0x0F) != 4) {
            return PacketParser.malformed(p, "IPv4 EtherType but IP version " + (a[at] >> 4 & 0x0F));
        }
        int ihl = (a[at] & 0x0F) * 4;
        if (ihl < V4_MIN_HEADER || at + ihl > end) {
            return PacketParser.malformed(p, "IPv4 header length " + ihl + " out of range");
        }
        int total = Bytes.be16(a, at + V4_TOTAL_LENGTH);
        // Total length 0: a TSO/GSO super-packet captured on the sending host (Linux BIG TCP
        // and segmentation offload); its true length is what was captured.
        int wireEnd = total == 0 ? end : at + total;
        if (total != 0 && total < ihl) {
            return PacketParser.malformed(p, "IPv4 total length " + total + " below its header length");
        }
        p.family = Endpoints.IPV4;
        p.srcHi = 0;
        p.srcLo = Bytes.be32(a, at + V4_SRC) & 0xFFFF_FFFFL;
        p.dstHi = 0;
        p.dstLo = Bytes.be32(a, at + V4_DST) & 0xFFFF_FFFFL;
        int fragment = Bytes.be16(a, at + V4_FRAGMENT);
        if ((fragment & (V4_MORE_FRAGMENTS | V4_OFFSET_MASK)) != 0) {
            return PacketParser.FRAGMENT;
        }
        if ((a[at + V4_PROTOCOL] & 0xFF) != PROTO_TCP) {
            return PacketParser.NOT_TCP;
        }
        return Tcp.parse(a, at + ihl, Math.min(end, wireEnd), wireEnd, p);
    }

    static int v6(byte[] a, int at, int end, Packet p) {
        if (end - at < V6_HEADER) {
            return PacketParser.malformed(p, "IPv6 header cut short");
        }
        if ((a[at] >> 4 & 0x0F) != 6) {
            return PacketParser.malformed(p, "IPv6 EtherType but IP version " + (a[at] >> 4 & 0x0F));
        }
        int payloadLength = Bytes.be16(a, at + V6_PAYLOAD_LENGTH);
        // Payload length 0: a jumbogram or a BIG TCP super-packet; take what was captured.
        int wireEnd = payloadLength == 0 ? end : at + V6_HEADER + payloadLength;
        int capEnd = Math.min(end, wireEnd);
        p.family = Endpoints.IPV6;
        p.srcHi = Bytes.be64(a, at + V6_SRC);
        p.srcLo = Bytes.be64(a, at + V6_SRC + 8);
        p.dstHi = Bytes.be64(a, at + V6_DST);
        p.dstLo = Bytes.be64(a, at + V6_DST + 8);
        int next = a[at + V6_NEXT] & 0xFF;
        int q = at + V6_HEADER;
        for (int n = 0; n <= V6_MAX_EXTENSIONS; n++) {
            switch (next) {
                case PROTO_TCP:
                    return Tcp.parse(a, q, capEnd, wireEnd, p);
                case 0, 43, 60, 135, 139, 140, 253, 254: {
                    // Hop-by-hop, Routing, Destination options, Mobility, HIP, Shim6, experimental:
                    // next[1] length[1] in 8-octet units not counting the first 8 (RFC 8200 4.3-4.6).
                    if (q + 2 > capEnd) {
                        return PacketParser.malformed(p, "IPv6 extension header cut short");
                    }
                    next = a[q] & 0xFF;
                    q += ((a[q + 1] & 0xFF) + 1) * 8;
                    break;
                }
                case 51: {
                    // Authentication header: length in 4-octet units minus 2 (RFC 4302 2.2).
                    if (q + 2 > capEnd) {
                        return PacketParser.malformed(p, "IPv6 authentication header cut short");
                    }
                    next = a[q] & 0xFF;
                    q += ((a[q + 1] & 0xFF) + 2) * 4;
                    break;
                }
                case 44: {
                    // Fragment header: next[1] reserved[1] offset:13 res:2 M:1 id[4] (RFC 8200 4.5).
                    if (q + 8 > capEnd) {
                        return PacketParser.malformed(p, "IPv6 fragment header cut short");
                    }
                    int offsetAndMore = Bytes.be16(a, q + 2);
                    if ((offsetAndMore & 0xFFF9) != 0) {
                        return PacketParser.FRAGMENT;
                    }
                    // An atomic fragment (offset 0, no more): the whole packet, read on.
                    next = a[q] & 0xFF;
                    q += 8;
                    break;
                }
                default:
                    // No next header (59), ESP (50), UDP, ICMPv6, ...
                    return PacketParser.NOT_TCP;
            }
            if (q > capEnd) {
                return PacketParser.malformed(p, "IPv6 extension headers run past the packet");
            }
        }
        return PacketParser.malformed(p, "more than " + V6_MAX_EXTENSIONS + " IPv6 extension headers");
    }
}
