package io.lookaside.whatif;

import static io.lookaside.whatif.FuseCapture.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class MarksTest {

    private static Session threeExchanges() {
        FuseCapture c = new FuseCapture();
        c.lookupMissing(1, "a");
        c.lookupMissing(1, "b");
        c.lookupMissing(1, "c");
        return c.session();
    }

    @Test
    void judgeSameEliminatesRequestAndReplyDifferentIsStaleUnknownNothing() {
        Marks m = new Marks(threeExchanges());
        m.judge(0, Marks.Verdict.SAME);
        m.judge(2, Marks.Verdict.DIFFERENT);
        m.judge(4, Marks.Verdict.UNKNOWN);
        Outcome o = m.outcome();
        assertThat(o.eliminated()).isEqualTo(bits(0, 1));
        assertThat(o.stale()).isEqualTo(bits(2));
        assertThat(o.unblocked()).isEqualTo(bits());
        assertThat(m.isHit(0) && m.isHit(2) && m.isHit(4)).isTrue();
        assertThat(m.isHit(-1)).isFalse();
    }

    @Test
    void outcomeNeverUnblocksWhatItEliminates() {
        Marks m = new Marks(threeExchanges());
        m.eliminate(0);
        m.unblock(0);
        m.unblock(2);
        // An unblocked exchange is marked with its request and its reply, like an eliminated one.
        assertThat(m.outcome().unblocked()).isEqualTo(bits(2, 3));
    }
}
