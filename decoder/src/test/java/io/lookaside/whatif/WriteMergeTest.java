package io.lookaside.whatif;

import static io.lookaside.whatif.FuseCapture.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.fuse.FuseOpcode;
import io.lookaside.session.Session;
import io.lookaside.wire.Wire;
import org.junit.jupiter.api.Test;

class WriteMergeTest {
    private static final long NODE = 9;
    private static final long FH = 3;
    private static final long BIG_WRITES = 1L << 5;
    private static final long WRITEBACK_CACHE = 1L << 16;
    private final WriteMerge model = new WriteMerge();

    @Test
    void simulateContiguousRunBecomesCeilOfBytesOverLimit() {
        // max_write 128 KiB, 32 pages: 8 × 64 KiB → 4 WRITEs
        FuseCapture c = new FuseCapture().init(BIG_WRITES, 131072, 32);
        int[] w = new int[8];
        for (int k = 0; k < 8; k++) {
            w[k] = c.write(NODE, FH, k * 65536L, 65536);
        }
        c.flush(NODE, FH);
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated())
                .isEqualTo(bits(w[4], w[4] + 1, w[5], w[5] + 1, w[6], w[6] + 1, w[7], w[7] + 1));
    }

    @Test
    void simulateMaxPagesBoundsTheLimitBelowMaxWrite() {
        // max_write 1 MiB but MAX_PAGES not agreed: 32 pages = 128 KiB; 64 × 4 KiB = 256 KiB → 2 WRITEs
        FuseCapture c = new FuseCapture().init(BIG_WRITES, 1 << 20, 256);
        for (int k = 0; k < 64; k++) {
            c.write(NODE, FH, k * 4096L, 4096);
        }
        Session s = c.session();
        assertThat(model.simulate(s, null, Windows.INFINITE).eliminated().cardinality()).isEqualTo(2 * 62);
        assertThat(model.remarks(s)).singleElement().asString().contains("up to 131072 bytes");
    }

    @Test
    void simulateGapFsyncAndWindowEndARun() {
        FuseCapture c = new FuseCapture().init(BIG_WRITES, 131072, 32);
        c.at(0).write(NODE, FH, 0, 10);
        c.write(NODE, FH, 100, 10);
        int merged = c.write(NODE, FH, 110, 10);
        c.call(FuseOpcode.FSYNC, NODE, Wire.le().u64(FH).u32(0).u32(0), 0, Wire.le());
        c.write(NODE, FH, 120, 10);
        int late = c.at(5_000_000_000L).write(NODE, FH, 130, 10);
        assertThat(model.simulate(c.session(), null, 1_000_000_000L).eliminated()).isEqualTo(bits(merged, merged + 1));
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated())
                .isEqualTo(bits(merged, merged + 1, late, late + 1));
    }

    @Test
    void simulateWritesFromThePageCacheOrDirectAreLeftAlone() {
        FuseCapture c = new FuseCapture().init(BIG_WRITES | WRITEBACK_CACHE, 131072, 32);
        c.write(NODE, FH, 0, 10, 1, 0100001);
        c.write(NODE, FH, 10, 10, 1, 0100001);
        c.write(NODE, FH + 1, 0, 10, 0, 0140001);
        c.write(NODE, FH + 1, 10, 10, 0, 0140001);
        Session s = c.session();
        assertThat(model.simulate(s, null, Windows.INFINITE).eliminated()).isEqualTo(bits());
        assertThat(model.remarks(s)).singleElement().asString().contains("WRITEBACK_CACHE is already agreed");
    }

    @Test
    void remarksSayWhenBigWritesWasNotAgreed() {
        FuseCapture c = new FuseCapture().init(0, 131072, 32);
        c.write(NODE, FH, 0, 10);
        assertThat(model.remarks(c.session())).singleElement().asString().contains("did not agree BIG_WRITES");
    }
}
