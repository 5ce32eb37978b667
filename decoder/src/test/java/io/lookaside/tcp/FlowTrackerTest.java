package io.lookaside.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.capture.PcapSource;
import io.lookaside.capture.RecordingSink;
import io.lookaside.capture.RecordingSink.Message;
import io.lookaside.net.Frames;
import io.lookaside.net.LinkType;
import io.lookaside.net.Packet;
import io.lookaside.net.PacketParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Synthetic TCP conversations over real 9P bytes: the messages of the c-diod-userspace
 * connection with the largest messages (diodcat reading a 1 MiB file: 64 KiB Rreads), cut
 * into segments, reordered, repeated, overlapped or dropped.
 */
class FlowTrackerTest {
    private static final int MSS = 1448;
    private static List<Message> real;

    @BeforeAll
    static void loadRealMessages() throws CaptureException {
        RecordingSink sink = new RecordingSink();
        new PcapSource(Samples.path("c-diod-userspace.pcap.gz"), CaptureOptions.DEFAULT).read(sink, LoadMonitor.NONE);
        Map<Integer, Integer> largestPerConn = sink.messages.stream().collect(Collectors.groupingBy(Message::conn,
                Collectors.reducing(0, m -> m.bytes().length, Math::max)));
        int reader = Collections.max(largestPerConn.entrySet(), Map.Entry.comparingByValue()).getKey();
        real = sink.messages.stream().filter(m -> m.conn() == reader).toList();
    }

    private static RecordingSink play(List<byte[]> frames) {
        return play(frames, 0, TrackerLimits.DEFAULT);
    }

    private static RecordingSink play(List<byte[]> frames, int forcedPort, TrackerLimits limits) {
        RecordingSink sink = new RecordingSink();
        TcpScript.play(frames, sink, forcedPort, limits);
        return sink;
    }

    private static List<String> contents(List<Message> messages) {
        return messages.stream().map(m -> (m.fromClient() ? "T " : "R ") + java.util.HexFormat.of().formatHex(m.bytes()))
                .toList();
    }

    @Test
    void tcpDeliversRealMessagesCutIntoSegmentsEachInTheFrameOfItsLastByte() {
        TcpScript s = TcpScript.loopback(40000, 564).handshake();
        List<Long> lastFrames = new ArrayList<>();
        for (Message m : real) {
            s.send(m.fromClient(), m.bytes(), MSS);
            lastFrames.add((long) s.frames.size());
        }
        s.fin(true).fin(false);

        RecordingSink sink = play(s.frames);

        assertThat(real.size()).isGreaterThan(30);
        assertThat(real).anyMatch(m -> m.bytes().length > 60_000);
        assertThat(contents(sink.messages)).isEqualTo(contents(real));
        assertThat(sink.messages).extracting(Message::frame).isEqualTo(lastFrames);
        assertThat(sink.connections).containsExactly("10.0.0.1:40000>10.0.0.2:564");
        assertThat(sink.diagnostics).isEmpty();
    }

    @Test
    void tcpReassemblesReorderedRepeatedAndOverlappingSegmentsKeepingTheFirstCopy() {
        TcpScript s = TcpScript.loopback(40001, 564).handshake();
        Random random = new Random(5);
        for (Message m : real) {
            int base = s.seq[m.fromClient() ? 0 : 1];
            List<byte[]> segments = new ArrayList<>(s.segments(m.fromClient(), m.bytes(), MSS));
            if (segments.size() > 2) {
                Collections.shuffle(segments.subList(1, segments.size()), random);
                segments.add(2, segments.get(1));
                // An overlapping resend with other bytes, after the originals: the first copy wins.
                byte[] garbage = new byte[MSS];
                java.util.Arrays.fill(garbage, (byte) 0x5A);
                segments.add(s.frame(m.fromClient(), base + MSS / 2, 0, garbage));
            }
            s.frames.addAll(segments);
        }
        s.fin(true).fin(false);

        RecordingSink sink = play(s.frames);

        assertThat(contents(sink.messages)).isEqualTo(contents(real));
        assertThat(sink.diagnostics).isEmpty();
    }

    @Test
    void tcpReportsASegmentTheCaptureMissedAsAGapAndDecodesOnAfterIt() {
        TcpScript s = TcpScript.loopback(40002, 564).handshake();
        int victim = indexOfFirstLargeMessage();
        long gapBefore = 0;
        long gapAfter = 0;
        for (int i = 0; i < real.size(); i++) {
            Message m = real.get(i);
            List<byte[]> segments = s.segments(m.fromClient(), m.bytes(), MSS);
            if (i == victim) {
                s.frames.add(segments.get(0));
                gapBefore = s.frames.size();
                s.ack(true); // the client acknowledges the segment the capture will miss
                s.frames.addAll(segments.subList(2, segments.size()));
                gapAfter = gapBefore + 2;
            } else {
                s.frames.addAll(segments);
            }
        }

        RecordingSink sink = play(s.frames);

        List<Message> expected = new ArrayList<>(real);
        expected.remove(victim);
        assertThat(contents(sink.messages)).isEqualTo(contents(expected));
        assertThat(sink.diagnostics).extracting(Diagnostic::frame, Diagnostic::text).contains(
                org.assertj.core.groups.Tuple.tuple(gapAfter, "conn 0 10.0.0.1:40002>10.0.0.2:564: server to client: "
                        + MSS + " bytes missing between frames " + gapBefore + " and " + gapAfter
                        + " (not in the capture, though the peer acknowledged them); resynchronising"));
    }

    private static int indexOfFirstLargeMessage() {
        for (int i = 0; i < real.size(); i++) {
            if (real.get(i).bytes().length > 10 * MSS) {
                return i;
            }
        }
        throw new AssertionError("the sample has no large message");
    }

    @Test
    void tcpGivesAHoleUpWhenTheOutOfOrderLimitIsReachedAndSaysWhy() {
        TcpScript s = TcpScript.loopback(40003, 564).handshake();
        int victim = indexOfFirstLargeMessage();
        for (int i = 0; i < real.size(); i++) {
            Message m = real.get(i);
            List<byte[]> segments = s.segments(m.fromClient(), m.bytes(), MSS);
            s.frames.addAll(i == victim ? segments.subList(1, segments.size()) : segments);
        }
        TrackerLimits small = new TrackerLimits(100, 8 * MSS, 1 << 30, 1000, 16 << 20);

        RecordingSink sink = play(s.frames, 0, small);

        assertThat(sink.texts()).anyMatch(t -> t.contains(MSS + " bytes missing")
                && t.contains("given up: the out-of-order limit of one direction"));
        assertThat(sink.messages.size()).isEqualTo(real.size() - 1);
    }

    @Test
    void tcpFindsTheFirstMessageBoundaryWhenTheCaptureStartsMidStream() {
        TcpScript s = TcpScript.loopback(40004, 564);
        int first = indexOfFirstLargeMessage();
        for (int i = 0; i < real.size(); i++) {
            Message m = real.get(i);
            List<byte[]> segments = s.segments(m.fromClient(), m.bytes(), MSS);
            if (i >= first) {
                s.frames.addAll(i == first ? segments.subList(3, segments.size()) : segments);
            }
        }

        RecordingSink sink = play(s.frames);

        assertThat(contents(sink.messages)).isEqualTo(contents(real.subList(first + 1, real.size())));
        assertThat(sink.connections).containsExactly("10.0.0.1:40004>10.0.0.2:564");
        assertThat(sink.texts()).anyMatch(t -> t.contains("server to client: the capture starts inside the stream: skipped "
                + (real.get(first).bytes().length - 3 * MSS) + " bytes"));
    }

    @Test
    void tcpTakesTheSideSendingTMessagesAsClientWhenPortsAndHandshakeDoNotTell() {
        TcpScript s = TcpScript.loopback(564, 564);
        for (Message m : real.subList(0, 10)) {
            s.send(!m.fromClient(), m.bytes(), MSS); // the script's "server" sends the T-messages
        }

        RecordingSink sink = play(s.frames);

        assertThat(sink.connections).containsExactly("10.0.0.2:564>10.0.0.1:564");
        assertThat(sink.messages).allMatch(m -> m.fromClient() == (m.type() % 2 == 0));
        assertThat(sink.messages).hasSize(10);
    }

    @Test
    void tcpRecognisesNinePMidStreamOnAnotherPortByARunOfHeaders() {
        TcpScript s = TcpScript.loopback(40005, 7777);
        for (Message m : real.subList(2, real.size())) {
            s.send(m.fromClient(), m.bytes(), MSS);
        }

        RecordingSink sink = play(s.frames);

        assertThat(contents(sink.messages.stream().sorted(Comparator.comparingLong(Message::frame)).toList()))
                .isEqualTo(contents(real.subList(2, real.size())));
        assertThat(sink.texts()).contains(
                "10.0.0.1:40005>10.0.0.2:7777: 9P recognised on port 7777 by a run of well-formed 9P headers");
    }

    @Test
    void tcpLeavesOtherProtocolsOnOtherPortsAlone() {
        TcpScript s = TcpScript.loopback(40006, 8080).handshake();
        s.send(true, "GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), MSS);
        byte[] body = new byte[200_000];
        new Random(9).nextBytes(body);
        s.send(false, body, MSS).fin(false).fin(true);

        RecordingSink sink = play(s.frames);

        assertThat(sink.connections).isEmpty();
        assertThat(sink.messages).isEmpty();
        // One note, not an error: what the capture held instead, and how to decode a port as 9P.
        assertThat(sink.diagnostics).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(io.lookaside.capture.Diagnostic.Severity.INFO);
            assertThat(d.text()).startsWith("TCP connections that are not 9P: port 8080 (1 connection, usually HTTP)")
                    .contains("--port PORT");
        });
    }

    @Test
    void tcpDecodesThePortTheUserForcesFromTheFirstByte() {
        TcpScript s = TcpScript.loopback(40007, 9999).handshake();
        for (Message m : real.subList(4, 10)) {
            s.send(m.fromClient(), m.bytes(), MSS);
        }

        RecordingSink sink = play(s.frames, 9999, TrackerLimits.DEFAULT);

        assertThat(contents(sink.messages)).isEqualTo(contents(real.subList(4, 10)));
    }

    @Test
    void tcpStartsANewConnectionWhenASynReusesTheSamePorts() {
        TcpScript s = TcpScript.loopback(40008, 564).handshake();
        for (Message m : real.subList(0, 6)) {
            s.send(m.fromClient(), m.bytes(), MSS);
        }
        s.fin(true).fin(false).ack(true);
        s.seq[0] += 100_000;
        s.seq[1] += 300_000;
        s.handshake();
        for (Message m : real.subList(0, 6)) {
            s.send(m.fromClient(), m.bytes(), MSS);
        }

        RecordingSink sink = play(s.frames);

        assertThat(sink.connections).containsExactly("10.0.0.1:40008>10.0.0.2:564", "10.0.0.1:40008>10.0.0.2:564");
        assertThat(sink.messages).extracting(Message::conn).containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1);
    }

    @Test
    void tcpTellsTheUserWhenMoreFlowsAreOpenThanTheLimit() {
        List<byte[]> frames = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            TcpScript s = TcpScript.loopback(41000 + c, 564).handshake();
            s.send(true, real.get(0).bytes(), MSS);
            frames.addAll(s.frames);
        }

        RecordingSink sink = play(frames, 0, new TrackerLimits(2, 1 << 20, 1 << 24, 100, 16 << 20));

        assertThat(sink.connections).hasSize(2);
        assertThat(sink.texts()).containsExactly(
                "4 packets of new flows were ignored because 2 flows were open at once, from frame 9");
    }

    @Test
    void vsockDecodesTheStreamAndNamesTheConnectionByCidAndPort() {
        List<byte[]> frames = new ArrayList<>();
        frames.add(Frames.vsock(3, 1023, 2, 564, 1, 1, 0, new byte[0]));
        frames.add(Frames.vsock(2, 564, 3, 1023, 1, 2, 0, new byte[0]));
        for (Message m : real.subList(0, 8)) {
            frames.add(m.fromClient() ? Frames.vsock(3, 1023, 2, 564, 4, 5, 0, m.bytes())
                    : Frames.vsock(2, 564, 3, 1023, 4, 5, 0, m.bytes()));
            frames.add(Frames.vsock(2, 564, 3, 1023, 3, 6, 0, new byte[0]));
        }
        frames.add(Frames.vsock(3, 1023, 2, 564, 2, 4, 3, new byte[0]));
        RecordingSink sink = new RecordingSink();
        FlowTracker t = new FlowTracker(sink, 0, TrackerLimits.DEFAULT);
        Packet p = new Packet();
        long frame = 1;
        for (byte[] f : frames) {
            assertThat(PacketParser.parse(f, f.length, LinkType.VSOCK, p)).isEqualTo(PacketParser.VSOCK);
            t.vsock(p, f, frame++, 0);
        }
        t.finish();

        assertThat(sink.connections).containsExactly("3:1023>2:564");
        assertThat(contents(sink.messages)).isEqualTo(contents(real.subList(0, 8)));
        assertThat(sink.messages).extracting(Message::frame).containsExactly(3L, 5L, 7L, 9L, 11L, 13L, 15L, 17L);
        assertThat(sink.diagnostics).isEmpty();
    }

    /**
     * Random segments on port 564, in both directions: sequence numbers around the expected
     * ones, random flags, and payloads that are pieces of real messages, random bytes or 9P-like
     * headers with wild sizes. The tracker never throws and every message it delivers is whole
     * by its own size field. (Seeded, not a Jazzer target: Jazzer's agent, once loaded, writes
     * to System.err in every later test.)
     */
    @Test
    void tcpNeverThrowsOnRandomSegments() {
        Random random = new Random(77);
        TrackerLimits small = new TrackerLimits(4, 16 << 10, 64 << 10, 16, 1 << 20);
        int delivered = 0;
        for (int run = 0; run < 300; run++) {
            TcpScript s = TcpScript.loopback(40100 + run % 3, 564);
            if (random.nextBoolean()) {
                s.handshake();
            }
            for (int i = 0; i < 60; i++) {
                boolean fromClient = random.nextBoolean();
                int side = fromClient ? 0 : 1;
                byte[] payload = switch (random.nextInt(3)) {
                    case 0 -> {
                        byte[] m = real.get(random.nextInt(real.size())).bytes();
                        int from = random.nextInt(m.length);
                        yield java.util.Arrays.copyOfRange(m, from, Math.min(m.length, from + 1 + random.nextInt(3000)));
                    }
                    case 1 -> io.lookaside.wire.Wire.le().u32(random.nextInt(5) == 0 ? 0xFFFF_FFFFL : random.nextInt(70_000))
                            .u8(random.nextInt(256)).u16(random.nextInt(65536)).zeros(random.nextInt(40)).bytes();
                    default -> {
                        byte[] b = new byte[random.nextInt(1500)];
                        random.nextBytes(b);
                        yield b;
                    }
                };
                int seq = s.seq[side] + (random.nextInt(4) == 0 ? random.nextInt(140_000) - 70_000 : 0);
                s.frames.add(s.frame(fromClient, seq, random.nextInt(0x20), payload));
                if (random.nextInt(5) > 0) {
                    s.seq[side] += payload.length;
                }
            }

            RecordingSink sink = play(s.frames, 0, small);

            assertThat(sink.messages).allMatch(m -> m.bytes().length >= 7 && m.u32(0) == m.bytes().length);
            delivered += sink.messages.size();
        }
        assertThat(delivered).isPositive();
    }
}
