package io.lookaside.whatif;

import static io.lookaside.whatif.FuseCapture.attr;
import static io.lookaside.whatif.FuseCapture.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.fuse.FuseNotifyCode;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.session.Session;
import io.lookaside.wire.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FuseEntryTimeoutTest {
    private static final long DIR = 5;
    private final FuseEntryTimeout model = new FuseEntryTimeout();

    @Test
    void simulateRevalidationFindingTheSameNodeIsEliminated() {
        FuseCapture c = new FuseCapture();
        c.lookup(DIR, "a", 9, 0, attr(9));
        int again = c.lookup(DIR, "a", 9, 0, attr(9));
        Outcome o = model.simulate(c.session(), null, Windows.INFINITE);
        assertThat(o.eliminated()).isEqualTo(bits(again, again + 1));
        assertThat(o.stale()).isEqualTo(bits());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # window ns, revalidation after ns, saved messages
            1000000000, 500000000, 2
            1000000000, 2000000000, 0
            0, 500000000, 0
            """)
    void simulateHonoursTheWindow(long window, long after, int saved) {
        FuseCapture c = new FuseCapture();
        c.at(0).lookup(DIR, "a", 9, 0, attr(9));
        c.at(after).lookup(DIR, "a", 9, 0, attr(9));
        assertThat(model.simulate(c.session(), null, window).eliminated().cardinality()).isEqualTo(saved);
    }

    @Test
    void simulateAnotherNodeUnderTheNameIsStale() {
        FuseCapture c = new FuseCapture();
        c.lookup(DIR, "a", 9, 0, attr(9));
        int replaced = c.lookup(DIR, "a", 10, 0, attr(10));
        int gone = c.lookupMissing(DIR, "a");
        Outcome o = model.simulate(c.session(), null, Windows.INFINITE);
        assertThat(o.stale()).isEqualTo(bits(replaced, gone));
        assertThat(o.eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateKernelThatAskedAlthoughItsEntryWasValidIsOnlyTheBaseline() {
        FuseCapture c = new FuseCapture();
        c.at(0).lookup(DIR, "a", 9, 10, attr(9));
        int ignored = c.at(1_000_000_000L).lookup(DIR, "a", 9, 10, attr(9));
        Session s = c.session();
        assertThat(model.simulate(s, null, Windows.INFINITE).eliminated()).isEqualTo(bits());
        assertThat(model.simulate(s, null, Windows.AS_ANSWERED).eliminated()).isEqualTo(bits(ignored, ignored + 1));
        assertThat(model.remarks(s)).singleElement().asString().contains("1 revalidating LOOKUPs");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            UNLINK
            RMDIR
            RENAME
            """)
    void simulateRemovingTheNameInvalidates(FuseOpcode op) {
        FuseCapture c = new FuseCapture();
        c.lookup(DIR, "a", 9, 0, attr(9));
        Wire body = op == FuseOpcode.RENAME ? Wire.le().u64(DIR).cstr("a").cstr("b") : Wire.le().cstr("a");
        c.call(op, DIR, body, 0, Wire.le());
        c.lookup(DIR, "a", 9, 0, attr(9));
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateForgettingTheNodeOrANotificationInvalidates() {
        FuseCapture c = new FuseCapture();
        c.lookup(DIR, "a", 9, 0, attr(9));
        c.request(FuseOpcode.FORGET, 9, Wire.le().u64(1));
        c.lookup(DIR, "a", 9, 0, attr(9));
        c.notify(FuseNotifyCode.DELETE, Wire.le().u64(DIR).u64(9).u32(1).u32(0).cstr("a"));
        c.lookup(DIR, "a", 9, 0, attr(9));
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateReaddirplusEntriesAndCreationsFillTheCache() {
        FuseCapture c = new FuseCapture();
        Wire plus = FuseCapture.entry(9, 0, 0, attr(9)).u64(9).u64(1).u32(1).u32(8).raw("a".getBytes()).zeros(7);
        c.call(FuseOpcode.READDIRPLUS, DIR, FuseCapture.readIn(1, 0, 4096, 0), 0, plus);
        int afterListing = c.lookup(DIR, "a", 9, 0, attr(9));
        c.call(FuseOpcode.MKDIR, DIR, Wire.le().u32(040755).u32(0).cstr("d"), 0, FuseCapture.entry(11, 0, 0, attr(11)));
        int afterMkdir = c.lookup(DIR, "d", 11, 0, attr(11));
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated())
                .isEqualTo(bits(afterListing, afterListing + 1, afterMkdir, afterMkdir + 1));
    }
}
