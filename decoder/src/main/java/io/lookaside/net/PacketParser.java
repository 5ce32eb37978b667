package io.lookaside.net;

/**
 * Reads one captured frame, from its link-layer header down to the TCP segment or vsock
 * payload, with static offsets over the raw bytes and no allocation: the result goes into a
 * reused {@link Packet} and the return value says what was found.
 *
 * <pre>
 * Ethernet:   dst[6] src[6] type[2], then any number of 802.1Q / 802.1ad tags tci[2] type[2]
 * LINUX_SLL:  packet_type[2] arphrd[2] addr_len[2] addr[8] protocol[2]                    (16 bytes)
 * LINUX_SLL2: protocol[2] reserved[2] ifindex[4] arphrd[2] packet_type[1] addr_len[1] addr[8] (20 bytes)
 * NULL/LOOP:  family[4] (NULL: the capturing host's byte order; LOOP: big-endian)
 * RAW, IPV4, IPV6: the IP header itself
 * VSOCK:      see {@link Vsock}
 * </pre>
 */
public final class PacketParser {
    /** Neither IPv4 nor IPv6 (ARP, LLC, ...): skipped silently. */
    public static final int NOT_IP = 0;
    /** A TCP segment: endpoints, sequence numbers and payload are in the packet. */
    public static final int TCP = 1;
    /** A vsock packet: endpoints, event and payload are in the packet. */
    public static final int VSOCK = 2;
    /** IP but not TCP (UDP, ICMP, ...): skipped silently. */
    public static final int NOT_TCP = 3;
    /** An IP fragment: not reassembled; the addresses are in the packet. */
    public static final int FRAGMENT = 4;
    /** Headers that contradict themselves or are cut short; {@link Packet#problem()} says how. */
    public static final int MALFORMED = 5;

    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    private static final int ETHERTYPE_QINQ_OLD = 0x9100;
    private static final int ETHERNET_HEADER = 14;
    private static final int VLAN_TAG = 4;
    /** More stacked VLAN tags than this is garbage, not a network. */
    private static final int MAX_VLAN_TAGS = 8;
    private static final int SLL_HEADER = 16;
    private static final int SLL_PROTOCOL = 14;
    private static final int SLL2_HEADER = 20;
    private static final int SLL2_PROTOCOL = 0;
    private static final int NULL_HEADER = 4;
    /** BSD AF_INET, and AF_INET6 as Linux, NetBSD/OpenBSD, FreeBSD and Darwin number it. */
    private static final int AF_INET = 2;

    private PacketParser() {
    }

    /** Reads {@code length} captured bytes of a frame of link type {@code dlt} into {@code p}. */
    public static int parse(byte[] a, int length, int dlt, Packet p) {
        p.problem = null;
        p.transport = 0;
        return switch (dlt) {
            case LinkType.EN10MB -> ethernet(a, length, p);
            case LinkType.LINUX_SLL -> cooked(a, length, SLL_HEADER, SLL_PROTOCOL, p);
            case LinkType.LINUX_SLL2 -> cooked(a, length, SLL2_HEADER, SLL2_PROTOCOL, p);
            case LinkType.NULL -> loopback(a, length, false, p);
            case LinkType.LOOP -> loopback(a, length, true, p);
            case LinkType.RAW_12, LinkType.RAW_14, LinkType.RAW -> Ip.either(a, 0, length, p);
            case LinkType.IPV4 -> Ip.v4(a, 0, length, p);
            case LinkType.IPV6 -> Ip.v6(a, 0, length, p);
            case LinkType.VSOCK -> Vsock.parse(a, length, p);
            default -> malformed(p, "unsupported link type " + dlt);
        };
    }

    private static int ethernet(byte[] a, int length, Packet p) {
        if (length < ETHERNET_HEADER) {
            return malformed(p, "Ethernet header cut short");
        }
        int type = Bytes.be16(a, 12);
        int at = ETHERNET_HEADER;
        for (int tags = 0; type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD; tags++) {
            if (tags == MAX_VLAN_TAGS) {
                return malformed(p, "more than " + MAX_VLAN_TAGS + " VLAN tags");
            }
            if (at + VLAN_TAG > length) {
                return malformed(p, "VLAN tag cut short");
            }
            type = Bytes.be16(a, at + 2);
            at += VLAN_TAG;
        }
        return network(a, at, length, type, p);
    }

    private static int cooked(byte[] a, int length, int header, int protocolAt, Packet p) {
        if (length < header) {
            return malformed(p, "Linux cooked header cut short");
        }
        return network(a, header, length, Bytes.be16(a, protocolAt), p);
    }

    private static int loopback(byte[] a, int length, boolean bigEndian, Packet p) {
        if (length < NULL_HEADER) {
            return malformed(p, "loopback header cut short");
        }
        // NULL holds the family in the capturing host's order: a small value reads as zero in
        // its first two bytes when that host was big-endian.
        int family = bigEndian || (a[0] == 0 && a[1] == 0) ? Bytes.be32(a, 0) : Bytes.le32(a, 0);
        return switch (family) {
            case AF_INET -> Ip.v4(a, NULL_HEADER, length, p);
            case 10, 24, 28, 30 -> Ip.v6(a, NULL_HEADER, length, p);
            default -> NOT_IP;
        };
    }

    private static int network(byte[] a, int at, int length, int etherType, Packet p) {
        return switch (etherType) {
            case ETHERTYPE_IPV4 -> Ip.v4(a, at, length, p);
            case ETHERTYPE_IPV6 -> Ip.v6(a, at, length, p);
            default -> NOT_IP;
        };
    }

    static int malformed(Packet p, String problem) {
        p.problem = problem;
        return MALFORMED;
    }
}
