package io.lookaside.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.lookaside.FuzzInput;
import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.MessageSink;
import io.lookaside.capture.Protocol;
import io.lookaside.capture.RecordingSink;
import io.lookaside.net.Frames;
import io.lookaside.net.LinkType;
import io.lookaside.net.Packet;
import io.lookaside.net.PacketParser;
import io.lookaside.net.Tcp;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of TCP (and vsock) reassembly and 9P framing: segment sequences
 * whose directions, sequence numbers, flags and payloads come from the fuzz input go through a
 * {@link FlowTracker}. Whatever arrives, nothing throws, every message delivered is whole by
 * its own size field and within the size bound, connection ids are dense, a message names a
 * frame already seen (segments held past a hole that never fills are delivered at the end in
 * their own, earlier frames: their bytes were captured there), and every byte held for
 * reassembly is given back.
 *
 * <pre>
 * input:   setup[1] segment*
 * setup:   bits 0-1 transport: 0 TCP to port 564, 1 TCP to port 5640 given as --port, 2 TCP to
 *          port 40000 (9P only if detected), 3 vsock to port 564; bit 2 a handshake first;
 *          bit 3 tight limits (2 flows, 16 KiB / 16 segments per direction, 48 KiB in all)
 * segment: head[1] [delta[2]] length[2] payload[length]
 * head:    bit 0 from the client, bit 1 second client port, bits 2-6 TCP flags FIN SYN RST PSH ACK
 *          (vsock: the virtio op, and SHUTDOWN's flags), bit 7 a delta[2] follows: the segment
 *          starts that many bytes (signed) from the next expected sequence number and does not
 *          advance it
 * </pre>
 * Seeds: the first segments of real 9P connections (io.lookaside.FuzzSeeds).
 */
class FlowTrackerFuzzTest {
    private static final int CLIENT = Frames.ip4(10, 0, 0, 1);
    private static final int SERVER = Frames.ip4(10, 0, 0, 2);
    private static final TrackerLimits TIGHT = new TrackerLimits(2, 16 << 10, 48 << 10, 16, 1 << 20);

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void segmentsGiveWholeMessages(byte[] input) {
        FuzzInput in = new FuzzInput(input);
        int setup = in.u8();
        int transport = setup & 3;
        int serverPort = switch (transport) {
            case 1 -> 5640;
            case 2 -> 40000;
            default -> FlowTracker.NINEP_PORT;
        };
        TrackerLimits limits = (setup & 8) != 0 ? TIGHT : TrackerLimits.DEFAULT;
        RecordingSink sink = new RecordingSink();
        long[] seen = new long[1];
        FlowTracker tracker = new FlowTracker(new MessageSink() {
            @Override
            public void connection(int conn, Protocol protocol, String id) {
                sink.connection(conn, protocol, id);
            }

            @Override
            public void message(int conn, boolean fromClient, long frame, long tsNanos, ByteBuffer bytes, int flags) {
                assertThat(frame).isBetween(1L, seen[0]);
                sink.message(conn, fromClient, frame, tsNanos, bytes, flags);
            }

            @Override
            public void diagnostic(Diagnostic diagnostic) {
                sink.diagnostic(diagnostic);
            }
        }, transport == 1 ? 5640 : 0, limits);
        Script script = new Script(tracker, transport == 3, serverPort, seen);
        if ((setup & 4) != 0 && transport != 3) {
            script.handshake(0);
        }
        while (in.remaining() > 0) {
            int head = in.u8();
            int delta = (head & 0x80) != 0 ? (short) in.u16() : 0;
            byte[] payload = in.bytes(in.u16());
            script.segment((head & 1) != 0, (head >> 1) & 1, (head >> 2) & 0x1F, (head & 0x80) != 0, delta, payload);
        }
        tracker.finish();

        for (RecordingSink.Message m : sink.messages) {
            assertThat(m.bytes().length).isBetween(7, limits.maxMessage());
            assertThat(m.u32(0)).isEqualTo(m.bytes().length);
        }
        assertThat(sink.protocols).allMatch(p -> p == Protocol.NINEP);
        for (Diagnostic d : sink.diagnostics) {
            assertThat(d.text()).isNotBlank().doesNotContain("\n");
        }
        assertThat(tracker.budget().held()).isZero();
    }

    /** Frames written as the fuzz input says, numbered from 1, fed to the tracker as they are made. */
    private static final class Script {
        private final FlowTracker tracker;
        private final boolean vsock;
        private final int serverPort;
        private final Packet packet = new Packet();
        /** [flow][side]: the next sequence number each side of each flow sends. */
        private final int[][] seq = {{0x1000_0000, 0x7000_0000}, {0x2000_0000, 0x6000_0000}};
        /** [0]: the last frame handed to the tracker. */
        private final long[] frame;

        Script(FlowTracker tracker, boolean vsock, int serverPort, long[] frame) {
            this.tracker = tracker;
            this.vsock = vsock;
            this.serverPort = serverPort;
            this.frame = frame;
        }

        void handshake(int flow) {
            segment(true, flow, Tcp.SYN, false, 0, new byte[0]);
            segment(false, flow, Tcp.SYN | Tcp.ACK, false, 0, new byte[0]);
            segment(true, flow, Tcp.ACK, false, 0, new byte[0]);
        }

        void segment(boolean fromClient, int flow, int flags, boolean explicit, int delta, byte[] payload) {
            int clientPort = 41000 + flow;
            int side = fromClient ? 0 : 1;
            byte[] f;
            int dlt;
            if (vsock) {
                int virtioOp = flags % 7;
                int vsockmonOp = switch (virtioOp) {
                    case 1 -> 1;
                    case 3 -> 2;
                    case 5 -> 4;
                    default -> 3;
                };
                f = fromClient ? Frames.vsock(3, clientPort, 2, serverPort, vsockmonOp, virtioOp, delta & 3, payload)
                        : Frames.vsock(2, serverPort, 3, clientPort, vsockmonOp, virtioOp, delta & 3, payload);
                dlt = LinkType.VSOCK;
            } else {
                int s = seq[flow][side] + delta;
                int ack = seq[flow][1 - side];
                byte[] tcp = fromClient ? Frames.tcp(clientPort, serverPort, s, ack, flags, payload)
                        : Frames.tcp(serverPort, clientPort, s, ack, flags, payload);
                f = Frames.ethernet(Frames.ETHERTYPE_IPV4,
                        fromClient ? Frames.ipv4(CLIENT, SERVER, tcp) : Frames.ipv4(SERVER, CLIENT, tcp));
                dlt = LinkType.EN10MB;
                if (!explicit) {
                    seq[flow][side] += payload.length + ((flags & Tcp.SYN) != 0 ? 1 : 0) + ((flags & Tcp.FIN) != 0 ? 1 : 0);
                }
            }
            long n = ++frame[0];
            int status = PacketParser.parse(f, f.length, dlt, packet);
            if (status == PacketParser.TCP) {
                tracker.tcp(packet, f, n, n * 1000);
            } else if (status == PacketParser.VSOCK) {
                tracker.vsock(packet, f, n, n * 1000);
            }
        }
    }
}
