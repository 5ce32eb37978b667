package io.lookaside.net;

import io.lookaside.wire.FieldSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers of one captured frame (link, IP, TCP) with their fields, for the detail tree and
 * the bytes pane. It reads the headers {@link PacketParser} reads, at the same offsets; it
 * never throws: a header cut short ends the list where it stops. Field names as Wireshark's.
 */
public final class FrameLayout {
    private static final int ETHERNET = 14;

    private FrameLayout() {
    }

    /** The layers of {@code length} bytes of a frame of link type {@code dlt}, outermost first. */
    public static List<FrameLayer> layers(byte[] a, int length, int dlt) {
        List<FrameLayer> out = new ArrayList<>();
        int at;
        int etherType;
        switch (dlt) {
            case LinkType.EN10MB -> {
                if (length < ETHERNET) {
                    return out;
                }
                List<FieldSpan> f = new ArrayList<>();
                f.add(new FieldSpan("Destination", 0, 6, "Destination: " + mac(a, 0)));
                f.add(new FieldSpan("Source", 6, 6, "Source: " + mac(a, 6)));
                etherType = Bytes.be16(a, 12);
                at = ETHERNET;
                int typeAt = 12;
                while ((etherType == 0x8100 || etherType == 0x88A8) && at + 4 <= length) {
                    f.add(new FieldSpan("VLAN", at - 2, 6, "802.1Q VLAN ID: " + (Bytes.be16(a, at) & 0xFFF)));
                    typeAt = at + 2;
                    etherType = Bytes.be16(a, typeAt);
                    at += 4;
                }
                f.add(new FieldSpan("Type", typeAt, 2, "Type: " + etherTypeName(etherType)));
                out.add(new FrameLayer("Ethernet II", "Src: " + mac(a, 6) + ", Dst: " + mac(a, 0), 0, at, f));
            }
            case LinkType.LINUX_SLL -> {
                if (length < 16) {
                    return out;
                }
                etherType = Bytes.be16(a, 14);
                at = 16;
                out.add(new FrameLayer("Linux cooked capture v1", "Protocol: " + etherTypeName(etherType), 0, 16, List.of(
                        new FieldSpan("Packet type", 0, 2, "Packet type: " + Bytes.be16(a, 0)),
                        new FieldSpan("Link-layer address", 6, 8, "Link-layer address: " + mac(a, 6)),
                        new FieldSpan("Protocol", 14, 2, "Protocol: " + etherTypeName(etherType)))));
            }
            case LinkType.LINUX_SLL2 -> {
                if (length < 20) {
                    return out;
                }
                etherType = Bytes.be16(a, 0);
                at = 20;
                out.add(new FrameLayer("Linux cooked capture v2", "Protocol: " + etherTypeName(etherType), 0, 20, List.of(
                        new FieldSpan("Protocol", 0, 2, "Protocol: " + etherTypeName(etherType)),
                        new FieldSpan("Interface index", 4, 4, "Interface index: " + Bytes.be32(a, 4)),
                        new FieldSpan("Link-layer address", 12, 8, "Link-layer address: " + mac(a, 12)))));
            }
            case LinkType.NULL, LinkType.LOOP -> {
                if (length < 4) {
                    return out;
                }
                int family = dlt == LinkType.LOOP || (a[0] == 0 && a[1] == 0) ? Bytes.be32(a, 0) : Bytes.le32(a, 0);
                etherType = family == 2 ? PacketParser.ETHERTYPE_IPV4 : PacketParser.ETHERTYPE_IPV6;
                at = 4;
                out.add(new FrameLayer("Null/Loopback", "Family: " + family, 0, 4,
                        List.of(new FieldSpan("Family", 0, 4, "Family: " + family))));
            }
            case LinkType.RAW_12, LinkType.RAW_14, LinkType.RAW, LinkType.IPV4, LinkType.IPV6 -> {
                at = 0;
                etherType = length > 0 && (a[0] & 0xF0) == 0x60 ? PacketParser.ETHERTYPE_IPV6 : PacketParser.ETHERTYPE_IPV4;
            }
            default -> {
                return out;
            }
        }
        int tcpAt = switch (etherType) {
            case PacketParser.ETHERTYPE_IPV4 -> ipv4(a, at, length, out);
            case PacketParser.ETHERTYPE_IPV6 -> ipv6(a, at, length, out);
            default -> -1;
        };
        if (tcpAt >= 0) {
            tcp(a, tcpAt, length, out);
        }
        return out;
    }

    /** Adds the IPv4 header; returns where TCP starts, or -1 when it does not follow. */
    private static int ipv4(byte[] a, int at, int length, List<FrameLayer> out) {
        if (at + 20 > length) {
            return -1;
        }
        int ihl = (a[at] & 0xF) * 4;
        String src = dotted(a, at + 12);
        String dst = dotted(a, at + 16);
        int proto = a[at + 9] & 0xFF;
        out.add(new FrameLayer("Internet Protocol Version 4", "Src: " + src + ", Dst: " + dst, at, ihl, List.of(
                new FieldSpan("Version", at, 1, "Version: 4, Header Length: " + ihl + " bytes"),
                new FieldSpan("DSCP/ECN", at + 1, 1, "Differentiated Services: 0x" + Integer.toHexString(a[at + 1] & 0xFF)),
                new FieldSpan("Total Length", at + 2, 2, "Total Length: " + Bytes.be16(a, at + 2)),
                new FieldSpan("Identification", at + 4, 2, "Identification: 0x" + Integer.toHexString(Bytes.be16(a, at + 4))),
                new FieldSpan("Flags", at + 6, 2, "Flags and Fragment Offset: 0x" + Integer.toHexString(Bytes.be16(a, at + 6))),
                new FieldSpan("Time to Live", at + 8, 1, "Time to Live: " + (a[at + 8] & 0xFF)),
                new FieldSpan("Protocol", at + 9, 1, "Protocol: " + (proto == 6 ? "TCP (6)" : Integer.toString(proto))),
                new FieldSpan("Header Checksum", at + 10, 2, "Header Checksum: 0x" + Integer.toHexString(Bytes.be16(a, at + 10))),
                new FieldSpan("Source Address", at + 12, 4, "Source Address: " + src),
                new FieldSpan("Destination Address", at + 16, 4, "Destination Address: " + dst))));
        return proto == 6 && ihl >= 20 ? at + ihl : -1;
    }

    private static int ipv6(byte[] a, int at, int length, List<FrameLayer> out) {
        if (at + 40 > length) {
            return -1;
        }
        String src = Endpoints.ipv6(Bytes.be64(a, at + 8), Bytes.be64(a, at + 16));
        String dst = Endpoints.ipv6(Bytes.be64(a, at + 24), Bytes.be64(a, at + 32));
        int next = a[at + 6] & 0xFF;
        out.add(new FrameLayer("Internet Protocol Version 6", "Src: " + src + ", Dst: " + dst, at, 40, List.of(
                new FieldSpan("Version", at, 4, "Version: 6, Flow Label and Traffic Class"),
                new FieldSpan("Payload Length", at + 4, 2, "Payload Length: " + Bytes.be16(a, at + 4)),
                new FieldSpan("Next Header", at + 6, 1, "Next Header: " + (next == 6 ? "TCP (6)" : Integer.toString(next))),
                new FieldSpan("Hop Limit", at + 7, 1, "Hop Limit: " + (a[at + 7] & 0xFF)),
                new FieldSpan("Source Address", at + 8, 16, "Source Address: " + src),
                new FieldSpan("Destination Address", at + 24, 16, "Destination Address: " + dst))));
        return next == 6 ? at + 40 : -1;
    }

    private static void tcp(byte[] a, int at, int length, List<FrameLayer> out) {
        if (at + 20 > length) {
            return;
        }
        int header = ((a[at + 12] & 0xF0) >>> 4) * 4;
        int src = Bytes.be16(a, at);
        int dst = Bytes.be16(a, at + 2);
        long seq = Bytes.be32(a, at + 4) & 0xFFFFFFFFL;
        long ack = Bytes.be32(a, at + 8) & 0xFFFFFFFFL;
        int payload = Math.max(0, length - at - header);
        List<FieldSpan> f = new ArrayList<>(List.of(
                new FieldSpan("Source Port", at, 2, "Source Port: " + src),
                new FieldSpan("Destination Port", at + 2, 2, "Destination Port: " + dst),
                new FieldSpan("Sequence Number", at + 4, 4, "Sequence Number (raw): " + seq),
                new FieldSpan("Acknowledgment Number", at + 8, 4, "Acknowledgment Number (raw): " + ack),
                new FieldSpan("Flags", at + 12, 2, "Header Length: " + header + " bytes, Flags: " + flags(a[at + 13])),
                new FieldSpan("Window", at + 14, 2, "Window: " + Bytes.be16(a, at + 14)),
                new FieldSpan("Checksum", at + 16, 2, "Checksum: 0x" + Integer.toHexString(Bytes.be16(a, at + 16))),
                new FieldSpan("Urgent Pointer", at + 18, 2, "Urgent Pointer: " + Bytes.be16(a, at + 18))));
        if (header > 20 && at + header <= length) {
            f.add(new FieldSpan("Options", at + 20, header - 20, "Options: " + (header - 20) + " bytes"));
        }
        out.add(new FrameLayer("Transmission Control Protocol",
                "Src Port: " + src + ", Dst Port: " + dst + ", Seq: " + seq + ", Ack: " + ack + ", Len: " + payload,
                at, Math.min(header, length - at), f));
    }

    private static String flags(byte b) {
        String[] names = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
        StringBuilder s = new StringBuilder();
        for (int k = 7; k >= 0; k--) {
            if ((b & (1 << k)) != 0) {
                s.append(s.length() > 0 ? ", " : "").append(names[k]);
            }
        }
        return s.length() == 0 ? "none" : s.toString();
    }

    private static String etherTypeName(int t) {
        return switch (t) {
            case PacketParser.ETHERTYPE_IPV4 -> "IPv4 (0x0800)";
            case PacketParser.ETHERTYPE_IPV6 -> "IPv6 (0x86dd)";
            default -> String.format("0x%04x", t);
        };
    }

    private static String mac(byte[] a, int at) {
        StringBuilder s = new StringBuilder(17);
        for (int k = 0; k < 6; k++) {
            if (k > 0) {
                s.append(':');
            }
            s.append(String.format("%02x", a[at + k] & 0xFF));
        }
        return s.toString();
    }

    private static String dotted(byte[] a, int at) {
        return (a[at] & 0xFF) + "." + (a[at + 1] & 0xFF) + "." + (a[at + 2] & 0xFF) + "." + (a[at + 3] & 0xFF);
    }
}
