package io.lookaside.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeTest {
    private static final byte[] BYTES = {0x00, (byte) 0xF1, (byte) 0xE2, (byte) 0xD3, (byte) 0xC4, (byte) 0xB5,
            (byte) 0xA6, (byte) 0x97, (byte) 0x88, 0x79};

    private static ByteBuffer buffer(String kind) {
        ByteBuffer b = switch (kind) {
            case "direct" -> ByteBuffer.allocateDirect(BYTES.length).put(BYTES).flip();
            case "readonly" -> ByteBuffer.wrap(BYTES).asReadOnlyBuffer();
            default -> ByteBuffer.wrap(BYTES);
        };
        return b.order(kind.equals("little") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            big
            little
            direct
            readonly
            """)
    void readersTakeLittleEndianFieldsWhateverTheBuffersOrder(String kind) {
        ByteBuffer b = buffer(kind);

        assertThat(Le.u8(b, 1)).isEqualTo(0xF1);
        assertThat(Le.u16(b, 1)).isEqualTo(0xE2F1);
        assertThat(Le.i32(b, 1)).isEqualTo(0xC4D3E2F1);
        assertThat(Le.u32(b, 1)).isEqualTo(0xC4D3E2F1L);
        assertThat(Le.u64(b, 1)).isEqualTo(0x88_97A6B5_C4D3E2F1L);
        assertThat(Le.u64(b, 2)).isEqualTo(0x7988_97A6B5_C4D3E2L);
        assertThat(b.position()).isZero();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            big
            direct
            """)
    void readersRefuseAFieldThatRunsPastTheLimit(String kind) {
        ByteBuffer b = buffer(kind).limit(6);

        assertThatThrownBy(() -> Le.i32(b, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Le.u64(b, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Le.u16(b, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
