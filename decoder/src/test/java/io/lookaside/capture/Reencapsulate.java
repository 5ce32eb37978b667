package io.lookaside.capture;

import io.lookaside.capture.PcapFiles.Record;
import io.lookaside.net.Frames;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the Ethernet/IPv4 frames of a real sample with another link layer (or as IPv6, or
 * as vsock), record for record, so frame numbers, timestamps and payload bytes stay those of
 * the real capture and the decoded messages must come out the same.
 */
final class Reencapsulate {
    /** IPv4 a.b.c.d becomes 2001:db8::a.b.c.d (RFC 3849 documentation prefix). */
    static final long V6_PREFIX = 0x2001_0db8_0000_0000L;
    static final int VSOCK_CLIENT_CID = 3;
    static final int VSOCK_HOST_CID = 2;

    private Reencapsulate() {
    }

    /** The link type a kind of rewrite writes. */
    static int linkType(String kind) {
        return switch (kind) {
            case "ethernet-qinq", "ipv6-ethernet" -> 1;
            case "null-le", "null-be" -> 0;
            case "loop" -> 108;
            case "raw" -> 101;
            case "sll" -> 113;
            case "sll2" -> 276;
            case "ipv4" -> 228;
            case "ipv6-raw" -> 229;
            case "vsock" -> 271;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static List<Record> rewrite(String kind, List<Record> ethernet) {
        List<Record> out = new ArrayList<>(ethernet.size());
        for (Record r : ethernet) {
            byte[] ip = ipPacket(r.data());
            byte[] f = switch (kind) {
                case "ethernet-qinq" -> Frames.ethernetQinQ(Frames.ETHERTYPE_IPV4, ip);
                case "sll" -> Frames.sll(Frames.ETHERTYPE_IPV4, ip);
                case "sll2" -> Frames.sll2(Frames.ETHERTYPE_IPV4, ip);
                case "null-le" -> Frames.nullLoopback(2, true, ip);
                case "null-be" -> Frames.nullLoopback(2, false, ip);
                case "loop" -> Frames.nullLoopback(2, false, ip);
                case "raw", "ipv4" -> ip;
                case "ipv6-ethernet" -> Frames.ethernet(Frames.ETHERTYPE_IPV6, toIpv6(ip, true));
                case "ipv6-raw" -> toIpv6(ip, false);
                case "vsock" -> toVsock(ip);
                default -> throw new IllegalArgumentException(kind);
            };
            out.add(new Record(r.tsNanos(), f));
        }
        return out;
    }

    /** The IPv4 packet of an Ethernet frame, without Ethernet padding. */
    static byte[] ipPacket(byte[] ethernetFrame) {
        ByteBuffer b = ByteBuffer.wrap(ethernetFrame);
        if (b.getShort(12) != 0x0800) {
            throw new IllegalArgumentException("the samples hold only IPv4 over Ethernet");
        }
        int total = b.getShort(14 + 2) & 0xFFFF;
        byte[] ip = new byte[total];
        b.get(14, ip);
        return ip;
    }

    private static byte[] tcpSegment(byte[] ip) {
        int ihl = (ip[0] & 0x0F) * 4;
        byte[] tcp = new byte[ip.length - ihl];
        System.arraycopy(ip, ihl, tcp, 0, tcp.length);
        return tcp;
    }

    private static long v4(byte[] ip, int at) {
        return ByteBuffer.wrap(ip).getInt(at) & 0xFFFF_FFFFL;
    }

    /** IPv4 to IPv6; {@code extensions}: hop-by-hop, destination options and an atomic fragment header before TCP. */
    static byte[] toIpv6(byte[] ip, boolean extensions) {
        byte[] tcp = tcpSegment(ip);
        if (!extensions || tcp.length + 24 > 0xFFFF) {
            // The largest segments of the samples (64 KiB reads on lo) leave no room for them.
            return Frames.ipv6(V6_PREFIX, v4(ip, 12), V6_PREFIX, v4(ip, 16), 6, new byte[0], tcp);
        }
        byte[] hbh = Frames.options8(60);
        byte[] dst = Frames.options8(44);
        byte[] frag = Frames.atomicFragment(6);
        byte[] ext = new byte[hbh.length + dst.length + frag.length];
        System.arraycopy(hbh, 0, ext, 0, 8);
        System.arraycopy(dst, 0, ext, 8, 8);
        System.arraycopy(frag, 0, ext, 16, 8);
        return Frames.ipv6(V6_PREFIX, v4(ip, 12), V6_PREFIX, v4(ip, 16), 0, ext, tcp);
    }

    /**
     * One vsock frame per TCP segment: SYN as REQUEST, SYN-ACK as RESPONSE, payload as RW, FIN
     * as SHUTDOWN (SEND), RST as RST, a bare ACK as CREDIT_UPDATE (so frame numbers stay). The
     * side that connects to port 564 becomes CID 3, the other the host, CID 2.
     */
    static byte[] toVsock(byte[] ip) {
        byte[] tcp = tcpSegment(ip);
        ByteBuffer t = ByteBuffer.wrap(tcp);
        int sport = t.getShort(0) & 0xFFFF;
        int dport = t.getShort(2) & 0xFFFF;
        int flags = tcp[13] & 0xFF;
        int off = (tcp[12] >> 4 & 0x0F) * 4;
        byte[] payload = new byte[tcp.length - off];
        System.arraycopy(tcp, off, payload, 0, payload.length);
        long srcCid = sport == 564 ? VSOCK_HOST_CID : VSOCK_CLIENT_CID;
        long dstCid = sport == 564 ? VSOCK_CLIENT_CID : VSOCK_HOST_CID;
        boolean syn = (flags & 0x02) != 0;
        boolean ack = (flags & 0x10) != 0;
        if (syn) {
            return Frames.vsock(srcCid, sport, dstCid, dport, 1, ack ? 2 : 1, 0, new byte[0]);
        }
        if ((flags & 0x04) != 0) {
            return Frames.vsock(srcCid, sport, dstCid, dport, 2, 3, 0, new byte[0]);
        }
        if (payload.length > 0) {
            return Frames.vsock(srcCid, sport, dstCid, dport, 4, 5, 0, payload);
        }
        if ((flags & 0x01) != 0) {
            return Frames.vsock(srcCid, sport, dstCid, dport, 2, 4, 2, new byte[0]);
        }
        return Frames.vsock(srcCid, sport, dstCid, dport, 3, 6, 0, new byte[0]);
    }
}
