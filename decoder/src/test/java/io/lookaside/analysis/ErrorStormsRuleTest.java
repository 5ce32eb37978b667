package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.CaptureException;
import io.lookaside.Sidecars;
import org.junit.jupiter.api.Test;

class ErrorStormsRuleTest {
    private final ErrorStormsRule rule = new ErrorStormsRule();

    @Test
    void evaluateReportsUnsupportedOperationsAskedAgainAndAgain() {
        NinePTrace t = NinePTrace.create();
        for (int k = 0; k < 12; k++) {
            long at = k * 1000L;
            t.exchange(at, at + 100, r -> r.tunlinkat(1, 1, "f"), r -> r.rlerror(1, 95));
        }
        for (int k = 0; k < 5; k++) {
            long at = 50_000 + k * 1000L;
            t.exchange(at, at + 100, r -> r.tgetattr(1, 1), r -> r.rlerror(1, 13));
        }
        for (int k = 0; k < 20; k++) {
            long at = 90_000 + k * 1000L;
            t.exchange(at, at + 100, r -> r.twalk(1, 1, 2, "nothere"), r -> r.rlerror(1, 2));
        }
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(t.session()));
        assertThat(f.summary()).startsWith("12 requests failed the same way again and again (Tunlinkat EOPNOTSUPP ×12): 1.20 ms");
        assertThat(f.fix()).contains("implements these operations");
        assertThat(f.evidence().messages()).hasSize(12);
    }

    @Test
    void evaluateIsOkBelowTheStormSize() {
        NinePTrace t = NinePTrace.create();
        for (int k = 0; k < 9; k++) {
            long at = k * 1000L;
            t.exchange(at, at + 100, r -> r.tgetattr(1, 1), r -> r.rlerror(1, 13));
        }
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(t.session()));
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.summary()).isEqualTo("9 errors besides lookups of missing names and authentication refusals, no kind 10 times or more.");
    }

    @Test
    void evaluateReportsXattrProbesOfAFuseSample() throws CaptureException {
        long enodata = Sidecars.counts("b-fuse-bindfs.txt", "errors in replies:").get("GETXATTR ENODATA");
        Finding f = RuleFixtures.evaluate(rule, "b-fuse-bindfs.fusedump.gz");
        assertThat(f.summary()).startsWith(enodata + " requests failed the same way again and again (GETXATTR ENODATA ×" + enodata + ")");
        assertThat(f.fix()).contains("ENOSYS");
    }
}
