package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.ninep.NinePTypes;
import org.junit.jupiter.api.Test;

class SlowOperationsRuleTest {
    private final SlowOperationsRule rule = new SlowOperationsRule();

    @Test
    void evaluateReportsOperationsSlowEveryTime() {
        NinePTrace t = NinePTrace.create();
        for (int k = 0; k < 30; k++) {
            long at = k * 1000L;
            t.exchange(at, at + 100, r -> r.tgetattr(1, 1), r -> r.msg(NinePTypes.RGETATTR, 1, OperationStatsTest.getattrBody()));
        }
        for (int k = 0; k < 10; k++) {
            long at = 100_000 + k * 10_000L;
            t.exchange(at, at + 5000, r -> r.twrite(1, 2, 0, 10), r -> r.rwrite(1, 10));
        }
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(t.session()));
        // 50 ms of 53 ms of request wait.
        assertThat(f.summary()).startsWith("Twrite median 5.00 ms (50×), 10 requests, 50.0 ms: 94.3% of all request wait");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence().messages()).hasSize(10);
    }

    @Test
    void evaluateIsOkWhenEveryOperationIsAlike() {
        NinePTrace t = NinePTrace.create();
        for (int k = 0; k < 30; k++) {
            long at = k * 1000L;
            t.exchange(at, at + 100 + k, r -> r.tclunk(1, 1), r -> r.rclunk(1));
        }
        assertThat(rule.evaluate(NegativeLookupsRuleTest.input(t.session())).severity()).isEqualTo(Severity.OK);
    }
}
