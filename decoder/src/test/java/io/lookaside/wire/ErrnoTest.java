package io.lookaside.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrnoTest {
    /** Values from Linux asm-generic/errno-base.h, errno.h and include/linux/errno.h. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            1,   EPERM
            2,   ENOENT
            5,   EIO
            13,  EACCES
            17,  EEXIST
            20,  ENOTDIR
            22,  EINVAL
            34,  ERANGE
            35,  EDEADLK
            38,  ENOSYS
            39,  ENOTEMPTY
            40,  ELOOP
            61,  ENODATA
            95,  EOPNOTSUPP
            116, ESTALE
            133, EHWPOISON
            512, ERESTARTSYS
            524, ENOTSUPP
            531, ENOGRACE
            """)
    void ofLinuxNumbers(long code, Errno expected) {
        assertThat(Errno.of(code)).isEqualTo(expected);
        assertThat(expected.code()).isEqualTo(code);
    }

    @Test
    void ofNegatedFuseError() {
        assertThat(Errno.of(-2)).isEqualTo(Errno.ENOENT);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 41, 58, 134, 520, 532, 4_294_967_295L, -532, Long.MIN_VALUE, Long.MAX_VALUE})
    void ofNumbersWithoutANameNull(long code) {
        assertThat(Errno.of(code)).isNull();
    }

    @Test
    void describeNameWhenKnownNumberAlways() {
        assertThat(Errno.describe(2)).isEqualTo("2 (ENOENT)");
        assertThat(Errno.describe(61)).isEqualTo("61 (ENODATA)");
        assertThat(Errno.describe(4242)).isEqualTo("4242");
    }
}
