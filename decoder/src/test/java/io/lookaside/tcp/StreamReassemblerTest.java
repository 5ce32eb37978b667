package io.lookaside.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamReassemblerTest {
    private static final int ISN = 1000;

    /** Writes what the reassembler says as short strings: data(abc@3) gap(3:1-3) end(5). */
    static final class Recorder implements StreamListener {
        final List<String> events = new ArrayList<>();
        final StringBuilder stream = new StringBuilder();

        @Override
        public void begin(boolean atStreamStart) {
            events.add("begin(" + atStreamStart + ")");
        }

        @Override
        public void data(byte[] a, int off, int len, long frame, long tsNanos) {
            String s = new String(a, off, len, StandardCharsets.US_ASCII);
            stream.append(s);
            events.add("data(" + s + "@" + frame + ")");
        }

        @Override
        public void gap(long bytes, long frameBefore, long frameAfter, String why) {
            events.add("gap(" + bytes + ":" + frameBefore + "-" + frameAfter + ")");
        }

        @Override
        public void end(long frame, String why) {
            events.add("end(" + frame + ")");
        }
    }

    private final Recorder out = new Recorder();

    private StreamReassembler reassembler(TrackerLimits limits, ReassemblyBudget budget) {
        StreamReassembler r = new StreamReassembler(out, budget, limits);
        r.startAtSyn(ISN + 1, 1);
        return r;
    }

    private StreamReassembler reassembler() {
        return reassembler(TrackerLimits.DEFAULT, new ReassemblyBudget(TrackerLimits.DEFAULT.maxBufferedTotal()));
    }

    private static void send(StreamReassembler r, String text, int relSeq, long frame) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        r.segment(b, 0, b.length, b.length, ISN + 1 + relSeq, frame, frame * 1000);
    }

    @Test
    void segmentDeliversInOrderBytesAtOnce() {
        StreamReassembler r = reassembler();

        send(r, "abc", 0, 2);
        send(r, "def", 3, 3);

        assertThat(out.events).containsExactly("begin(true)", "data(abc@2)", "data(def@3)");
    }

    @Test
    void segmentHoldsOutOfOrderBytesUntilTheHoleFillsThenDeliversThemInTheFillingFrame() {
        StreamReassembler r = reassembler();

        send(r, "def", 3, 2);
        send(r, "ghi", 6, 3);
        send(r, "abc", 0, 4);

        assertThat(out.events).containsExactly("begin(true)", "data(abc@4)", "data(def@4)", "data(ghi@4)");
    }

    @Test
    void segmentIgnoresRetransmittedBytes() {
        StreamReassembler r = reassembler();

        send(r, "abc", 0, 2);
        send(r, "abc", 0, 3);
        send(r, "bc", 1, 4);
        send(r, "cdef", 2, 5);

        assertThat(out.stream).hasToString("abcdef");
        assertThat(out.events).last().isEqualTo("data(def@5)");
    }

    @Test
    void segmentKeepsTheFirstCopyOfOverlappingBytes() {
        StreamReassembler r = reassembler();

        send(r, "efg", 4, 2);
        send(r, "DEFGH", 3, 3);
        send(r, "abc", 0, 4);
        send(r, "CDEFGHIJ", 2, 5);

        assertThat(out.stream).hasToString("abcDefgHIJ");
    }

    @Test
    void segmentDeclaresAGapWhenThePeerAcknowledgedBytesTheCaptureNeverSaw() {
        StreamReassembler r = reassembler();

        send(r, "abc", 0, 2);
        send(r, "ghi", 6, 3);
        r.peerAck(ISN + 1 + 9, 4, 0);
        send(r, "jkl", 9, 5);

        assertThat(out.events).containsExactly("begin(true)", "data(abc@2)", "gap(3:2-3)", "data(ghi@5)", "data(jkl@5)");
    }

    @Test
    void segmentGivesTheHoleUpWhenTheDirectionsOutOfOrderLimitIsHit() {
        StreamReassembler r = reassembler(new TrackerLimits(10, 10, 1 << 20, 64, 1 << 20),
                new ReassemblyBudget(1 << 20));

        send(r, "abc", 0, 2);
        send(r, "ghijklmn", 6, 3);
        send(r, "opqrstuv", 14, 4);

        assertThat(out.events).containsExactly("begin(true)", "data(abc@2)", "gap(3:2-3)", "data(ghijklmn@4)",
                "data(opqrstuv@4)");
    }

    @Test
    void segmentGivesTheHoleUpWhenAllFlowsTogetherHoldTooMuch() {
        ReassemblyBudget shared = new ReassemblyBudget(10);
        TrackerLimits limits = new TrackerLimits(10, 1 << 20, 10, 64, 1 << 20);
        StreamReassembler other = new StreamReassembler(new Recorder(), shared, limits);
        other.startAtSyn(1, 1);
        other.segment(new byte[8], 0, 8, 8, 100, 2, 0);
        StreamReassembler r = reassembler(limits, shared);

        send(r, "ghij", 6, 3);

        assertThat(shared.held()).isEqualTo(8);
        assertThat(out.events).containsExactly("begin(true)", "gap(6:1-3)", "data(ghij@3)");
    }

    @Test
    void segmentReportsBytesCutOffBySnaplenAsAGap() {
        StreamReassembler r = reassembler();
        byte[] b = "abcdef".getBytes(StandardCharsets.US_ASCII);

        r.segment(b, 0, 2, 6, ISN + 1, 2, 0);
        send(r, "ghi", 6, 3);

        assertThat(out.events).containsExactly("begin(true)", "data(ab@2)", "gap(4:2-2)", "data(ghi@3)");
    }

    @Test
    void segmentFollowsSequenceNumbersAcrossTheirWrapAround() {
        StreamReassembler r = new StreamReassembler(out, new ReassemblyBudget(1 << 20), TrackerLimits.DEFAULT);
        r.startAtSyn(0xFFFF_FFFE, 1);
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        byte[] def = "def".getBytes(StandardCharsets.US_ASCII);

        r.segment(def, 0, 3, 3, 1, 2, 0);
        r.segment(abc, 0, 3, 3, 0xFFFF_FFFE, 3, 0);

        assertThat(out.events).containsExactly("begin(true)", "data(abc@3)", "data(def@3)");
    }

    @Test
    void segmentStartsMidStreamWhenNoSynWasSeen() {
        StreamReassembler r = new StreamReassembler(out, new ReassemblyBudget(1 << 20), TrackerLimits.DEFAULT);
        byte[] b = "xyz".getBytes(StandardCharsets.US_ASCII);

        r.segment(b, 0, 3, 3, 123_456, 7, 0);

        assertThat(out.events).containsExactly("begin(false)", "data(xyz@7)");
    }

    @Test
    void finEndsTheStreamOnlyOnceEveryByteBeforeItIsIn() {
        StreamReassembler r = reassembler();

        send(r, "def", 3, 2);
        r.fin(ISN + 1 + 6, 2, 0);
        send(r, "abc", 0, 3);

        assertThat(out.events).containsExactly("begin(true)", "data(abc@3)", "data(def@3)", "end(3)");
        assertThat(r.ended()).isTrue();
    }

    @Test
    void resetDeliversWhatIsHeldAfterItsHoleAndEnds() {
        StreamReassembler r = reassembler();

        send(r, "abc", 0, 2);
        send(r, "ghi", 6, 3);
        r.reset(4, 0);
        send(r, "def", 3, 5);

        assertThat(out.events).containsExactly("begin(true)", "data(abc@2)", "gap(3:2-3)", "data(ghi@4)", "end(4)");
    }

    @Test
    void finishDeliversHeldSegmentsInTheirOwnFrames() {
        StreamReassembler r = reassembler();

        send(r, "abc", 0, 2);
        send(r, "ghi", 6, 3);
        send(r, "mno", 12, 4);
        r.finish("the capture ended");

        assertThat(out.events).containsExactly("begin(true)", "data(abc@2)", "gap(3:2-3)", "data(ghi@3)",
                "gap(3:3-4)", "data(mno@4)", "end(4)");
    }

    @Test
    void finDeclaresBytesThePeerAcknowledgedButTheCaptureNeverSaw() {
        StreamReassembler r = reassembler();

        send(r, "abc", 0, 2);
        r.fin(ISN + 1 + 6, 3, 0);
        r.peerAck(ISN + 1 + 7, 4, 0);

        assertThat(out.events).containsExactly("begin(true)", "data(abc@2)", "gap(3:2-4)", "end(4)");
    }

    @Test
    void finishDeclaresTheHoleBeforeAFinThatWasNeverFilled() {
        StreamReassembler r = reassembler();

        send(r, "abc", 0, 2);
        r.fin(ISN + 1 + 6, 3, 0);
        r.finish("the capture ended");

        assertThat(out.events).containsExactly("begin(true)", "data(abc@2)", "gap(3:2-3)", "end(2)");
    }
}
