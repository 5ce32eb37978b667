package io.lookaside.whatif;

import static io.lookaside.lifecycle.NinePScript.MS;
import static io.lookaside.lifecycle.NinePScript.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePScript;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class LookupStormListingTest {
    private final LookupStormListing model = new LookupStormListing();

    private Outcome run(NinePScript t) {
        Session s = t.session();
        return model.simulate(s, Lifecycles.of(s), Windows.INFINITE);
    }

    @Test
    void simulateAnswersMissesAfterTheStormFromTheListing() {
        NinePScript t = new NinePScript().attach(0, "/", 1);
        for (int k = 0; k < LookupStormListing.MISSES; k++) {
            t.miss(0, 1, "m" + k);
        }
        int after = t.next();
        t.miss(0, 1, "other");

        Outcome o = run(t);

        assertThat(o.eliminated().stream().boxed()).containsExactly(after, after + 1);
    }

    @Test
    void simulateNeedsTheMissesWithinOneSecond() {
        NinePScript t = new NinePScript().attach(0, "/", 1);
        for (int k = 0; k < LookupStormListing.MISSES; k++) {
            t.miss(0, 1, "m" + k).after(200 * MS);
        }
        t.miss(0, 1, "other");

        assertThat(run(t).eliminated().isEmpty()).isTrue();
    }

    @Test
    void simulateDropsTheListingWhenTheDirectoryChanges() {
        NinePScript t = new NinePScript().attach(0, "/", 1);
        for (int k = 0; k < LookupStormListing.MISSES; k++) {
            t.miss(0, 1, "m" + k);
        }
        t.twalk(0, 2).rwalk().tlcreate(2, "new", 0101).rlcreate(file(9));
        int after = t.next();
        t.miss(0, 1, "other");

        assertThat(run(t).eliminated().get(after)).isFalse();
    }
}
