package io.lookaside.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.wire.Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NinePFramerTest {
    private static final long BOUND = 16 << 20;

    /** Records what the framer tells its flow. */
    static final class Owner implements NinePFramer.Owner {
        boolean known;
        final List<String> messages = new ArrayList<>();
        final List<byte[]> arrays = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<String> decisions = new ArrayList<>();

        Owner(boolean known) {
            this.known = known;
        }

        @Override
        public boolean ninePKnown() {
            return known;
        }

        @Override
        public void recognised(NinePFramer f, int parity, boolean byVersion, long frame) {
            known = true;
            f.parity(parity);
            decisions.add("recognised(" + parity + "," + byVersion + ")");
        }

        @Override
        public void rejected(NinePFramer f, boolean definitive) {
            decisions.add("rejected(" + definitive + ")");
        }

        @Override
        public void message(NinePFramer f, byte[] a, int off, int len, long frame, long ts) {
            messages.add((a[off + 4] & 0xFF) + "/" + ((a[off + 5] & 0xFF) | (a[off + 6] & 0xFF) << 8) + "/" + len + "@" + frame);
            arrays.add(a);
        }

        @Override
        public void gap(NinePFramer f, long bytes, long frameBefore, long frameAfter, String why) {
            notes.add("gap " + bytes);
        }

        @Override
        public void note(NinePFramer f, boolean warning, long frame, String text) {
            notes.add(frame + ": " + text);
        }
    }

    static byte[] tversion(String version) {
        int size = 7 + 4 + 2 + version.length();
        return Wire.le().u32(size).u8(100).u16(0xFFFF).u32(65536).str(version).bytes();
    }

    /** Twalk fid newfid nwname=1 wname: a real-shaped T-message (walk(5)). */
    static byte[] twalk(int tag, String name) {
        int size = 7 + 4 + 4 + 2 + 2 + name.length();
        return Wire.le().u32(size).u8(110).u16(tag).u32(1).u32(2).u16(1).str(name).bytes();
    }

    /** Rlerror tag ecode (9P2000.L). */
    static byte[] rlerror(int tag, int ecode) {
        return Wire.le().u32(11).u8(7).u16(tag).u32(ecode).bytes();
    }

    static byte[] concat(byte[]... parts) {
        Wire w = Wire.le();
        for (byte[] p : parts) {
            w.raw(p);
        }
        return w.bytes();
    }

    private static void feed(NinePFramer f, byte[] b, long frame) {
        f.data(b, 0, b.length, frame, frame * 1000);
    }

    @Test
    void dataPassesWholeMessagesOnFromTheSegmentItself() {
        Owner o = new Owner(true);
        NinePFramer f = new NinePFramer(0, o, BOUND);
        f.begin(true);
        byte[] segment = concat(twalk(1, "usr"), twalk(2, "lib"));

        feed(f, tversion("9P2000.L"), 1);
        feed(f, segment, 2);

        assertThat(o.messages).containsExactly("100/65535/21@1", "110/1/22@2", "110/2/22@2");
        assertThat(o.arrays.get(1)).isSameAs(segment);
    }

    @Test
    void dataGathersAMessageSplitOverSegmentsIntoTheFrameOfItsLastByte() {
        Owner o = new Owner(true);
        NinePFramer f = new NinePFramer(0, o, BOUND);
        f.begin(true);
        byte[] walk = twalk(7, "include");

        f.data(walk, 0, 2, 3, 0);
        f.data(walk, 2, 9, 4, 0);
        f.data(walk, 11, walk.length - 11, 5, 0);

        assertThat(o.messages).containsExactly("110/7/" + walk.length + "@5");
    }

    @Test
    void dataBuffersTheBytesReceivedNotTheSizeTheHeaderAnnounces() {
        Owner o = new Owner(true);
        NinePFramer f = new NinePFramer(0, o, BOUND);
        f.begin(true);
        byte[] start = Wire.le().u32(BOUND).u8(118).u16(1).u32(1).u64(0).u32((int) BOUND - 23).zeros(100).bytes();

        long allocated = io.lookaside.Allocation.of(() -> feed(f, start, 1));

        assertThat(o.messages).isEmpty();
        assertThat(allocated).as("bytes allocated for 123 bytes of a message announced as 16 MiB").isLessThan(4096);
    }

    @Test
    void dataTreatsA4GiBSizeFieldAsLostBoundariesAndResynchronisesOnTheNextSegment() {
        Owner o = new Owner(true);
        NinePFramer f = new NinePFramer(1, o, BOUND);
        f.begin(true);
        byte[] bad = rlerror(3, 2);
        bad[0] = bad[1] = bad[2] = bad[3] = (byte) 0xFF;

        feed(f, rlerror(1, 2), 1);
        feed(f, bad, 2);
        feed(f, rlerror(4, 2), 3);

        assertThat(o.messages).containsExactly("7/1/11@1", "7/4/11@3");
        assertThat(o.notes).containsExactly(
                "2: 9P size field 4294967295 is outside 7.." + BOUND + ": message boundaries lost; resynchronising",
                "3: resynchronised on a 9P message boundary after skipping 11 bytes");
    }

    @Test
    void boundTurnsAMessageLargerThanMsizeIntoLostBoundaries() {
        Owner o = new Owner(true);
        NinePFramer f = new NinePFramer(0, o, BOUND);
        f.begin(true);
        f.bound(20);

        feed(f, rlerror(1, 2), 1);
        feed(f, twalk(2, "usr"), 2);

        assertThat(o.messages).containsExactly("7/1/11@1");
        assertThat(o.notes).containsExactly(
                "2: 9P size field 22 is outside 7..20: message boundaries lost; resynchronising");
    }

    @Test
    void huntSkipsToTheFirstBoundaryWhenTheCaptureStartsMidStream() {
        Owner o = new Owner(true);
        NinePFramer f = new NinePFramer(0, o, BOUND);
        f.begin(false);
        byte[] first = twalk(1, "share");
        byte[] tail = Arrays.copyOfRange(first, 10, first.length);

        feed(f, concat(tail, twalk(2, "doc")), 1);
        feed(f, twalk(3, "man"), 2);

        assertThat(o.messages).containsExactly("110/2/22@1", "110/3/22@2");
        assertThat(o.notes).containsExactly(
                "1: the capture starts inside the stream: skipped " + tail.length + " bytes to the first 9P message boundary");
    }

    @Test
    void huntAcceptsACompleteSegmentRightAway() {
        Owner o = new Owner(true);
        NinePFramer f = new NinePFramer(0, o, BOUND);
        f.begin(false);

        feed(f, twalk(9, "etc"), 4);

        assertThat(o.messages).containsExactly("110/9/22@4");
        assertThat(o.decisions).containsExactly("recognised(0,false)");
    }

    @Test
    void startRecognisesNinePOnAnUnknownPortByItsVersionMessage() {
        Owner o = new Owner(false);
        NinePFramer f = new NinePFramer(0, o, BOUND);
        f.begin(true);

        feed(f, tversion("9P2000.L"), 1);

        assertThat(o.decisions).containsExactly("recognised(0,true)");
        assertThat(o.messages).containsExactly("100/65535/21@1");
    }

    @Test
    void startRejectsAStreamOnAnUnknownPortThatDoesNotBeginWithAVersionMessage() {
        Owner o = new Owner(false);
        NinePFramer f = new NinePFramer(0, o, BOUND);
        f.begin(true);

        feed(f, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 1);

        assertThat(o.decisions).containsExactly("rejected(true)");
        assertThat(o.messages).isEmpty();
        assertThat(f.state()).isEqualTo(NinePFramer.IDLE);
    }

    @Test
    void huntNeedsFourChainedMessagesBeforeCallingAnUnknownPortNineP() {
        Owner o = new Owner(false);
        NinePFramer f = new NinePFramer(0, o, BOUND);
        f.begin(false);

        feed(f, twalk(1, "a"), 1);
        feed(f, twalk(2, "b"), 2);
        feed(f, twalk(3, "c"), 3);
        List<String> afterThree = List.copyOf(o.messages);
        feed(f, twalk(4, "d"), 4);

        assertThat(afterThree).isEmpty();
        assertThat(o.decisions).containsExactly("recognised(0,false)");
        assertThat(o.messages).containsExactly("110/1/20@1", "110/2/20@2", "110/3/20@3", "110/4/20@4");
    }

    @Test
    void huntGivesUpOnAnUnknownPortWhenNothingLooksLikeNineP() {
        Owner o = new Owner(false);
        NinePFramer f = new NinePFramer(0, o, BOUND);
        f.begin(false);
        byte[] noise = new byte[64 << 10];
        Random random = new Random(11);

        for (int i = 1; i <= 5; i++) {
            random.nextBytes(noise);
            feed(f, noise, i);
        }

        assertThat(o.decisions).containsExactly("rejected(false)");
        assertThat(f.gaveUp()).isTrue();
        assertThat(o.messages).isEmpty();
    }

    @Test
    void gapDropsTheMessageInProgressAndResynchronisesOnTheNextSegment() {
        Owner o = new Owner(true);
        NinePFramer f = new NinePFramer(0, o, BOUND);
        f.begin(true);
        byte[] walk = twalk(5, "bin");

        feed(f, twalk(4, "sbin"), 1);
        f.data(walk, 0, 10, 2, 0);
        f.gap(100, 2, 4, "not in the capture");
        feed(f, twalk(6, "lib"), 4);

        assertThat(o.messages).containsExactly("110/4/23@1", "110/6/22@4");
        assertThat(o.notes).containsExactly("gap 100", "4: the message in progress (10 of 22 bytes) is lost with it");
    }

    @Test
    void endSaysWhenTheStreamStopsInsideAMessage() {
        Owner o = new Owner(true);
        NinePFramer f = new NinePFramer(0, o, BOUND);
        f.begin(true);

        f.data(twalk(5, "bin"), 0, 9, 2, 0);
        f.end(3, "closed (FIN)");

        assertThat(o.notes).containsExactly("3: the stream ended inside a 9P message (9 of 22 bytes): closed (FIN)");
    }
}
