package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyOutliersRuleTest {
    private final LatencyOutliersRule rule = new LatencyOutliersRule();

    @Test
    void evaluateFindsRequestsFarAboveTheirOperationsMedian() {
        NinePTrace t = NinePTrace.create();
        for (int k = 0; k < 30; k++) {
            long at = k * 1000L;
            t.exchange(at, at + 100, r -> r.tclunk(1, 1), r -> r.rclunk(1));
        }
        // 20 ms: 200× the median and over 1 ms.
        t.exchange(50_000, 70_000, r -> r.tclunk(1, 1), r -> r.rclunk(1));
        // 900 µs: 9× the median, no outlier.
        t.exchange(80_000, 80_900, r -> r.tclunk(1, 1), r -> r.rclunk(1));
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(t.session()));
        assertThat(f.summary()).startsWith("1 request (Tclunk 1) took over 10× their operation's median: 20.0 ms");
        assertThat(f.summary()).contains("at frame 61, took 20.0 ms (median 100 µs)");
        assertThat(f.evidence().messages()).containsExactly(60);
    }

    @Test
    void evaluateIgnoresOperationsWithTooFewRequests() {
        NinePTrace t = NinePTrace.create()
                .exchange(0, 100, r -> r.tclunk(1, 1), r -> r.rclunk(1))
                .exchange(1000, 60_000, r -> r.tclunk(1, 1), r -> r.rclunk(1));
        assertThat(rule.evaluate(NegativeLookupsRuleTest.input(t.session())).severity()).isEqualTo(Severity.OK);
    }
}
