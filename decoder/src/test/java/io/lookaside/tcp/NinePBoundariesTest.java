package io.lookaside.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.wire.Wire;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NinePHeaderTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            100,  0
            101,  1
            7,    1
            107,  1
            106, -1
            6,   -1
            24,   0
            25,   1
            76,   0
            77,   1
            126,  0
            127,  1
            10,  -1
            128, -1
            0,   -1
            255, -1
            """)
    void parityTellsTAndRMessagesOfEveryDialectApart(int type, int parity) {
        assertThat(NinePBoundaries.parity(type)).isEqualTo(parity);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            11, 7,   1,     -1,  1
            11, 7,   1,      1,  1
            11, 7,   1,      0, -1
            6,  7,   1,     -1, -1
            11, 11,  1,     -1, -1
            21, 100, 65535, -1,  0
            21, 100, 0,     -1, -1
            """)
    void plausibleChecksSizeTypeParityAndVersionTags(long size, int type, int tag, int expected, int result) {
        byte[] h = Wire.le().u32(size).u8(type).u16(tag).bytes();

        assertThat(NinePBoundaries.plausible(h, 0, 1 << 20, expected)).isEqualTo(result);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            100, 9P2000.L, true
            101, 9P2000,   true
            101, unknown,  true
            100, HTTP/1.1, false
            110, 9P2000.L, false
            """)
    void isVersionRecognisesVersionMessagesNamingNineP(int type, String version, boolean expected) {
        byte[] m = Wire.le().u32(13 + version.length()).u8(type).u16(0xFFFF).u32(8192).str(version).bytes();

        assertThat(NinePBoundaries.isVersion(m, 0, m.length)).isEqualTo(expected);
    }
}
