package io.lookaside.app.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HexDumpTest {
    /** The Tversion of a-v9fs-version-9p2000.u-vs-diod: size 21, tag NOTAG, msize 131072, "9P2000.u". */
    private static final byte[] TVERSION = {
        0x15, 0, 0, 0, 0x64, (byte) 0xff, (byte) 0xff, 0x00, 0x00, 0x02, 0x00, 0x08, 0x00,
        '9', 'P', '2', '0', '0', '0', '.', 'u'};

    @Test
    void formatWritesOffsetHexInTwoGroupsAndAscii() {
        String dump = HexDump.format(ByteBuffer.wrap(TVERSION), 1024);

        assertThat(dump).isEqualTo(
                "0000  15 00 00 00 64 ff ff 00  00 02 00 08 00 39 50 32   ....d........9P2\n"
                + "0010  30 30 30 2e 75" + " ".repeat(3 * 3 + 1 + 8 * 3 + 1) + "  000.u");
    }

    @Test
    void formatStartsAtTheBufferPosition() {
        ByteBuffer b = ByteBuffer.wrap("xxABC".getBytes(StandardCharsets.US_ASCII));
        b.position(2);

        assertThat(HexDump.format(b, 1024)).startsWith("0000  41 42 43 ").endsWith("ABC");
    }

    @Test
    void formatCutsLargeMessagesAndSaysHowMuchIsLeft() {
        String dump = HexDump.format(ByteBuffer.allocate(100), 32);

        assertThat(dump.lines()).hasSize(3);
        assertThat(dump).endsWith("… 68 more bytes not shown");
    }

    @Test
    void formatShowsOnlyTheKeptBytesAndSaysThePayloadWasNotKept() {
        // read(5): size[4]=16 Rread(117) tag[2]=1 count[4]=5, then 5 bytes of data not kept (zeros here).
        byte[] rread = {0x10, 0, 0, 0, 0x75, 0x01, 0x00, 0x05, 0, 0, 0, 0, 0, 0, 0, 0};

        String dump = HexDump.format(ByteBuffer.wrap(rread), 11, 1024);

        assertThat(dump).isEqualTo(
                "0000  10 00 00 00 75 01 00 05  00 00 00" + " ".repeat(5 * 3) + "   ....u......\n"
                + "… 5 bytes of payload not kept: Lookaside keeps the headers of read and write data, not the data");
    }
}
