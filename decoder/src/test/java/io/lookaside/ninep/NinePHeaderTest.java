package io.lookaside.ninep;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.wire.Wire;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class NinePHeaderTest {
    @Test
    void readersSizeTypeTagAtAMessageInsideABuffer() {
        ByteBuffer b = Wire.le().zeros(3).u32(11).u8(NinePTypes.TCLUNK).u16(0xFFFE).u32(1).buffer();

        assertThat(NinePHeader.size(b, 3)).isEqualTo(11);
        assertThat(NinePHeader.type(b, 3)).isEqualTo(NinePTypes.TCLUNK);
        assertThat(NinePHeader.tag(b, 3)).isEqualTo(0xFFFE);
        assertThat(b.position()).isZero();
    }

    @Test
    void sizeUnsignedAbove2To31() {
        ByteBuffer b = Wire.le().u32(0xFFFF_FFF0L).u8(0).u16(0).buffer();

        assertThat(NinePHeader.size(b, 0)).isEqualTo(0xFFFF_FFF0L);
    }
}
