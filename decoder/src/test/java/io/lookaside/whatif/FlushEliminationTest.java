package io.lookaside.whatif;

import static io.lookaside.whatif.FuseCapture.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.fuse.FuseOpcode;
import io.lookaside.wire.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlushEliminationTest {
    private static final long NODE = 9;
    private static final long FH = 3;
    private final FlushElimination model = new FlushElimination();

    @Test
    void simulateFlushOfAHandleThatWroteNothingIsEliminated() {
        FuseCapture c = new FuseCapture();
        c.open(NODE, 0, FH, 0);
        c.read(NODE, FH, 0, 4096, 10);
        int flush = c.flush(NODE, FH);
        c.release(NODE, FH);
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits(flush, flush + 1));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            WRITE
            SETLK
            """)
    void simulateFlushAfterAWriteOrALockIsKept(FuseOpcode op) {
        FuseCapture c = new FuseCapture();
        c.open(NODE, 1, FH, 0);
        if (op == FuseOpcode.WRITE) {
            c.write(NODE, FH, 0, 10);
        } else {
            c.call(op, NODE, Wire.le().u64(FH).u64(1).u64(0).u64(0).u32(1).u32(100).u32(0).u32(0), 0, Wire.le());
        }
        c.flush(NODE, FH);
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateWriteThroughAnotherHandleOfTheFileKeepsTheFlush() {
        FuseCapture c = new FuseCapture();
        c.open(NODE, 0, FH, 0);
        c.open(NODE, 1, FH + 1, 0);
        c.write(NODE, FH + 1, 0, 10);
        c.flush(NODE, FH);
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # reply error, eliminated
            0, 2
            -38, 2
            -5, 0
            """)
    void simulateOnlyFlushesWithNothingToReport(int error, int eliminated) {
        FuseCapture c = new FuseCapture();
        c.open(NODE, 0, FH, 0);
        c.call(FuseOpcode.FLUSH, NODE, Wire.le().u64(FH).u32(0).u32(0).u64(0), error, Wire.le());
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated().cardinality()).isEqualTo(eliminated);
    }

    @Test
    void simulateHandleOpenedBeforeTheCaptureIsKept() {
        FuseCapture c = new FuseCapture();
        c.flush(NODE, FH);
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }
}
