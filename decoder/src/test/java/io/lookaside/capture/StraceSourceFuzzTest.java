package io.lookaside.capture;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of strace logs (StraceSource): string arguments, hex dumps, split calls, splice, also gzip-compressed, loaded as a user's file is: see
 * {@link FileFuzzing} for the input layout and what is checked. Seeds: slices of the real
 * samples (io.lookaside.FuzzSeeds).
 */
class StraceSourceFuzzTest {

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void loadGivesASessionOrARefusal(byte[] input) throws IOException {
        FileFuzzing.load(input, InputKind.STRACE);
    }
}
