package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RulesTest {

    @Test
    void allHoldsSmallFinalStatelessRulesWithUniqueIds() {
        assertThat(Rules.ALL).extracting(Rule::id).doesNotHaveDuplicates();
        for (Rule r : Rules.ALL) {
            assertThat(Modifier.isFinal(r.getClass().getModifiers())).as(r.id()).isTrue();
            assertThat(Arrays.stream(r.getClass().getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers())))
                    .as(r.id() + " has no state").isEmpty();
            assertThat(r.protocols()).as(r.id()).isNotEmpty();
            assertThat(r.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(Rules.byId(r.id())).isSameAs(r);
        }
        assertThat(Rules.byId("no-such-rule")).isNull();
    }

    @Test
    void everyRuleFindsSomethingOrSaysItIsOkOrNotApplicableOnEveryFuseSample() throws Exception {
        for (String sample : new String[] {"b-fuse-bindfs.fusedump.gz", "b-fuse-bindfs.tracefs.txt"}) {
            Analysis a = Analyzer.analyze(ExchangesTest.load(sample));
            assertThat(a.findings()).hasSizeGreaterThanOrEqualTo(5);
            for (Finding f : a.findings()) {
                assertThat(f.summary()).as(f.rule()).isNotBlank();
                assertThat(f.score()).isBetween(0.0, 100.0);
                // N/A says in its summary what the input lacks; it has nothing to fix.
                if (f.severity() != Severity.OK && f.severity() != Severity.NA) {
                    assertThat(f.fix()).as(f.rule()).isNotBlank();
                    assertThat(f.explanation()).as(f.rule()).isNotBlank();
                }
            }
        }
    }

    @Test
    void staticFieldsOfRulesAreConstants() {
        for (Rule r : Rules.ALL) {
            for (Field f : r.getClass().getDeclaredFields()) {
                assertThat(Modifier.isFinal(f.getModifiers())).as(r.id() + "." + f.getName()).isTrue();
            }
        }
    }
}
