package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class SetupErrorsRuleTest {
    private final SetupErrorsRule rule = new SetupErrorsRule();

    @Test
    void evaluateReportsARefusedVersionAsAFailedMount() {
        Session s = NinePTrace.create()
                .exchange(0, 100, t -> t.tversion(65536, "9P2000.u"), t -> t.rlerror(0xFFFF, 5))
                .session();
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(s));
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.score()).isEqualTo(100);
        assertThat(f.summary()).isEqualTo("Tversion \"9P2000.u\" refused (EIO): the mount failed.");
        assertThat(f.fix()).contains("version=9p2000.L");
    }

    @Test
    void evaluateReadsRversionUnknownAsARefusal() {
        Session s = NinePTrace.create()
                .exchange(0, 100, t -> t.tversion(65536, "9P2000.L"), t -> t.rversion(65536, "unknown"))
                .session();
        assertThat(rule.evaluate(NegativeLookupsRuleTest.input(s)).summary())
                .isEqualTo("Tversion \"9P2000.L\" refused (version unknown): the mount failed.");
    }

    @Test
    void evaluateReportsAFailedAttach() {
        Session s = NinePTrace.create()
                .exchange(0, 100, t -> t.tversion(65536, "9P2000.L"), t -> t.rversion(65536, "9P2000.L"))
                .exchange(200, 300, t -> t.tattach(1, 0, "root", "/srv/nothere"), t -> t.rlerror(1, 2))
                .session();
        Finding f = rule.evaluate(NegativeLookupsRuleTest.input(s));
        assertThat(f.summary()).isEqualTo("Tattach of \"/srv/nothere\" as \"root\" failed (ENOENT): the mount failed.");
        assertThat(f.fix()).contains("aname=");
    }

    @Test
    void evaluateTakesARefusedTauthBeforeASuccessfulTattachAsNoAuthenticationNeeded() {
        Session s = NinePTrace.create()
                .exchange(0, 100, t -> t.tversion(65536, "9P2000.L"), t -> t.rversion(65536, "9P2000.L"))
                .exchange(200, 300, t -> t.msg(io.lookaside.ninep.NinePTypes.TAUTH, 1,
                        io.lookaside.wire.Wire.le().u32(1).str("root").str("/srv").u32(0)), t -> t.rlerror(1, 2))
                .exchange(400, 500, t -> t.tattach(1, 0, "root", "/srv"), t -> t.msg(io.lookaside.ninep.NinePTypes.RATTACH, 1,
                        io.lookaside.wire.Wire.le().u8(0x80).u32(0).u64(1)))
                .session();
        assertThat(rule.evaluate(NegativeLookupsRuleTest.input(s)).severity()).isEqualTo(Severity.OK);
    }

    @Test
    void evaluateIsOkForAGoodSetup() {
        Session s = NinePTrace.create()
                .exchange(0, 100, t -> t.tversion(65536, "9P2000.L"), t -> t.rversion(65536, "9P2000.L"))
                .session();
        assertThat(rule.evaluate(NegativeLookupsRuleTest.input(s)).severity()).isEqualTo(Severity.OK);
    }
}
