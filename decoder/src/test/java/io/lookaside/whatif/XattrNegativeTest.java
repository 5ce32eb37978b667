package io.lookaside.whatif;

import static io.lookaside.lifecycle.NinePScript.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePScript;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class XattrNegativeTest {
    private final XattrNegative model = new XattrNegative();

    private Outcome run(NinePScript t) {
        Session s = t.session();
        return model.simulate(s, Lifecycles.of(s), Windows.INFINITE);
    }

    @Test
    void simulateEliminatesARepeatedMissingAttributeOnOneFile() {
        NinePScript t = new NinePScript().attach(0, "/", 1).lookup(0, 1, "f", file(5));
        t.txattrwalk(1, 2, "security.capability").rlerror(61);
        int again = t.next();
        t.txattrwalk(1, 2, "security.capability").rlerror(61);
        int otherName = t.next();
        t.txattrwalk(1, 2, "user.x").rlerror(61);

        Outcome o = run(t);

        assertThat(o.eliminated().stream().boxed()).containsExactly(again, again + 1);
        assertThat(o.eliminated().get(otherName)).isFalse();
    }

    @Test
    void simulateForgetsMissingAttributesOnceTheFileGetsOne() {
        NinePScript t = new NinePScript().attach(0, "/", 1).lookup(0, 1, "f", file(5));
        t.txattrwalk(1, 2, "security.capability").rlerror(61);
        t.txattrcreate(1, "security.capability").rxattrcreate();
        int again = t.next();
        t.txattrwalk(1, 2, "security.capability").rlerror(61);

        assertThat(run(t).eliminated().get(again)).isFalse();
    }
}
