package io.lookaside.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.wire.Wire;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PacketParserTest {
    private static final int SRC = Frames.ip4(192, 168, 7, 1);
    private static final int DST = Frames.ip4(192, 168, 7, 2);
    private static final byte[] PAYLOAD = "9P-bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Packet p = new Packet();

    private static byte[] segment() {
        return Frames.tcpWithOptions(41000, 564, 0x8000_0001, 77, Tcp.ACK | 0x08, PAYLOAD);
    }

    private void assertSegment(byte[] frame) {
        assertThat(p.srcPort()).isEqualTo(41000);
        assertThat(p.dstPort()).isEqualTo(564);
        assertThat(p.seq()).isEqualTo(0x8000_0001);
        assertThat(p.ack()).isEqualTo(77);
        assertThat(p.tcpFlags()).isEqualTo(Tcp.ACK | 0x08);
        assertThat(Arrays.copyOfRange(frame, p.payloadOffset(), p.payloadOffset() + p.payloadLength())).isEqualTo(PAYLOAD);
        assertThat(p.payloadWireLength()).isEqualTo(PAYLOAD.length);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            ethernet,   1
            qinq,       1
            sll,      113
            sll2,     276
            null-le,    0
            null-be,    0
            loop,     108
            raw12,     12
            raw14,     14
            raw101,   101
            ipv4,     228
            """)
    void parseFindsTheTcpSegmentUnderEveryIpv4LinkLayer(String kind, int dlt) {
        byte[] ip = Frames.ipv4(SRC, DST, segment());
        byte[] frame = switch (kind) {
            case "ethernet" -> Frames.ethernet(Frames.ETHERTYPE_IPV4, ip);
            case "qinq" -> Frames.ethernetQinQ(Frames.ETHERTYPE_IPV4, ip);
            case "sll" -> Frames.sll(Frames.ETHERTYPE_IPV4, ip);
            case "sll2" -> Frames.sll2(Frames.ETHERTYPE_IPV4, ip);
            case "null-le" -> Frames.nullLoopback(2, true, ip);
            case "null-be", "loop" -> Frames.nullLoopback(2, false, ip);
            default -> ip;
        };

        assertThat(PacketParser.parse(frame, frame.length, dlt, p)).isEqualTo(PacketParser.TCP);
        assertSegment(frame);
        assertThat(p.family()).isEqualTo(Endpoints.IPV4);
        assertThat(p.srcLo()).isEqualTo(SRC & 0xFFFF_FFFFL);
        assertThat(p.dstLo()).isEqualTo(DST & 0xFFFF_FFFFL);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            10
            24
            28
            30
            """)
    void parseReadsIpv6UnderBsdLoopbackWhateverTheHostNumberedAfInet6(int family) {
        byte[] ip = Frames.ipv6(0xFE80_0000_0000_0000L, 1, 0xFE80_0000_0000_0000L, 2, 6, new byte[0], segment());
        byte[] frame = Frames.nullLoopback(family, true, ip);

        assertThat(PacketParser.parse(frame, frame.length, LinkType.NULL, p)).isEqualTo(PacketParser.TCP);
        assertThat(p.family()).isEqualTo(Endpoints.IPV6);
        assertSegment(frame);
    }

    @Test
    void parseSkipsIpv6ExtensionHeadersOnTheWayToTcp() {
        byte[] ext = Wire.be().raw(Frames.options8(43)).u8(60).u8(0).u8(0).u8(0).u32(0)
                .raw(Frames.options8(51)).u8(44).u8(1).u16(0).u32(0x100).u32(1).raw(Frames.atomicFragment(6)).bytes();
        byte[] ip = Frames.ipv6(0x2001_0db8_0000_0000L, 0x10, 0x2001_0db8_0000_0000L, 0x20, 0, ext, segment());
        byte[] frame = Frames.ethernet(Frames.ETHERTYPE_IPV6, ip);

        assertThat(PacketParser.parse(frame, frame.length, LinkType.EN10MB, p)).isEqualTo(PacketParser.TCP);
        assertSegment(frame);
        assertThat(p.srcHi()).isEqualTo(0x2001_0db8_0000_0000L);
        assertThat(p.srcLo()).isEqualTo(0x10);
        assertThat(p.dstLo()).isEqualTo(0x20);
    }

    @Test
    void parseSkipsIpv4OptionsAndEthernetPadding() {
        byte[] ip = Frames.ipv4WithOptions(SRC, DST, segment());
        byte[] frame = Wire.be().raw(Frames.ethernet(Frames.ETHERTYPE_IPV4, ip)).zeros(6).bytes();

        assertThat(PacketParser.parse(frame, frame.length, LinkType.EN10MB, p)).isEqualTo(PacketParser.TCP);
        assertSegment(frame);
    }

    @Test
    void parseTellsThePayloadTheWireCarriedWhenSnaplenCutTheFrame() {
        byte[] frame = Frames.ethernet(Frames.ETHERTYPE_IPV4, Frames.ipv4(SRC, DST, segment()));

        assertThat(PacketParser.parse(frame, frame.length - 5, LinkType.EN10MB, p)).isEqualTo(PacketParser.TCP);
        assertThat(p.payloadLength()).isEqualTo(PAYLOAD.length - 5);
        assertThat(p.payloadWireLength()).isEqualTo(PAYLOAD.length);
    }

    @Test
    void parseTakesTheCapturedLengthWhenIpv4TotalLengthIsZero() {
        byte[] ip = Frames.ipv4(SRC, DST, segment());
        ip[2] = 0;
        ip[3] = 0;

        assertThat(PacketParser.parse(ip, ip.length, LinkType.RAW_12, p)).isEqualTo(PacketParser.TCP);
        assertSegment(ip);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0x2000
            0x2001
            0x0001
            """)
    void parseReportsIpv4FragmentsInsteadOfReadingThem(int flagsAndOffset) {
        byte[] ip = Frames.ipv4(SRC, DST, segment());
        ip[6] = (byte) (flagsAndOffset >> 8);
        ip[7] = (byte) flagsAndOffset;

        assertThat(PacketParser.parse(ip, ip.length, LinkType.IPV4, p)).isEqualTo(PacketParser.FRAGMENT);
    }

    @Test
    void parseReportsIpv6FragmentsInsteadOfReadingThem() {
        byte[] frag = Wire.be().u8(6).u8(0).u16(0x0001).u32(9).bytes();
        byte[] ip = Frames.ipv6(1, 2, 3, 4, 44, frag, segment());

        assertThat(PacketParser.parse(ip, ip.length, LinkType.IPV6, p)).isEqualTo(PacketParser.FRAGMENT);
    }

    @Test
    void parseSkipsWhatIsNotTcpOverIp() {
        byte[] arp = Frames.ethernet(0x0806, new byte[28]);
        byte[] udp = Frames.ipv4(SRC, DST, new byte[8]);
        udp[9] = 17;

        assertThat(PacketParser.parse(arp, arp.length, LinkType.EN10MB, p)).isEqualTo(PacketParser.NOT_IP);
        assertThat(PacketParser.parse(udp, udp.length, LinkType.RAW, p)).isEqualTo(PacketParser.NOT_TCP);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            10,  Ethernet header cut short
            30,  IPv4 header cut short
            40,  TCP header cut short
            60,  TCP options cut short
            """)
    void parseSaysWhyACutFrameCannotBeRead(int length, String problem) {
        byte[] frame = Frames.ethernet(Frames.ETHERTYPE_IPV4, Frames.ipv4(SRC, DST, segment()));

        assertThat(PacketParser.parse(frame, length, LinkType.EN10MB, p)).isEqualTo(PacketParser.MALFORMED);
        assertThat(p.problem()).isEqualTo(problem);
    }

    @Test
    void parseRejectsATcpDataOffsetBelowTwentyBytes() {
        byte[] tcp = segment();
        tcp[12] = 0x40;
        byte[] ip = Frames.ipv4(SRC, DST, tcp);

        assertThat(PacketParser.parse(ip, ip.length, LinkType.RAW, p)).isEqualTo(PacketParser.MALFORMED);
        assertThat(p.problem()).isEqualTo("TCP data offset below 20 bytes");
    }

    @Test
    void parseReadsTheVsockmonAndVirtioHeaders() {
        byte[] frame = Frames.vsock(3, 1023, 2, 564, 4, 5, 0, PAYLOAD);

        assertThat(PacketParser.parse(frame, frame.length, LinkType.VSOCK, p)).isEqualTo(PacketParser.VSOCK);
        assertThat(p.family()).isEqualTo(Endpoints.VSOCK);
        assertThat(p.srcLo()).isEqualTo(3);
        assertThat(p.srcPort()).isEqualTo(1023);
        assertThat(p.dstLo()).isEqualTo(2);
        assertThat(p.dstPort()).isEqualTo(564);
        assertThat(p.vsockEvent()).isEqualTo(Vsock.PAYLOAD);
        assertThat(p.payloadOffset()).isEqualTo(32 + 44);
        assertThat(p.payloadLength()).isEqualTo(PAYLOAD.length);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            1, 1, 0, 2
            1, 2, 0, 3
            2, 3, 0, 5
            2, 4, 2, 6
            3, 6, 0, 7
            """)
    void parseTellsTheVsockEventFromTheVirtioOp(int vsockmonOp, int virtioOp, int flags, int event) {
        byte[] frame = Frames.vsock(3, 1023, 2, 564, vsockmonOp, virtioOp, flags, new byte[0]);

        assertThat(PacketParser.parse(frame, frame.length, LinkType.VSOCK, p)).isEqualTo(PacketParser.VSOCK);
        assertThat(p.vsockEvent()).isEqualTo(event);
        assertThat(p.vsockShutdown()).isEqualTo(flags);
    }

    @Test
    void parseRejectsAVsockFrameShorterThanItsHeaders() {
        byte[] frame = Frames.vsock(3, 1023, 2, 564, 4, 5, 0, PAYLOAD);

        assertThat(PacketParser.parse(frame, 40, LinkType.VSOCK, p)).isEqualTo(PacketParser.MALFORMED);
        assertThat(p.problem()).isEqualTo("vsock transport header cut short");
    }

    /**
     * Valid frames of every link type with random bytes overwritten, cut or extended: a status,
     * never an exception, and a payload inside the frame. (A seeded property test rather than a
     * Jazzer target: Jazzer's agent, once loaded, writes to System.err in every later test.)
     */
    @Test
    void parseNeverThrowsOnMutatedFrames() {
        byte[] tcp = segment();
        byte[] v6 = Frames.ipv6(1, 2, 3, 4, 0, Wire.be().raw(Frames.options8(44)).raw(Frames.atomicFragment(6)).bytes(), tcp);
        Object[][] seeds = {
            {LinkType.EN10MB, Frames.ethernetQinQ(Frames.ETHERTYPE_IPV4, Frames.ipv4WithOptions(SRC, DST, tcp))},
            {LinkType.EN10MB, Frames.ethernet(Frames.ETHERTYPE_IPV6, v6)},
            {LinkType.LINUX_SLL, Frames.sll(Frames.ETHERTYPE_IPV4, Frames.ipv4(SRC, DST, tcp))},
            {LinkType.LINUX_SLL2, Frames.sll2(Frames.ETHERTYPE_IPV6, v6)},
            {LinkType.NULL, Frames.nullLoopback(2, true, Frames.ipv4(SRC, DST, tcp))},
            {LinkType.LOOP, Frames.nullLoopback(24, false, v6)},
            {LinkType.RAW_12, Frames.ipv4(SRC, DST, tcp)},
            {LinkType.IPV6, v6},
            {LinkType.VSOCK, Frames.vsock(3, 1023, 2, 564, 4, 5, 0, PAYLOAD)},
        };
        java.util.Random random = new java.util.Random(2024);
        int parsed = 0;
        for (int i = 0; i < 200_000; i++) {
            Object[] seed = seeds[i % seeds.length];
            byte[] frame = ((byte[]) seed[1]).clone();
            for (int k = random.nextInt(4); k >= 0; k--) {
                frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
            }
            int length = random.nextInt(4) == 0 ? random.nextInt(frame.length + 1) : frame.length;

            int status = PacketParser.parse(frame, length, (int) seed[0], p);

            if (status == PacketParser.TCP || status == PacketParser.VSOCK) {
                parsed++;
                assertThat(p.payloadOffset()).isBetween(0, length);
                assertThat(p.payloadOffset() + p.payloadLength()).isLessThanOrEqualTo(length);
                assertThat(p.payloadLength()).isBetween(0, Math.max(0, p.payloadWireLength()));
            } else if (status == PacketParser.MALFORMED) {
                assertThat(p.problem()).isNotBlank();
            } else {
                assertThat(status).isIn(PacketParser.NOT_IP, PacketParser.NOT_TCP, PacketParser.FRAGMENT);
            }
        }
        assertThat(parsed).isGreaterThan(50_000);
    }
}
