package io.lookaside.whatif;

import static io.lookaside.lifecycle.NinePScript.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePScript;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class WalkOpenFusionTest {
    private static Outcome run(WhatIfModel m, NinePScript t) {
        Session s = t.session();
        return m.simulate(s, Lifecycles.of(s), 0);
    }

    @Test
    void simulateEliminatesTheCloneRightBeforeItsOpen() {
        NinePScript t = new NinePScript().attach(0, "/", 1).lookup(0, 1, "f", file(5));
        int clone = t.next();
        t.twalk(1, 2).rwalk().tlopen(2, 0).rlopen(file(5));
        int notOpened = t.next();
        t.twalk(1, 3).rwalk().tgetattr(3, 0x3fff).rgetattr(file(5), 1).tlopen(3, 0).rlopen(file(5));
        int otherFid = t.next();
        t.twalk(1, 4).rwalk().tlopen(2, 0).rlopen(file(5));

        Outcome o = run(new WalkOpenFusion(), t);

        assertThat(o.eliminated().stream().boxed()).containsExactly(clone, clone + 1);
        assertThat(o.eliminated().get(notOpened)).isFalse();
        assertThat(o.eliminated().get(otherFid)).isFalse();
    }

    @Test
    void windowedIsFalse() {
        assertThat(new WalkOpenFusion().windowed()).isFalse();
    }
}
