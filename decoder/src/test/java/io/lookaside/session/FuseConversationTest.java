package io.lookaside.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.MessageSink;
import io.lookaside.capture.Protocol;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.fuse.HeaderOnly;
import io.lookaside.wire.Wire;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Pairing by unique and the INIT negotiation of one FUSE connection (fs/fuse/dev.c). */
class FuseConversationTest {
    private final SessionBuilder b = new SessionBuilder("test");
    private long frame;

    FuseConversationTest() {
        b.connection(0, Protocol.FUSE, "pid 1 fd 3 (/dev/fuse)");
    }

    private void request(int opcode, long unique, long pid, Wire body) {
        byte[] body2 = body.bytes();
        byte[] m = Wire.le().u32(40 + body2.length).u32(opcode).u64(unique).u64(1).u32(0).u32(0).u32(pid).u32(0)
                .raw(body2).bytes();
        b.message(0, true, ++frame, frame * 1000, ByteBuffer.wrap(m), 0);
    }

    private void reply(long unique, int error, Wire body) {
        byte[] body2 = body.bytes();
        b.message(0, false, ++frame, frame * 1000,
                ByteBuffer.wrap(Wire.le().u32(16 + body2.length).u32(error).u64(unique).raw(body2).bytes()), 0);
    }

    private void init(int kernelMinor, int daemonMinor) {
        request(26, 2, 0, Wire.le().u32(7).u32(kernelMinor).u32(131072).u32(0));
        reply(2, 0, Wire.le().u32(7).u32(daemonMinor).u32(131072).u32(0).u16(12).u16(9).u32(131072));
    }

    @Test
    void acceptPairsRepliesByUniqueOutOfOrder() {
        request(1, 4, 100, Wire.le().cstr("a"));
        request(1, 6, 101, Wire.le().cstr("b"));
        reply(6, -2, Wire.le());
        reply(4, -2, Wire.le());
        Session s = b.build();
        assertThat(s.peer(0)).isEqualTo(3);
        assertThat(s.peer(1)).isEqualTo(2);
        assertThat(s.typeName(2)).isEqualTo("LOOKUP");
        assertThat(s.direction(2)).isEqualTo(Direction.REPLY);
        assertThat(s.rttNanos(2)).isEqualTo(1000);
        assertThat(s.requester(2)).isEqualTo(s.requester(1)).isNotEqualTo(s.requester(0));
    }

    @Test
    void acceptForgetExpectsNoReplyAndNotificationsStandAlone() {
        request(2, 8, 0, Wire.le().u64(1));
        request(42, 10, 0, Wire.le().u32(0).u32(0));
        reply(0, 2, Wire.le().u64(5).u64(0).u64(0));
        reply(12, 0, Wire.le());
        Session s = b.build();
        assertThat(s.hasFlag(0, Session.NO_REPLY_EXPECTED)).isTrue();
        assertThat(s.hasFlag(1, Session.NO_REPLY_EXPECTED)).isTrue();
        assertThat(s.direction(2)).isEqualTo(Direction.NOTIFY);
        assertThat(s.typeName(2)).isEqualTo("NOTIFY_INVAL_INODE");
        assertThat(s.hasFlag(3, Session.NO_REQUEST)).as("reply whose request was not captured").isTrue();
        assertThat(s.typeName(3)).isEqualTo("UNKNOWN");
        assertThat(s.message(3)).isInstanceOf(FuseReply.Unknown.class);
    }

    @Test
    void acceptInterruptPairsWithItsOwnReplyAndMarksTheVictim() {
        request(15, 20, 100, Wire.le().u64(1).u64(0).u32(4096).u32(0).u64(0).u32(0).u32(0));
        request(36, 21, 100, Wire.le().u64(20));
        reply(21, -11, Wire.le());
        reply(20, -4, Wire.le());
        Session s = b.build();
        assertThat(s.hasFlag(0, Session.INTERRUPTED)).isTrue();
        assertThat(s.peer(1)).isEqualTo(2);
        assertThat(s.peer(0)).isEqualTo(3);
        assertThat(s.diagnostics()).anyMatch(d -> d.text().contains("INTERRUPT of READ unique 20"));
    }

    @Test
    void acceptResentRequestIsFlaggedAndPairsWithItsReply() {
        request(1, 30, 100, Wire.le().cstr("a"));
        reply(0, 7, Wire.le());
        long resent = 30 | 1L << 63;
        request(1, resent, 100, Wire.le().cstr("a"));
        reply(resent, -2, Wire.le());
        Session s = b.build();
        assertThat(s.typeName(1)).isEqualTo("NOTIFY_RESEND");
        assertThat(s.hasFlag(2, Session.RESENT)).isTrue();
        assertThat(s.peer(2)).isEqualTo(3);
        assertThat(s.peer(0)).as("the first send is superseded").isEqualTo(-1);
    }

    @Test
    void acceptInitSetsTheDaemonsVersionAndOldStructSizes() {
        init(45, 11);
        // CREATE at 7.11 carries fuse_open_in{flags, mode}: 8 bytes, no umask
        request(35, 4, 100, Wire.le().u32(0x8241).u32(0100644).cstr("f"));
        Session s = b.build();
        assertThat(s.dialect(0)).isEqualTo("7.45");
        assertThat(s.dialect(1)).isEqualTo("7.11");
        assertThat(s.message(2)).isInstanceOf(FuseRequest.Create.class);
        FuseRequest.Create c = (FuseRequest.Create) s.message(2);
        assertThat(c.umask()).isNull();
        assertThat(c.name()).isEqualTo("f");
    }

    @Test
    void acceptBeforeInitHasUnknownVersion() {
        request(1, 4, 100, Wire.le().cstr("a"));
        assertThat(b.build().dialect(0)).isEqualTo("unknown");
    }

    @Test
    void decodeHeaderOnlyMessagesKeepOnlyWhatWasCaptured() {
        ByteBuffer in = ByteBuffer.wrap(Wire.le().u32(65).u32(22).u64(6).zeros(24).bytes());
        b.message(0, true, 1, 0, in, MessageSink.HEADER_ONLY | MessageSink.SYNTHETIC_HEADER);
        b.message(0, false, 2, 5, ByteBuffer.wrap(Wire.le().u32(16).u32(-61).u64(6).bytes()), MessageSink.HEADER_ONLY);
        Session s = b.build();
        assertThat(s.message(0)).isInstanceOf(HeaderOnly.Request.class);
        assertThat(((HeaderOnly.Request) s.message(0)).nodeid()).isNull();
        assertThat(s.message(1)).isInstanceOf(HeaderOnly.Reply.class);
        assertThat(((HeaderOnly.Reply) s.message(1)).header().errno()).isEqualTo("ENODATA");
        assertThat(s.typeName(1)).isEqualTo("GETXATTR");
        assertThat(s.requester(0)).isEqualTo(s.requester(1));
    }

    @Test
    void decodeXattrReplyOfEightBytesFollowsTheRequestSize() {
        request(22, 4, 100, Wire.le().u32(8).u32(0).cstr("user.x"));
        reply(4, 0, Wire.le().raw("abcdefgh".getBytes()));
        request(22, 6, 100, Wire.le().u32(0).u32(0).cstr("user.x"));
        reply(6, 0, Wire.le().u32(8).u32(0));
        Session s = b.build();
        assertThat(s.message(1)).isInstanceOf(FuseReply.Xattr.class);
        assertThat(s.message(3)).isInstanceOf(FuseReply.XattrSize.class);
    }
}
