package io.lookaside.app.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HexTextTest {
    /** The Tversion of a-v9fs-version-9p2000.u-vs-diod: size 21, tag NOTAG, msize 131072, "9P2000.u". */
    private static final byte[] TVERSION = {
        0x15, 0, 0, 0, 0x64, (byte) 0xff, (byte) 0xff, 0x00, 0x00, 0x02, 0x00, 0x08, 0x00,
        '9', 'P', '2', '0', '0', '0', '.', 'u'};

    @Test
    void writesOffsetHexInTwoGroupsAndAscii() {
        HexText t = new HexText.Builder().add("Message", TVERSION, 0, TVERSION.length, 1024, "").build();

        assertThat(t.text()).isEqualTo(
                "0000  15 00 00 00 64 ff ff 00  00 02 00 08 00 39 50 32   ....d........9P2\n"
                + "0010  30 30 30 2e 75" + " ".repeat(3 * 3 + 1 + 8 * 3 + 1) + "  000.u");
    }

    @Test
    void aRangeCoversItsBytesHexDigitsEvenAcrossTheGroupGapAndLines() {
        HexText t = new HexText.Builder().add("Message", TVERSION, 0, TVERSION.length, 1024, "").build();

        // msize[4] at offset 7: "00 00 02 00", across the gap between the two groups of eight.
        int[] msize = t.range(0, 7, 4);
        assertThat(t.text().substring(msize[0], msize[1])).isEqualTo("00  00 02 00");
        int[] tail = t.range(0, 15, 2);
        assertThat(t.text().substring(tail[0], tail[1])).startsWith("32").endsWith("30");
        assertThat(t.range(1, 0, 1)).isNull();
        assertThat(t.range(0, 99, 1)).isNull();
    }

    @Test
    void aSecondSectionHasItsTitleAndItsOwnOffsets() {
        HexText t = new HexText.Builder().add("Frame", TVERSION, 0, 4, 1024, "")
                .add("Reassembled message (21 bytes)", TVERSION, 0, TVERSION.length, 1024, "").build();

        assertThat(t.text()).contains("\n\nReassembled message (21 bytes)\n0000  15 00 00 00");
        int[] size = t.range(1, 0, 4);
        assertThat(t.text().substring(size[0], size[1])).isEqualTo("15 00 00 00");
        assertThat(size[0]).isGreaterThan(t.range(0, 3, 1)[1]);
    }

    @Test
    void cutsLargeRunsAndSaysHowMuchIsLeft() {
        String dump = new HexText.Builder().add("M", new byte[100], 0, 100, 32, "").build().text();

        assertThat(dump.lines()).hasSize(3);
        assertThat(dump).endsWith("… 68 more bytes not shown");
    }

    @Test
    void aNoteFollowsTheBytes() {
        byte[] rread = {0x10, 0, 0, 0, 0x75, 0x01, 0x00, 0x05, 0, 0, 0};

        String dump = new HexText.Builder().add("M", rread, 0, rread.length, 1024, "… 5 bytes of payload not kept").build().text();

        assertThat(dump).isEqualTo(
                "0000  10 00 00 00 75 01 00 05  00 00 00" + " ".repeat(5 * 3) + "   ....u......\n"
                + "… 5 bytes of payload not kept");
    }
}
