package io.lookaside.whatif;

import static io.lookaside.lifecycle.NinePScript.MS;
import static io.lookaside.lifecycle.NinePScript.dir;
import static io.lookaside.lifecycle.NinePScript.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePScript;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class PositiveDentryTest {
    private static final String ROOT = "/srv/9p/rootfs";
    private static final long ALL = 0x3fff;
    private final PositiveDentry model = new PositiveDentry();

    private Outcome run(NinePScript t, long window) {
        Session s = t.session();
        return model.simulate(s, Lifecycles.of(s), window);
    }

    @Test
    void simulateEliminatesARepeatedLookupWithItsGetattrAndClunk() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.lookup(0, 1, "etc", dir(2)).tclunk(1).rclunk();
        int again = t.next();
        t.lookup(0, 1, "etc", dir(2)).tclunk(1).rclunk();

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().stream().boxed()).containsExactly(again, again + 1, again + 2, again + 3,
                again + 4, again + 5);
    }

    @Test
    void simulateKeepsTheOpenOfACachedDentryAndTheClunkOfTheOpenFid() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.lookup(0, 1, "f", file(2)).tclunk(1).rclunk();
        t.lookup(0, 1, "f", file(2));
        int open = t.next();
        t.twalk(1, 3).rwalk().tlopen(3, 0).rlopen(file(2)).tclunk(3).rclunk();

        Outcome o = run(t, Windows.INFINITE);

        for (int i = open; i < open + 6; i++) {
            assertThat(o.eliminated().get(i)).as("message %d", i).isFalse();
        }
    }

    @Test
    void simulateAnswersAStatFromCachedAttributes() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1).lookup(0, 1, "f", file(2));
        int stat = t.next();
        t.tgetattr(1, ALL).rgetattr(file(2), 100);

        assertThat(run(t, Windows.INFINITE).eliminated().get(stat)).isTrue();
    }

    @Test
    void simulateRefreshesAttributesThisConnectionInvalidatedOnce() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.lookup(0, 1, "tmp", dir(2));
        t.twalk(1, 2).rwalk().tlcreate(2, "a", 0101).rlcreate(file(3)).tclunk(2).rclunk();
        t.tclunk(1).rclunk();
        int walk = t.next();
        t.lookup(0, 1, "tmp", dir(2));
        int stat = t.next();
        t.tgetattr(1, ALL).rgetattr(dir(2), 4096);

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(walk)).as("the walk").isTrue();
        assertThat(o.eliminated().get(walk + 2)).as("the refresh getattr").isFalse();
        assertThat(o.eliminated().get(stat)).as("a stat after the refresh").isTrue();
    }

    @Test
    void simulateLooksUpAgainAfterAnUnlink() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.lookup(0, 1, "a", file(3)).tclunk(1).rclunk();
        t.tunlinkat(0, "a", 0).runlinkat();
        int again = t.next();
        t.lookup(0, 1, "a", file(4));

        assertThat(run(t, Windows.INFINITE).eliminated().get(again)).isFalse();
    }

    @Test
    void simulateCountsACachedEntryThatNowNamesAnotherFileAsStale() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.lookup(0, 1, "a", file(3)).tclunk(1).rclunk();
        int again = t.next();
        t.lookup(0, 1, "a", file(4));

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(again)).isFalse();
        assertThat(o.stale().get(again)).isTrue();
    }

    @Test
    void simulateCountsAHitOnAFileAnotherConnectionChangedAsStale() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.lookup(0, 1, "a", file(3)).tclunk(1).rclunk();
        t.connection("10.0.2.15:41001>127.0.0.1:564");
        t.attach(0, ROOT, 1).lookup(0, 1, "a", file(3)).tsetattr(1, 1, 0).rsetattr();
        t.on(0);
        int again = t.next();
        t.lookup(0, 1, "a", file(3));

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(again)).isFalse();
        assertThat(o.stale().get(again)).isTrue();
    }

    @Test
    void simulateLooksUpAgainOnceTheWindowHasPassed() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.lookup(0, 1, "a", file(3)).tclunk(1).rclunk();
        t.after(20 * MS);
        int again = t.next();
        t.lookup(0, 1, "a", file(3));

        assertThat(run(t, 10 * MS).eliminated().get(again)).isFalse();
        assertThat(run(t, 100 * MS).eliminated().get(again)).isTrue();
    }

    @Test
    void simulateKeepsARenamedEntryUnderItsNewNameAndRefreshesItsAttributes() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.lookup(0, 1, "f", file(3));
        t.trename(1, 0, "g").rrename().tclunk(1).rclunk();
        int walk = t.next();
        t.lookup(0, 1, "g", file(3));
        int stat = t.next();
        t.tgetattr(1, ALL).rgetattr(file(3), 100);

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(walk)).as("d_move kept the dentry").isTrue();
        assertThat(o.eliminated().get(walk + 2)).as("rename invalidated its attributes").isFalse();
        assertThat(o.eliminated().get(stat)).isTrue();
    }

    @Test
    void simulateRevalidatesAnInvalidatedDirectoryTheWalkWentThroughOnce() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1).lookup(0, 1, "d", dir(2));
        t.lookup(1, 2, "a", file(3)).tclunk(2).rclunk();
        t.lookup(1, 2, "b", file(4)).tclunk(2).rclunk();
        t.twalk(1, 2).rwalk().tlcreate(2, "c", 0101).rlcreate(file(5)).tclunk(2).rclunk();
        int first = t.next();
        t.lookup(1, 2, "a", file(3)).tclunk(2).rclunk();
        int second = t.next();
        t.lookup(1, 2, "b", file(4));

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(first)).isTrue();
        assertThat(o.eliminated().get(first + 2)).as("stands for the refresh of d").isFalse();
        assertThat(o.eliminated().get(second + 2)).isTrue();
    }
}
