package io.lookaside.whatif;

import static io.lookaside.lifecycle.NinePScript.S;
import static io.lookaside.lifecycle.NinePScript.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePScript;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class WritebackTest {
    private static final String ROOT = "/srv/9p/rootfs";
    private final Writeback model = new Writeback();

    private Outcome run(NinePScript t, long window) {
        Session s = t.session();
        return model.simulate(s, Lifecycles.of(s), window);
    }

    /** "o" created as fid 2 (qid 8) and written by four small writes within one page, at {@code first}... */
    private static NinePScript written(int[] first) {
        NinePScript t = new NinePScript().attach(0, ROOT, 1).twalk(0, 2).rwalk().tlcreate(2, "o", 0102)
                .rlcreate(file(8));
        first[0] = t.next();
        for (int k = 0; k < 4; k++) {
            t.twrite(2, k * 100L, 100).rwrite(100);
        }
        return t;
    }

    @Test
    void simulateDiscardsTheWritesOfAFileUnlinkedWhileDirty() {
        int[] first = new int[1];
        NinePScript t = written(first);
        t.tclunk(2).rclunk().tunlinkat(0, "o", 0).runlinkat();

        Outcome o = run(t, 30 * S);

        assertThat(o.eliminated().cardinality()).isEqualTo(8);
        assertThat(o.eliminated().nextSetBit(0)).isEqualTo(first[0]);
    }

    @Test
    void simulateWritesOnePagePerDirtyPageWhenFsyncForcesIt() {
        int[] first = new int[1];
        NinePScript t = written(first);
        t.tfsync(2).rfsync();

        Outcome o = run(t, 30 * S);

        assertThat(o.eliminated().stream().boxed()).containsExactly(first[0] + 2, first[0] + 3, first[0] + 4,
                first[0] + 5, first[0] + 6, first[0] + 7);
        assertThat(o.unblocked().isEmpty()).as("fsync waited for the writeback").isTrue();
    }

    @Test
    void simulateTakesBackgroundWritebackOffTheCriticalPath() {
        int[] first = new int[1];
        NinePScript t = written(first);
        t.after(31 * S).tclunk(2).rclunk();

        Outcome o = run(t, 30 * S);

        assertThat(o.eliminated().cardinality()).isEqualTo(6);
        assertThat(o.unblocked().stream().boxed()).containsExactly(first[0], first[0] + 1);
    }

    @Test
    void simulateWritesWhatIsStillDirtyAtTheEnd() {
        int[] first = new int[1];
        NinePScript t = written(first);

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().cardinality()).isEqualTo(6);
        assertThat(o.unblocked().get(first[0])).isTrue();
    }

    @Test
    void simulateKeepsEveryWriteWhenTheyAreFewerThanTheDirtyPages() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1).twalk(0, 2).rwalk().tlcreate(2, "big", 0102)
                .rlcreate(file(8));
        t.twrite(2, 0, 65_512).rwrite(65_512).twrite(2, 65_512, 24).rwrite(24);

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().isEmpty()).isTrue();
        assertThat(o.unblocked().cardinality()).isEqualTo(4);
    }

    @Test
    void simulateCountsAnotherConnectionsReadOfADirtyFileAsStale() {
        int[] first = new int[1];
        NinePScript t = written(first);
        t.connection("10.0.2.15:41001>127.0.0.1:564");
        t.attach(0, ROOT, 1).twalk(0, 1, "o").rwalk(file(8)).tlopen(1, 0).rlopen(file(8));
        int read = t.next();
        t.tread(1, 0, 400).rread(400);

        assertThat(run(t, Windows.INFINITE).stale().stream().boxed()).containsExactly(read);
    }
}
