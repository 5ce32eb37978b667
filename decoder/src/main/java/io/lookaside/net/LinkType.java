package io.lookaside.net;

/**
 * The link-layer header types Lookaside reads, as libpcap reports them ({@code pcap_datalink},
 * a DLT_ value). libpcap maps the file's LINKTYPE_ value to the platform's DLT_ value, so a
 * LINKTYPE_RAW (101) file reads as DLT_RAW, which is 12 on Linux and 14 on OpenBSD
 * (pcap/dlt.h); 101 itself is accepted too in case a libpcap passes it through.
 */
public final class LinkType {
    /** BSD loopback: a 4-byte address family in the capturing host's byte order. */
    public static final int NULL = 0;
    /** Ethernet, possibly with 802.1Q / 802.1ad VLAN tags (also Linux lo). */
    public static final int EN10MB = 1;
    /** Raw IP as DLT_RAW on Linux and most systems. */
    public static final int RAW_12 = 12;
    /** Raw IP as DLT_RAW on OpenBSD. */
    public static final int RAW_14 = 14;
    /** LINKTYPE_RAW. */
    public static final int RAW = 101;
    /** OpenBSD loopback: like NULL but the family is always big-endian. */
    public static final int LOOP = 108;
    /** Linux cooked capture v1 (tcpdump -i any). */
    public static final int LINUX_SLL = 113;
    /** Raw IPv4, no link header. */
    public static final int IPV4 = 228;
    /** Raw IPv6, no link header. */
    public static final int IPV6 = 229;
    /** AF_VSOCK monitor (vsockmon): struct af_vsockmon_hdr, transport header, payload. */
    public static final int VSOCK = 271;
    /** Linux cooked capture v2 (tcpdump -i any -y LINUX_SLL2). */
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }

    public static boolean supported(int dlt) {
        return switch (dlt) {
            case NULL, EN10MB, RAW_12, RAW_14, RAW, LOOP, LINUX_SLL, IPV4, IPV6, VSOCK, LINUX_SLL2 -> true;
            default -> false;
        };
    }

    /** The names Lookaside reads, for a message about an unsupported link type. */
    public static String supportedNames() {
        return "Ethernet (with VLAN tags), Linux cooked SLL and SLL2, BSD NULL/LOOP, raw IP, IPv4, IPv6 and VSOCK";
    }
}
