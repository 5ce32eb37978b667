package io.lookaside.whatif;

import static io.lookaside.whatif.FuseCapture.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.fuse.FuseOpcode;
import io.lookaside.session.Session;
import io.lookaside.wire.Wire;
import org.junit.jupiter.api.Test;

class FuseLookupStormListingTest {
    private static final long DIR = 5;
    private final FuseLookupStormListing model = new FuseLookupStormListing();

    @Test
    void simulateMissesAfterTheKthAreAnsweredFromTheListing() {
        FuseCapture c = new FuseCapture();
        for (int k = 0; k < FuseLookupStormListing.K; k++) {
            c.lookupMissing(DIR, "m" + k);
        }
        int first = c.lookupMissing(DIR, "later1");
        int second = c.lookupMissing(DIR, "m0");
        c.lookup(DIR, "exists", 9, 1, FuseCapture.attr(9));
        c.lookupMissing(DIR + 1, "elsewhere");
        Session s = c.session();
        assertThat(model.simulate(s, null, Windows.INFINITE).eliminated())
                .isEqualTo(bits(first, first + 1, second, second + 1));
        assertThat(model.remarks(s)).singleElement().asString().contains("adds 1 directory listing ");
    }

    @Test
    void simulateMissesSpreadOverMoreThanASecondMakeNoStorm() {
        FuseCapture c = new FuseCapture();
        for (int k = 0; k < 2 * FuseLookupStormListing.K; k++) {
            c.at(k * 200_000_000L).lookupMissing(DIR, "m" + k);
        }
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateChangeInTheDirectoryDropsTheListing() {
        FuseCapture c = new FuseCapture();
        for (int k = 0; k < FuseLookupStormListing.K; k++) {
            c.lookupMissing(DIR, "m" + k);
        }
        c.call(FuseOpcode.MKDIR, DIR, Wire.le().u32(040755).u32(0).cstr("d"), 0,
                FuseCapture.entry(11, 1, 1, FuseCapture.attr(11)));
        c.lookupMissing(DIR, "after");
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }
}
