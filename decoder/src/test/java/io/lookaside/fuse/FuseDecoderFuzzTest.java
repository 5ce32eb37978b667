package io.lookaside.fuse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.lookaside.FuzzInput;
import io.lookaside.wire.RecordChecks;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link FuseDecoder}: requests, replies (to any opcode, and to
 * GETXATTR/LISTXATTR requests of any size), notifications and header-only messages, under
 * contexts of several minor versions, both byte orders and with or without SETXATTR_EXT, give
 * a record and never an exception.
 *
 * <pre>
 * input: kind[1] context[1] opcode[2] size[4] message
 * kind:  (value mod 6) 0 request, 1 reply to opcode, 2 reply to a GETXATTR (opcode even) or
 *        LISTXATTR (odd) request of size, 3 notification, 4 header-only request (ids known when
 *        opcode is even), 5 header-only reply
 * context: bits 0-3 the minor version (see MINORS), bit 6 SETXATTR_EXT agreed, bit 7 big-endian
 * </pre>
 * Seeds: real messages of the FUSE samples, both byte orders (io.lookaside.FuzzSeeds).
 */
class FuseDecoderFuzzTest {
    /** Minor versions where struct layouts change (linux/fuse.h history), and unknown. */
    static final int[] MINORS = {FuseContext.UNKNOWN_VERSION, 0, 4, 5, 8, 9, 12, 18, 23, 28, 31, 34, 36, 38, 40, 45};

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void decodeGivesARecord(byte[] input) {
        FuzzInput in = new FuzzInput(input);
        int kind = in.u8() % 6;
        int context = in.u8();
        int opcode = in.u16();
        long size = in.u32() & 0xFFFF_FFFFL;
        byte[] msg = in.rest();
        int minor = MINORS[context & 15];
        FuseContext ctx = new FuseContext(minor == FuseContext.UNKNOWN_VERSION ? minor : 7, minor,
                (context & 0x80) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                (context & 0x40) != 0 ? FuseFlags.SETXATTR_EXT : 0);
        ByteBuffer b = ByteBuffer.wrap(msg);

        FuseMessage m = switch (kind) {
            case 0 -> FuseDecoder.decodeRequest(b, ctx);
            case 1 -> FuseDecoder.decodeReply(b, opcode == 0xFFFF ? -1 : opcode, ctx);
            case 2 -> FuseDecoder.decodeReply(b, xattrRequest((opcode & 1) == 0, size), ctx);
            case 3 -> FuseDecoder.decodeNotify(b, ctx);
            case 4 -> FuseDecoder.decodeRequestHeader(b, ctx, (opcode & 1) == 0);
            default -> FuseDecoder.decodeReplyHeader(b, opcode, ctx);
        };

        RecordChecks.check(m, msg.length);
        FuseDecoder.orderOf(b);
    }

    private static FuseRequest xattrRequest(boolean get, long size) {
        InHeader h = new InHeader(get ? FuseOpcode.GETXATTR : FuseOpcode.LISTXATTR, 2, 1, 0, 0, 0, 48, 0, List.of());
        return get ? new FuseRequest.Getxattr(h, size, "user.x") : new FuseRequest.Listxattr(h, size);
    }
}
