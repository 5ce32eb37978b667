package io.lookaside.whatif;

import static io.lookaside.whatif.FuseCapture.attr;
import static io.lookaside.whatif.FuseCapture.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.fuse.FuseNotifyCode;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.session.Session;
import io.lookaside.wire.Wire;
import org.junit.jupiter.api.Test;

class FuseAttrTimeoutTest {
    private static final long NODE = 9;
    private final FuseAttrTimeout model = new FuseAttrTimeout();

    @Test
    void simulateIdenticalAttributesAreEliminated() {
        FuseCapture c = new FuseCapture();
        c.getattr(NODE, 0, attr(NODE));
        int again = c.getattr(NODE, 0, attr(NODE));
        Outcome o = model.simulate(c.session(), null, Windows.INFINITE);
        assertThat(o.eliminated()).isEqualTo(bits(again, again + 1));
    }

    @Test
    void simulateEntryAttributesFillTheCache() {
        FuseCapture c = new FuseCapture();
        c.lookup(1, "f", NODE, 0, attr(NODE));
        int stat = c.getattr(NODE, 0, attr(NODE));
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits(stat, stat + 1));
    }

    @Test
    void simulateChangedAttributesWithoutALocalCauseAreStale() {
        FuseCapture c = new FuseCapture();
        c.getattr(NODE, 0, attr(NODE, 100, 1_700_000_000L, 1_700_000_000L));
        int changed = c.getattr(NODE, 0, attr(NODE, 200, 1_700_000_005L, 1_700_000_000L));
        Outcome o = model.simulate(c.session(), null, Windows.INFINITE);
        assertThat(o.stale()).isEqualTo(bits(changed));
        assertThat(o.eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateWriteSetattrAndInvalInodeInvalidate() {
        FuseCapture c = new FuseCapture();
        c.getattr(NODE, 0, attr(NODE));
        c.write(NODE, 3, 0, 10);
        c.getattr(NODE, 0, attr(NODE));
        c.notify(FuseNotifyCode.INVAL_INODE, Wire.le().u64(NODE).u64(-1).u64(0));
        c.getattr(NODE, 0, attr(NODE));
        c.call(FuseOpcode.SETATTR, NODE, Wire.le().u32(1).u32(0).zeros(80), 0,
                Wire.le().u64(0).u32(0).u32(0).raw(attr(NODE, 100, 1, 1)));
        int afterSetattr = c.getattr(NODE, 0, attr(NODE, 100, 1, 1));
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated())
                .as("SETATTR's own reply refills the cache").isEqualTo(bits(afterSetattr, afterSetattr + 1));
    }

    @Test
    void simulateReadMovesAtimeSoTheKernelAsksAgain() {
        FuseCapture c = new FuseCapture();
        c.getattr(NODE, 0, attr(NODE, 100, 1_700_000_000L, 1_700_000_000L));
        c.read(NODE, 3, 0, 4096, 100);
        c.getattr(NODE, 0, attr(NODE, 100, 1_700_000_000L, 1_700_000_009L));
        Session s = c.session();
        assertThat(model.simulate(s, null, Windows.INFINITE).eliminated()).isEqualTo(bits());
        assertThat(model.remarks(s)).singleElement().asString().startsWith("1 more GETATTR/STATX");
    }

    @Test
    void simulateKernelThatAskedAlthoughItsAttributesWereValidIsOnlyTheBaseline() {
        FuseCapture c = new FuseCapture();
        c.getattr(NODE, 10, attr(NODE));
        int ignored = c.getattr(NODE, 10, attr(NODE));
        Session s = c.session();
        assertThat(model.simulate(s, null, Windows.INFINITE).eliminated()).isEqualTo(bits());
        assertThat(model.simulate(s, null, Windows.AS_ANSWERED).eliminated()).isEqualTo(bits(ignored, ignored + 1));
    }

    @Test
    void simulateUnlinkInvalidatesTheDirectoryAndTheChild() {
        FuseCapture c = new FuseCapture();
        c.lookup(1, "f", NODE, 0, attr(NODE));
        c.getattr(1, 0, attr(1));
        c.call(FuseOpcode.UNLINK, 1, Wire.le().cstr("f"), 0, Wire.le());
        c.getattr(1, 0, attr(1));
        c.getattr(NODE, 0, attr(NODE));
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }
}
