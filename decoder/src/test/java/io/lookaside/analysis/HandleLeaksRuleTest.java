package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.CaptureException;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandleLeaksRuleTest {
    private final HandleLeaksRule rule = new HandleLeaksRule();

    @Test
    void evaluateReportsFidsStillBoundAfterTheRootWasClunked() {
        Session s = NinePTrace.create().mounted()
                .exchange(10, 20, t -> t.twalk(2, 1, 5, "a"), t -> t.rwalk(2, 1))
                .exchange(30, 40, t -> t.twalk(2, 1, 6, "b"), t -> t.rwalk(2, 1))
                .exchange(50, 60, t -> t.tclunk(2, 5), t -> t.rclunk(2))
                // umount: the root fid goes, fid 6 stays behind
                .exchange(70, 80, t -> t.tclunk(2, 1), t -> t.rclunk(2))
                .session();
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(s));
        assertThat(f.summary()).isEqualTo("1 fid and 0 file handles were never released although their connection was unmounted.");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.evidence().fids()).containsExactly(6L);
        assertThat(f.evidence().paths()).containsExactly("b");
        // The Rwalk that bound fid 6.
        assertThat(f.evidence().messages()).containsExactly(7);
    }

    @Test
    void evaluateCountsFidsOfAMountedConnectionAsHeldNotLeaked() {
        Session s = NinePTrace.create().mounted()
                .exchange(10, 20, t -> t.twalk(2, 1, 5, "a"), t -> t.rwalk(2, 1))
                .session();
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(s));
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.summary()).isEqualTo("No connection was unmounted in the capture. 1 fid and 0 file handles were still in "
                + "use at the end on connections not unmounted in the capture: held by the client's caches and open "
                + "files, a leak only if their number keeps growing.");
    }

    /** The busybox captures end with umount (the attach fids are clunked) and every fid is clunked before. */
    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "a-v9fs-busybox-cacheloose.pcap.gz"})
    void evaluateFindsNoLeakInTheSamples(String sample) throws CaptureException {
        Finding f = RuleFixtures.evaluate(rule, sample);
        assertThat(f.summary()).isEqualTo("Every fid and file handle was released before unmount.");
    }
}
