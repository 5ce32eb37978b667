package io.lookaside.whatif;

import static io.lookaside.lifecycle.NinePScript.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePScript;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

class PageCacheTest {
    private static final String ROOT = "/srv/9p/rootfs";
    private final PageCache model = new PageCache();

    private Outcome run(NinePScript t, long window) {
        Session s = t.session();
        return model.simulate(s, Lifecycles.of(s), window);
    }

    /** Root fid 0; "f" (qid 5, 10000 bytes) looked up as fid 1 and opened as fid 2. */
    private static NinePScript opened() {
        NinePScript t = new NinePScript().attach(0, "/srv/9p/rootfs", 1);
        t.twalk(0, 1, "f").rwalk(file(5)).tgetattr(1, 0x17ff).rgetattr(file(5), 10_000);
        return t.twalk(1, 2).rwalk().tlopen(2, 0).rlopen(file(5));
    }

    @Test
    void simulateAnswersARereadOfCachedPages() {
        NinePScript t = opened();
        int first = t.next();
        t.tread(2, 0, 8192).rread(8192);
        int again = t.next();
        t.tread(2, 100, 4000).rread(4000);

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(first)).isFalse();
        assertThat(o.eliminated().stream().boxed()).containsExactly(again, again + 1);
    }

    @Test
    void simulateFillsWholePagesAsReadpageDoes() {
        NinePScript t = opened();
        t.tread(2, 0, 100).rread(100);
        int samePage = t.next();
        t.tread(2, 200, 100).rread(100);
        int nextPage = t.next();
        t.tread(2, 4096, 100).rread(100);

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(samePage)).isTrue();
        assertThat(o.eliminated().get(nextPage)).isFalse();
    }

    @Test
    void simulateAnswersAReadAtTheKnownEndOfFile() {
        NinePScript t = opened();
        t.tread(2, 0, 65_512).rread(10_000);
        int eof = t.next();
        t.tread(2, 10_000, 65_512).rread(0);

        assertThat(run(t, Windows.INFINITE).eliminated().get(eof)).isTrue();
    }

    @Test
    void simulateLearnsTheSizeFromAShortRead() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1).twalk(0, 2, "g").rwalk(file(6)).tlopen(2, 0)
                .rlopen(file(6));
        t.tread(2, 0, 65_512).rread(300);
        int eof = t.next();
        t.tread(2, 300, 65_512).rread(0);

        assertThat(run(t, Windows.INFINITE).eliminated().get(eof)).isTrue();
    }

    @Test
    void simulateAnswersAReadOfWhatThisConnectionWrote() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1).twalk(0, 2).rwalk().tlcreate(2, "o", 0102)
                .rlcreate(file(8));
        t.twrite(2, 0, 1000).rwrite(1000);
        int read = t.next();
        t.tread(2, 0, 1000).rread(1000);
        int eof = t.next();
        t.tread(2, 1000, 1000).rread(0);

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(read)).isTrue();
        assertThat(o.eliminated().get(eof)).isTrue();
    }

    @Test
    void simulateDropsPagesPastATruncation() {
        NinePScript t = opened();
        t.tread(2, 0, 10_000).rread(10_000);
        t.tsetattr(2, 0x8, 0).rsetattr();
        int read = t.next();
        t.tread(2, 0, 4096).rread(0);

        assertThat(run(t, Windows.INFINITE).eliminated().get(read)).isTrue();
        NinePScript grown = opened();
        grown.tread(2, 0, 10_000).rread(10_000);
        grown.tsetattr(2, 0x8, 0).rsetattr();
        grown.twrite(2, 0, 10).rwrite(10);
        int beyond = grown.next();
        grown.tread(2, 4096, 4096).rread(0);
        assertThat(run(grown, Windows.INFINITE).eliminated().get(beyond)).as("past the new end").isTrue();
    }

    @Test
    void simulateIgnoresReadsOfExtendedAttributes() {
        NinePScript t = opened();
        t.txattrwalk(1, 3, "user.a").rxattrwalk(4).tread(3, 0, 4).rread(4).tclunk(3).rclunk();
        int other = t.next();
        t.txattrwalk(1, 3, "user.b").rxattrwalk(4);
        int read = t.next();
        t.tread(3, 0, 4).rread(4);

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(read)).isFalse();
        assertThat(o.eliminated().get(other)).isFalse();
    }

    @Test
    void simulateCountsAHitAfterAnotherConnectionWroteAsStale() {
        NinePScript t = opened();
        t.tread(2, 0, 4096).rread(4096);
        t.connection("10.0.2.15:41001>127.0.0.1:564");
        t.attach(0, ROOT, 1).twalk(0, 1, "f").rwalk(file(5)).tlopen(1, 1).rlopen(file(5)).twrite(1, 0, 10).rwrite(10);
        t.on(0);
        int again = t.next();
        t.tread(2, 0, 4096).rread(4096);

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(again)).isFalse();
        assertThat(o.stale().get(again)).isTrue();
    }
}
