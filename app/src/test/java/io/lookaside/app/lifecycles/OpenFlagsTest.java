package io.lookaside.app.lifecycles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenFlagsTest {

    /** Values from include/uapi/asm-generic/fcntl.h (octal there, decimal here). */
    @ParameterizedTest
    @CsvSource(textBlock = """
            # flags,   expected
            0,         O_RDONLY
            2,         O_RDWR
            98304,     O_RDONLY|O_LARGEFILE|O_DIRECTORY
            33345,     O_WRONLY|O_CREAT|O_TRUNC|O_LARGEFILE
            526336,    O_RDONLY|O_NONBLOCK|O_CLOEXEC
            1073741824, O_RDONLY|0x40000000
            """)
    void linuxNamesEveryBitAndShowsUnknownOnesInHex(long flags, String expected) {
        assertThat(OpenFlags.linux(flags)).isEqualTo(expected);
    }

    /** open(5): OREAD 0, OWRITE 1, ORDWR 2, OEXEC 3, OTRUNC 0x10, ORCLOSE 0x40. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            0,   OREAD
            17,  OWRITE|OTRUNC
            66,  ORDWR|ORCLOSE
            131, OEXEC|0x80
            """)
    void plan9NamesTheModeByte(long mode, String expected) {
        assertThat(OpenFlags.plan9(mode)).isEqualTo(expected);
    }
}
