package io.lookaside.ninep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NinePTypesTest {
    /** The reference's tables (intro(5), Linux include/net/9p/9p.h), every T with its R. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            6, Tlerror
            8, Tstatfs
            12, Tlopen
            14, Tlcreate
            16, Tsymlink
            18, Tmknod
            20, Trename
            22, Treadlink
            24, Tgetattr
            26, Tsetattr
            30, Txattrwalk
            32, Txattrcreate
            40, Treaddir
            50, Tfsync
            52, Tlock
            54, Tgetlock
            70, Tlink
            72, Tmkdir
            74, Trenameat
            76, Tunlinkat
            100, Tversion
            102, Tauth
            104, Tattach
            106, Terror
            108, Tflush
            110, Twalk
            112, Topen
            114, Tcreate
            116, Tread
            118, Twrite
            120, Tclunk
            122, Tremove
            124, Tstat
            126, Twstat
            """)
    void nameSpecNamesRequestAndReply(int type, String name) {
        assertThat(NinePTypes.name(type)).isEqualTo(name);
        assertThat(NinePTypes.name(type + 1)).isEqualTo("R" + name.substring(1));
        assertThat(NinePTypes.isRequest(type)).isTrue();
        assertThat(NinePTypes.isRequest(type + 1)).isFalse();
    }

    @Test
    void knownExactlyTheSixtyEightNumbersOfTheReference() {
        assertThat(IntStream.range(0, 256).filter(NinePTypes::known).count()).isEqualTo(68);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10, 11, 28, 29, 34, 42, 56, 69, 78, 99, 128, 255, 256, -1})
    void nameUnassignedNumbersTypeN(int type) {
        assertThat(NinePTypes.name(type)).isEqualTo("type" + type);
        assertThat(NinePTypes.known(type)).isFalse();
    }
}
