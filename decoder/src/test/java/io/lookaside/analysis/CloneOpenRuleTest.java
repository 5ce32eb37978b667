package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class CloneOpenRuleTest {
    private final CloneOpenRule rule = new CloneOpenRule();

    @Test
    void evaluatePairsACloneWalkWithTheOpenOfItsNewfid() {
        Session s = NinePTrace.create()
                // open(2) of a file: clone fid 1 to 5, open 5
                .exchange(0, 100, t -> t.twalk(1, 1, 5), t -> t.rwalk(1, 0))
                .exchange(200, 300, t -> t.tlopen(2, 5, 0), t -> t.rlopen(2))
                // an open of a fid walked by name: no clone
                .exchange(400, 500, t -> t.twalk(3, 1, 6, "etc"), t -> t.rwalk(3, 1))
                .exchange(600, 700, t -> t.tlopen(4, 6, 0), t -> t.rlopen(4))
                // a clone whose newfid is then walked over by name before the open: no pair
                .exchange(800, 900, t -> t.twalk(5, 1, 7), t -> t.rwalk(5, 0))
                .exchange(1000, 1100, t -> t.twalk(6, 1, 7, "usr"), t -> t.rwalk(6, 1))
                .exchange(1200, 1300, t -> t.tlopen(7, 7, 0), t -> t.rlopen(7))
                .session();
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(s));
        assertThat(f.summary()).startsWith("1 of 3 Tlopen came right after a clone Twalk of their fid: 1 extra round trip, 100 µs");
        assertThat(f.evidence().messages()).containsExactly(0, 2);
        assertThat(f.evidence().fids()).containsExactly(5L);
        assertThat(f.waitNanos()).isEqualTo(100_000);
    }

    @Test
    void evaluateIsOkWithoutOpens() {
        Session s = NinePTrace.create().exchange(0, 100, t -> t.twalk(1, 1, 5), t -> t.rwalk(1, 0)).session();
        assertThat(rule.evaluate(NegativeLookupsRuleTest.input(s)).severity()).isEqualTo(Severity.OK);
    }
}
