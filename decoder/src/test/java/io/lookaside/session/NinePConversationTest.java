package io.lookaside.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Allocation;
import io.lookaside.capture.Protocol;
import io.lookaside.wire.Wire;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Tag correlation of 9P connections (intro(5), flush(5), version(5)), and what a connection costs. */
class NinePConversationTest {
    private static final int TVERSION = 100;
    private static final int RVERSION = 101;
    private static final int TFLUSH = 108;
    private static final int RFLUSH = 109;
    private static final int TCLUNK = 120;
    private static final int RCLUNK = 121;
    private static final int RLERROR = 7;

    private final SessionBuilder b = new SessionBuilder("test");
    private long frame;

    NinePConversationTest() {
        b.connection(0, Protocol.NINEP, "10.0.0.1:41000>10.0.0.2:564");
    }

    private void send(int conn, int type, int tag, Wire body) {
        byte[] m = Wire.le().u32(7 + body.length()).u8(type).u16(tag).raw(body).bytes();
        b.message(conn, (type & 1) == 0, ++frame, frame * 1000, ByteBuffer.wrap(m), 0);
    }

    private void send(int type, int tag, Wire body) {
        send(0, type, tag, body);
    }

    @Test
    void acceptPairsRepliesByTagOutOfOrder() {
        send(TCLUNK, 1, Wire.le().u32(10));
        send(TCLUNK, 2, Wire.le().u32(11));
        send(RCLUNK, 2, Wire.le());
        send(RLERROR, 1, Wire.le().u32(9));
        Session s = b.build();

        assertThat(s.peer(0)).isEqualTo(3);
        assertThat(s.peer(1)).isEqualTo(2);
        assertThat(s.rttNanos(3)).isEqualTo(3000);
    }

    @Test
    void acceptFlagsAReplyWithoutRequestAndAReusedTag() {
        send(RCLUNK, 5, Wire.le());
        send(TCLUNK, 6, Wire.le().u32(10));
        send(TCLUNK, 6, Wire.le().u32(11));
        send(RCLUNK, 6, Wire.le());
        Session s = b.build();

        assertThat(s.hasFlag(0, Session.NO_REQUEST)).isTrue();
        assertThat(s.peer(3)).as("the reply answers the latest request of the tag").isEqualTo(2);
        assertThat(s.peer(1)).isEqualTo(-1);
        assertThat(s.diagnostics()).extracting(d -> d.text()).anyMatch(t -> t.contains("tag 6 reused"));
    }

    @Test
    void acceptMarksARequestFlushedWhenRflushComesFirst() {
        send(TCLUNK, 1, Wire.le().u32(10));
        send(TFLUSH, 2, Wire.le().u16(1));
        send(RFLUSH, 2, Wire.le());
        send(RCLUNK, 1, Wire.le());
        Session s = b.build();

        assertThat(s.hasFlag(0, Session.FLUSHED)).isTrue();
        assertThat(s.peer(0)).isEqualTo(-1);
        assertThat(s.peer(1)).isEqualTo(2);
        assertThat(s.hasFlag(3, Session.NO_REQUEST)).as("flush(5): the original reply, if any, comes unpaired").isTrue();
    }

    @Test
    void acceptLeavesARequestAnsweredBeforeItsRflushUnflushed() {
        send(TCLUNK, 1, Wire.le().u32(10));
        send(TFLUSH, 2, Wire.le().u16(1));
        send(RCLUNK, 1, Wire.le());
        send(RFLUSH, 2, Wire.le());
        Session s = b.build();

        assertThat(s.hasFlag(0, Session.FLUSHED)).isFalse();
        assertThat(s.peer(0)).isEqualTo(2);
        assertThat(s.peer(1)).isEqualTo(3);
    }

    @Test
    void acceptAbandonsOutstandingRequestsOnTversion() {
        send(TCLUNK, 1, Wire.le().u32(10));
        send(TVERSION, 0xFFFF, Wire.le().u32(8192).str("9P2000.L"));
        send(RVERSION, 0xFFFF, Wire.le().u32(8192).str("9P2000.L"));
        send(RCLUNK, 1, Wire.le());
        Session s = b.build();

        assertThat(s.peer(1)).isEqualTo(2);
        assertThat(s.hasFlag(3, Session.NO_REQUEST)).isTrue();
    }

    @Test
    void acceptManyTagsOutstandingPairsEveryOne() {
        for (int tag = 0; tag < 1000; tag++) {
            send(TCLUNK, tag, Wire.le().u32(tag));
        }
        for (int tag = 999; tag >= 0; tag--) {
            send(RCLUNK, tag, Wire.le());
        }
        Session s = b.build();

        for (int tag = 0; tag < 1000; tag++) {
            assertThat(s.peer(tag)).isEqualTo(1999 - tag);
        }
    }

    @Test
    void connectionCostsLittleWhateverTheTagSpace() {
        int connections = 100_000;
        byte[] tclunk = Wire.le().u32(11).u8(TCLUNK).u16(7).u32(1).bytes();
        SessionBuilder many = new SessionBuilder("many");

        long allocated = Allocation.of(() -> {
            for (int c = 0; c < connections; c++) {
                many.connection(c, Protocol.NINEP, "conn " + c);
                many.message(c, true, c + 1, c, ByteBuffer.wrap(tclunk), 0);
            }
        });

        assertThat(allocated / connections).as("bytes allocated per 9P connection with one message").isLessThan(2048);
    }
}
