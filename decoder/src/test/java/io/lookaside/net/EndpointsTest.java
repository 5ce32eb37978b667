package io.lookaside.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0x0000000000000000 | 0x0000000000000001 | [::1]:564
            0x20010db800000000 | 0x000000007f000001 | [2001:db8::7f00:1]:564
            0xfe80000000000000 | 0x021122fffe334455 | [fe80::211:22ff:fe33:4455]:564
            0x20010db800000000 | 0x0000000100000000 | [2001:db8::1:0:0]:564
            0x20010db800010000 | 0x0001000000000001 | [2001:db8:1:0:1::1]:564
            0x2001000100010001 | 0x0001000100010001 | [2001:1:1:1:1:1:1:1]:564
            0x0000000000000000 | 0x0000000000000000 | [::]:564
            """)
    void formatWritesIpv6AsRfc5952Says(String hi, String lo, String expected) {
        assertThat(Endpoints.format(Endpoints.IPV6, Long.parseUnsignedLong(hi.substring(2), 16),
                Long.parseUnsignedLong(lo.substring(2), 16), 564)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            4,  0,  2130706433, 41000, 127.0.0.1:41000
            4,  0,  3232237313,   564, 192.168.7.1:564
            40, 0,           3,  1023, 3:1023
            40, 0,          -1,    -1, 18446744073709551615:4294967295
            """)
    void formatWritesIpv4AndVsockEndpoints(int family, long hi, long lo, int port, String expected) {
        assertThat(Endpoints.format(family, hi, lo, port)).isEqualTo(expected);
    }
}
