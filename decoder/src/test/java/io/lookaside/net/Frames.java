package io.lookaside.net;

import io.lookaside.wire.Wire;
import java.util.Arrays;

/**
 * Builds frames for tests: IP packets with a TCP segment, and the link-layer headers Lookaside
 * reads, so real payloads can be re-encapsulated (byte layouts from RFC 791, RFC 8200,
 * RFC 9293, tcpdump.org/linktypes, linux/vsockmon.h, linux/virtio_vsock.h).
 */
public final class Frames {
    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_IPV6 = 0x86DD;

    private Frames() {
    }

    /** An IPv4 address a.b.c.d as an int. */
    public static int ip4(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }

    public static byte[] tcp(int sport, int dport, int seq, int ack, int flags, byte[] payload) {
        return Wire.be().u16(sport).u16(dport).u32(seq & 0xFFFF_FFFFL).u32(ack & 0xFFFF_FFFFL)
                .u8(5 << 4).u8(flags).u16(65535).u16(0).u16(0).raw(payload).bytes();
    }

    /** A TCP segment with options (NOP NOP timestamps: 12 bytes, data offset 8). */
    public static byte[] tcpWithOptions(int sport, int dport, int seq, int ack, int flags, byte[] payload) {
        return Wire.be().u16(sport).u16(dport).u32(seq & 0xFFFF_FFFFL).u32(ack & 0xFFFF_FFFFL)
                .u8(8 << 4).u8(flags).u16(65535).u16(0).u16(0)
                .u8(1).u8(1).u8(8).u8(10).u32(12345).u32(678).raw(payload).bytes();
    }

    public static byte[] ipv4(int src, int dst, byte[] tcpSegment) {
        return Wire.be().u8(0x45).u8(0).u16(20 + tcpSegment.length).u16(1).u16(0x4000).u8(64).u8(6).u16(0)
                .u32(src & 0xFFFF_FFFFL).u32(dst & 0xFFFF_FFFFL).raw(tcpSegment).bytes();
    }

    /** IPv4 with a 4-byte options field (NOP NOP NOP EOL), header length 24. */
    public static byte[] ipv4WithOptions(int src, int dst, byte[] tcpSegment) {
        return Wire.be().u8(0x46).u8(0).u16(24 + tcpSegment.length).u16(1).u16(0x4000).u8(64).u8(6).u16(0)
                .u32(src & 0xFFFF_FFFFL).u32(dst & 0xFFFF_FFFFL).u8(1).u8(1).u8(1).u8(0).raw(tcpSegment).bytes();
    }

    /** IPv6 whose next headers are {@code extensions} (each already built), then TCP. */
    public static byte[] ipv6(long srcHi, long srcLo, long dstHi, long dstLo, int firstNext, byte[] extensions,
                              byte[] tcpSegment) {
        return Wire.be().u32(0x6000_0000L).u16(extensions.length + tcpSegment.length).u8(firstNext).u8(64)
                .u64(srcHi).u64(srcLo).u64(dstHi).u64(dstLo).raw(extensions).raw(tcpSegment).bytes();
    }

    /** A hop-by-hop or destination options header of 8 bytes (a PadN option) leading to {@code next}. */
    public static byte[] options8(int next) {
        return Wire.be().u8(next).u8(0).u8(1).u8(4).u32(0).bytes();
    }

    /** An atomic fragment header (offset 0, M 0) leading to {@code next}. */
    public static byte[] atomicFragment(int next) {
        return Wire.be().u8(next).u8(0).u16(0).u32(7).bytes();
    }

    public static byte[] ethernet(int etherType, byte[] payload) {
        return Wire.be().zeros(12).u16(etherType).raw(payload).bytes();
    }

    /** Ethernet with stacked tags: an 802.1ad outer tag then an 802.1Q inner tag. */
    public static byte[] ethernetQinQ(int etherType, byte[] payload) {
        return Wire.be().zeros(12).u16(0x88A8).u16(100).u16(0x8100).u16(200).u16(etherType).raw(payload).bytes();
    }

    public static byte[] sll(int etherType, byte[] payload) {
        return Wire.be().u16(0).u16(772).u16(6).zeros(8).u16(etherType).raw(payload).bytes();
    }

    public static byte[] sll2(int etherType, byte[] payload) {
        return Wire.be().u16(etherType).u16(0).u32(1).u16(772).u8(0).u8(6).zeros(8).raw(payload).bytes();
    }

    /** BSD loopback with the family in little-endian (a little-endian capturing host) or big-endian order. */
    public static byte[] nullLoopback(int family, boolean littleEndian, byte[] payload) {
        Wire w = littleEndian ? Wire.le() : Wire.be();
        return w.u32(family).raw(payload).bytes();
    }

    /**
     * A vsockmon frame with a virtio transport header: {@code vsockmonOp} CONNECT 1,
     * DISCONNECT 2, CONTROL 3, PAYLOAD 4; {@code virtioOp} REQUEST 1 ... CREDIT_UPDATE 6.
     */
    public static byte[] vsock(long srcCid, int srcPort, long dstCid, int dstPort, int vsockmonOp, int virtioOp,
                               int virtioFlags, byte[] payload) {
        byte[] virtio = Wire.le().u64(srcCid).u64(dstCid).u32(srcPort & 0xFFFF_FFFFL).u32(dstPort & 0xFFFF_FFFFL)
                .u32(payload.length).u16(1).u16(virtioOp).u32(virtioFlags).u32(262144).u32(0).bytes();
        return Wire.le().u64(srcCid).u64(dstCid).u32(srcPort & 0xFFFF_FFFFL).u32(dstPort & 0xFFFF_FFFFL)
                .u16(vsockmonOp).u16(2).u16(virtio.length).u16(0).raw(virtio).raw(payload).bytes();
    }

    /** The IP packet inside an untagged Ethernet frame. */
    public static byte[] ipOfEthernet(byte[] frame) {
        return Arrays.copyOfRange(frame, 14, frame.length);
    }
}
