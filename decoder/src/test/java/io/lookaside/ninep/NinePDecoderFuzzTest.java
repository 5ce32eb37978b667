package io.lookaside.ninep;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.lookaside.FuzzInput;
import io.lookaside.wire.RecordChecks;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link NinePDecoder}: any bytes, under any dialect, give a record
 * and never an exception. Input: {@code dialect[1]} then one message. The message is decoded
 * as given and, so that the fuzzer explores the bodies rather than the size check, once more
 * with its size field set to its length.
 *
 * <p>Seeds: real messages of every type from the 9P samples, in
 * {@code NinePDecoderFuzzTestInputs/decodeGivesARecord/}. A build replays them and any stored
 * finding; {@code -Dfuzz.seconds=N} fuzzes (docs/hostile-input.md).
 */
class NinePDecoderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void decodeGivesARecord(byte[] input) {
        FuzzInput in = new FuzzInput(input);
        Dialect dialect = Dialect.values()[in.u8() % Dialect.values().length];
        byte[] msg = in.rest();

        RecordChecks.check(NinePDecoder.decode(ByteBuffer.wrap(msg), dialect), msg.length);
        if (msg.length >= 4) {
            ByteBuffer.wrap(msg).order(ByteOrder.LITTLE_ENDIAN).putInt(0, msg.length);
            RecordChecks.check(NinePDecoder.decode(ByteBuffer.wrap(msg), dialect), msg.length);
            // at a position other than 0, as the session's chunked store hands messages over
            byte[] shifted = new byte[msg.length + 3];
            System.arraycopy(msg, 0, shifted, 3, msg.length);
            RecordChecks.check(NinePDecoder.decode(ByteBuffer.wrap(shifted, 3, msg.length).slice(), dialect), msg.length);
            RecordChecks.check(NinePDecoder.decode(ByteBuffer.wrap(shifted, 3, msg.length), dialect), msg.length);
        }
    }
}
