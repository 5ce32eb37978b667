package io.lookaside.capture;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of QEMU v9fs trace logs (QemuTraceSource), also gzip-compressed,
 * loaded as a user's file is: see {@link FileFuzzing} for the input layout and what is checked.
 * Seeds: slices of a real log of the live test's guest (src/test/resources/qemu-trace), one
 * without the -msg timestamp=on prefix.
 */
class QemuTraceSourceFuzzTest {

    @FuzzTest(maxDuration = "10m")
    // A hang guard, not a speed bound: the first seed pays the warm-up of the whole load path (17 s seen on a
    // two-core machine at load average 20; 0.2 s in a full run).
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void loadGivesASessionOrARefusal(byte[] input) throws IOException {
        FileFuzzing.load(input, InputKind.QEMU_TRACE);
    }
}
