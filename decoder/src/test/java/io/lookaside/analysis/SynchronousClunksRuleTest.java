package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class SynchronousClunksRuleTest {
    private final SynchronousClunksRule rule = new SynchronousClunksRule();

    @Test
    void evaluateCountsClunksAnsweredBeforeTheNextRequest() {
        Session s = NinePTrace.create()
                // waited for: Rclunk at 100, the next request at 200
                .exchange(0, 100, t -> t.tclunk(1, 5), t -> t.rclunk(1))
                .exchange(200, 260, t -> t.twalk(2, 1, 6, "a"), t -> t.rwalk(2, 1))
                // not waited for: the next request goes out at 350, Rclunk comes at 500
                .at(300).tclunk(3, 6)
                .at(350).twalk(4, 1, 7, "b")
                .at(400).rwalk(4, 1)
                .at(500).rclunk(3)
                .exchange(600, 700, t -> t.tclunk(5, 7), t -> t.rclunk(5))
                .session();
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(s));
        // The last clunk has no next request: whether it was waited for cannot be told.
        assertThat(f.summary()).startsWith("1 of 3 Tclunk were waited for before the next request: 100 µs");
        assertThat(f.evidence().messages()).containsExactly(0);
        assertThat(f.evidence().fids()).containsExactly(5L);
    }

    @Test
    void evaluateKeepsConnectionsApart() {
        Session s = NinePTrace.create()
                .at(0).tclunk(1, 5)
                .newConnection().at(150).twalk(1, 1, 6, "a")
                .on(0).at(100).rclunk(1)
                .on(1).at(200).rwalk(1, 1)
                .session();
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(s));
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.summary()).isEqualTo("1 clunk, none waited for.");
    }
}
