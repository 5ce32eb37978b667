package io.lookaside.whatif;

import static io.lookaside.whatif.FuseCapture.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.fuse.FuseOpcode;
import io.lookaside.wire.Wire;
import org.junit.jupiter.api.Test;

class ScatterGatherDirectIoTest {
    private static final long NODE = 9;
    private static final long FH = 3;
    private static final long O_DIRECT = 040000;
    private final ScatterGatherDirectIo model = new ScatterGatherDirectIo();

    /** Four 4 KiB reads at contiguous offsets, all sent before the first answer (issued together). */
    private static int[] readsTogether(FuseCapture c, long fileFlags) {
        int[] r = new int[4];
        for (int k = 0; k < 4; k++) {
            r[k] = c.request(FuseOpcode.READ, NODE, FuseCapture.readIn(FH, k * 4096L, 4096, fileFlags));
        }
        for (int k = 0; k < 4; k++) {
            c.reply(r[k], 0, Wire.le().zeros(4096));
        }
        return r;
    }

    @Test
    void simulateSmallDirectReadsInFlightTogetherMerge() {
        FuseCapture c = new FuseCapture().init(1L << 5, 131072, 32);
        int[] r = readsTogether(c, O_DIRECT);
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated())
                .isEqualTo(bits(r[1], r[1] + 4, r[2], r[2] + 4, r[3], r[3] + 4));
    }

    @Test
    void simulateHandleOpenedWithDirectIoCounts() {
        FuseCapture c = new FuseCapture().init(1L << 5, 131072, 32);
        c.open(NODE, 0, FH, 1);
        readsTogether(c, 0);
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated().cardinality()).isEqualTo(6);
    }

    @Test
    void simulateBufferedOrOneAfterAnotherReadsStay() {
        FuseCapture buffered = new FuseCapture().init(1L << 5, 131072, 32);
        readsTogether(buffered, 0);
        FuseCapture sequential = new FuseCapture().init(1L << 5, 131072, 32);
        for (int k = 0; k < 4; k++) {
            sequential.call(FuseOpcode.READ, NODE, FuseCapture.readIn(FH, k * 4096L, 4096, O_DIRECT), 0,
                    Wire.le().zeros(4096));
        }
        assertThat(model.simulate(buffered.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
        assertThat(model.simulate(sequential.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }
}
