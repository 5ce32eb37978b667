package io.lookaside.whatif;

import static io.lookaside.whatif.FuseCapture.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.MessageSink;
import io.lookaside.fuse.FuseNotifyCode;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.session.Session;
import io.lookaside.wire.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FuseNegativeEntryTest {
    private static final long DIR = 5;
    private final FuseNegativeEntry model = new FuseNegativeEntry();

    @Test
    void simulateRepeatOfFailedLookupIsEliminatedWithItsReply() {
        FuseCapture c = new FuseCapture();
        c.lookupMissing(DIR, "bits");
        int repeat = c.lookupMissing(DIR, "bits");
        c.lookupMissing(DIR, "other");
        Outcome o = model.simulate(c.session(), null, Windows.INFINITE);
        assertThat(o.eliminated()).isEqualTo(bits(repeat, repeat + 1));
        assertThat(o.stale()).isEqualTo(bits());
    }

    @Test
    void simulateSameNameInAnotherDirectoryIsAnotherKey() {
        FuseCapture c = new FuseCapture();
        c.lookupMissing(DIR, "bits");
        c.lookupMissing(DIR + 1, "bits");
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # window ns, repeat after ns, saved
            1000000000, 500000000, 2
            1000000000, 1500000000, 0
            0, 500000000, 0
            -1, 500000000, 0
            9223372036854775807, 900000000000, 2
            """)
    void simulateHonoursTheWindow(long window, long after, int eliminated) {
        FuseCapture c = new FuseCapture();
        c.at(0).lookupMissing(DIR, "bits");
        c.at(after).lookupMissing(DIR, "bits");
        assertThat(model.simulate(c.session(), null, window).eliminated().cardinality()).isEqualTo(eliminated);
    }

    @Test
    void simulateExpiryCountsFromTheLastAnswerTheDaemonGave() {
        // window 1 s: hit at 0.6 s (not sent, refreshes nothing), miss at 1.2 s, hit at 2.0 s
        FuseCapture c = new FuseCapture();
        c.at(0).lookupMissing(DIR, "x");
        int first = c.at(600_000_000L).lookupMissing(DIR, "x");
        c.at(1_200_000_000L).lookupMissing(DIR, "x");
        int third = c.at(2_000_000_000L).lookupMissing(DIR, "x");
        Outcome o = model.simulate(c.session(), null, 1_000_000_000L);
        assertThat(o.eliminated()).isEqualTo(bits(first, first + 1, third, third + 1));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            CREATE
            MKNOD
            MKDIR
            SYMLINK
            LINK
            RENAME
            """)
    void simulateCreationOfTheNameInvalidates(FuseOpcode op) {
        FuseCapture c = new FuseCapture();
        c.lookupMissing(DIR, "f");
        Wire body = switch (op) {
            case CREATE -> Wire.le().u32(0101).u32(0100644).u32(0).u32(0).cstr("f");
            case MKNOD -> Wire.le().u32(0100644).u32(0).u32(0).u32(0).cstr("f");
            case MKDIR -> Wire.le().u32(040755).u32(0).cstr("f");
            case SYMLINK -> Wire.le().cstr("f").cstr("target");
            case LINK -> Wire.le().u64(9).cstr("f");
            default -> Wire.le().u64(DIR).cstr("old").cstr("f");
        };
        c.call(op, op == FuseOpcode.RENAME ? 6 : DIR, body, -1, Wire.le());
        c.lookupMissing(DIR, "f");
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateInvalEntryNotificationInvalidates() {
        FuseCapture c = new FuseCapture();
        c.lookupMissing(DIR, "f");
        c.notify(FuseNotifyCode.INVAL_ENTRY, Wire.le().u64(DIR).u32(1).u32(0).cstr("f"));
        c.lookupMissing(DIR, "f");
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateIncEpochInvalidatesEveryName() {
        FuseCapture c = new FuseCapture();
        c.lookupMissing(DIR, "f");
        c.notify(FuseNotifyCode.INC_EPOCH, Wire.le());
        c.lookupMissing(DIR, "f");
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateForgettingTheParentDropsItsNames() {
        FuseCapture c = new FuseCapture();
        c.lookupMissing(DIR, "f");
        c.request(FuseOpcode.FORGET, DIR, Wire.le().u64(1));
        c.lookupMissing(DIR, "f");
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateHitWhoseRealReplyFoundTheNameIsStale() {
        FuseCapture c = new FuseCapture();
        c.lookupMissing(DIR, "f");
        int appeared = c.lookup(DIR, "f", 9, 1, FuseCapture.attr(9));
        int again = c.lookupMissing(DIR, "f");
        Outcome o = model.simulate(c.session(), null, Windows.INFINITE);
        assertThat(o.stale()).isEqualTo(bits(appeared));
        assertThat(o.eliminated()).as("the cache still answers ENOENT: right again").isEqualTo(bits(again, again + 1));
    }

    @Test
    void simulateAnsweredWindowKeepsOnlyNodeidZeroForItsEntryValid() {
        FuseCapture c = new FuseCapture();
        Wire negative = FuseCapture.entry(0, 1, 0, Wire.le().zeros(88));
        c.at(0).call(FuseOpcode.LOOKUP, DIR, Wire.le().cstr("cached"), 0, negative);
        int ignored = c.at(500_000_000L).call(FuseOpcode.LOOKUP, DIR, Wire.le().cstr("cached"), 0, negative);
        c.at(600_000_000L).lookupMissing(DIR, "error");
        c.at(700_000_000L).lookupMissing(DIR, "error");
        Session s = c.session();
        assertThat(model.simulate(s, null, Windows.AS_ANSWERED).eliminated())
                .as("the kernel held this negative dentry and asked anyway").isEqualTo(bits(ignored, ignored + 1));
        assertThat(model.simulate(s, null, Windows.INFINITE).eliminated())
                .as("a longer timeout would not have stopped that one; the -ENOENT repeat is saved")
                .isEqualTo(bits(ignored + 4, ignored + 5));
        assertThat(model.remarks(s)).anyMatch(r -> r.contains("answered 2 LOOKUPs with nodeid 0"))
                .anyMatch(r -> r.contains("kernel sent 1 repeated LOOKUPs"));
    }

    @Test
    void simulateHeaderOnlySourceIsNotApplicable() {
        FuseCapture c = new FuseCapture(MessageSink.HEADER_ONLY | MessageSink.SYNTHETIC_HEADER);
        c.lookupMissing(DIR, "f");
        c.lookupMissing(DIR, "f");
        Session s = c.session();
        assertThat(model.applicable(s)).isFalse();
        assertThat(model.simulate(s, null, Windows.INFINITE).eliminated()).isEqualTo(bits());
        assertThat(model.remarks(s)).containsExactly(FuseModel.HEADERS_ONLY);
    }
}
