package io.lookaside.whatif;

import static io.lookaside.lifecycle.NinePScript.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePScript;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class WalkGetattrFusionTest {
    private static Outcome run(WhatIfModel m, NinePScript t) {
        Session s = t.session();
        return m.simulate(s, Lifecycles.of(s), 0);
    }

    @Test
    void simulateEliminatesTheGetattrRightAfterItsWalk() {
        NinePScript t = new NinePScript().attach(0, "/", 1);
        int walk = t.next();
        t.lookup(0, 1, "f", file(5));
        t.twalk(1, 2).rwalk();
        int afterClone = t.next();
        t.tgetattr(2, 0x17ff).rgetattr(file(5), 1);

        Outcome o = run(new WalkGetattrFusion(), t);

        assertThat(o.eliminated().stream().boxed()).containsExactly(walk + 2, walk + 3);
        assertThat(o.eliminated().get(afterClone)).isFalse();
    }

    @Test
    void windowedIsFalse() {
        assertThat(new WalkGetattrFusion().windowed()).isFalse();
    }
}
