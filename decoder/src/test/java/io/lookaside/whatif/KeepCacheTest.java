package io.lookaside.whatif;

import static io.lookaside.whatif.FuseCapture.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class KeepCacheTest {
    private static final long NODE = 9;
    private static final long KEEP_CACHE = 2;
    private final KeepCache model = new KeepCache();

    /** open, read the whole 100-byte file (a short read shows the end), close. */
    private static int readWholeFile(FuseCapture c, long fopen, int got) {
        c.open(NODE, 0, 3, fopen);
        int read = c.read(NODE, 3, 0, 4096, got);
        c.release(NODE, 3);
        return read;
    }

    @Test
    void simulateRereadThroughALaterOpenIsEliminated() {
        FuseCapture c = new FuseCapture();
        readWholeFile(c, 0, 100);
        int again = readWholeFile(c, 0, 100);
        Outcome o = model.simulate(c.session(), null, Windows.INFINITE);
        assertThat(o.eliminated()).isEqualTo(bits(again, again + 1));
    }

    @Test
    void simulateWriteBetweenTheOpensInvalidates() {
        FuseCapture c = new FuseCapture();
        readWholeFile(c, 0, 100);
        c.open(NODE, 1, 4, 0);
        c.write(NODE, 4, 0, 10);
        c.release(NODE, 4);
        readWholeFile(c, 0, 100);
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateHandleThatAlreadyHadKeepCacheIsNotCounted() {
        FuseCapture c = new FuseCapture();
        readWholeFile(c, KEEP_CACHE, 100);
        readWholeFile(c, KEEP_CACHE, 100);
        Session s = c.session();
        assertThat(model.simulate(s, null, Windows.INFINITE).eliminated()).isEqualTo(bits());
        assertThat(model.remarks(s)).singleElement().asString().contains("KEEP_CACHE on 2 of 2 OPENs");
    }

    @Test
    void simulateRangeNotReadBeforeOrStillOpenIsNotCounted() {
        FuseCapture c = new FuseCapture();
        c.open(NODE, 0, 3, 0);
        c.read(NODE, 3, 0, 4096, 4096);
        c.read(NODE, 3, 0, 4096, 4096);
        c.release(NODE, 3);
        c.open(NODE, 0, 3, 0);
        c.read(NODE, 3, 4096, 4096, 4096);
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateAnotherLengthThanCachedIsStale() {
        FuseCapture c = new FuseCapture();
        readWholeFile(c, 0, 100);
        int grown = readWholeFile(c, 0, 150);
        Outcome o = model.simulate(c.session(), null, Windows.INFINITE);
        assertThat(o.stale()).isEqualTo(bits(grown));
        assertThat(o.eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateChangedSizeInAGetattrInvalidates() {
        FuseCapture c = new FuseCapture();
        c.getattr(NODE, 1, FuseCapture.attr(NODE, 100, 5, 5));
        readWholeFile(c, 0, 100);
        c.getattr(NODE, 1, FuseCapture.attr(NODE, 150, 6, 5));
        readWholeFile(c, 0, 150);
        Outcome o = model.simulate(c.session(), null, Windows.INFINITE);
        assertThat(o.eliminated()).isEqualTo(bits());
        assertThat(o.stale()).isEqualTo(bits());
    }
}
