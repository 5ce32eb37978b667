package io.lookaside.whatif;

import static io.lookaside.lifecycle.NinePScript.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePScript;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class AsyncClunkTest {
    private final AsyncClunk model = new AsyncClunk();

    private Outcome run(NinePScript t) {
        Session s = t.session();
        return model.simulate(s, Lifecycles.of(s), 0);
    }

    @Test
    void simulateUnblocksAClunkTheClientWaitedFor() {
        NinePScript t = new NinePScript().attach(0, "/", 1).lookup(0, 1, "f", file(5));
        int clunk = t.next();
        t.tclunk(1).rclunk();
        t.lookup(0, 1, "g", file(6));

        Outcome o = run(t);

        assertThat(o.unblocked().stream().boxed()).containsExactly(clunk, clunk + 1);
        assertThat(o.eliminated().isEmpty()).isTrue();
    }

    @Test
    void simulateLeavesAClunkAloneWhenTheClientDidNotWait() {
        NinePScript t = new NinePScript().attach(0, "/", 1).lookup(0, 1, "f", file(5));
        t.tclunk(1).twalk(0, 2, "g").rclunk().rwalk(file(6));

        assertThat(run(t).unblocked().isEmpty()).isTrue();
    }

    @Test
    void simulateLeavesAClunkAloneWhenNothingFollowsIt() {
        NinePScript t = new NinePScript().attach(0, "/", 1).lookup(0, 1, "f", file(5)).tclunk(1).rclunk();

        assertThat(run(t).unblocked().isEmpty()).isTrue();
    }

    @Test
    void simulateKeepsClunksThatRemoveOrCommitOrPrecedeARemoval() {
        NinePScript t = new NinePScript().attach(0, "/", 1).lookup(0, 1, "f", file(5));
        t.topen(1, 0x40).ropen(file(5)).tclunk(1).rclunk();
        t.lookup(0, 2, "g", file(6)).txattrcreate(2, "user.a").rxattrcreate().tclunk(2).rclunk();
        t.lookup(0, 3, "h", file(7)).tclunk(3).rclunk().tunlinkat(0, "h", 0).runlinkat();
        t.lookup(0, 4, "i", file(8));

        assertThat(run(t).unblocked().isEmpty()).isTrue();
    }
}
