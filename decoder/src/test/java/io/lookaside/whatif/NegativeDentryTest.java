package io.lookaside.whatif;

import static io.lookaside.lifecycle.NinePScript.MS;
import static io.lookaside.lifecycle.NinePScript.S;
import static io.lookaside.lifecycle.NinePScript.dir;
import static io.lookaside.lifecycle.NinePScript.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePScript;
import io.lookaside.session.Session;
import io.lookaside.capture.CaptureException;
import io.lookaside.lifecycle.LoadedSamples;
import io.lookaside.ninep.Rattach;
import io.lookaside.ninep.Rlcreate;
import io.lookaside.ninep.Rlerror;
import io.lookaside.ninep.Rwalk;
import io.lookaside.ninep.Tattach;
import io.lookaside.ninep.Tlcreate;
import io.lookaside.ninep.Twalk;
import io.lookaside.session.Direction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NegativeDentryTest {
    private static final String ROOT = "/srv/9p/rootfs";
    private final NegativeDentry model = new NegativeDentry();

    private Outcome run(NinePScript t, long window) {
        Session s = t.session();
        return model.simulate(s, Lifecycles.of(s), window);
    }

    @Test
    void simulateEliminatesRepeatedMissesButNotTheFirst() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        int first = t.next();
        t.miss(0, 1, "x.h");
        int second = t.next();
        t.miss(0, 1, "x.h");
        int third = t.next();
        t.miss(0, 1, "x.h");

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().stream().boxed()).containsExactly(second, second + 1, third, third + 1);
        assertThat(o.eliminated().get(first)).isFalse();
        assertThat(o.stale().isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # gap before the repeat (its reply comes 2 µs later), window, eliminated
            500,  1000, true
            999,  1000, true
            1500, 1000, false
            1500, 0,    false
            """)
    void simulateHonoursTheWindowFromTheLastServerAnswer(long gapMs, long windowMs, boolean eliminated) {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.miss(0, 1, "x.h");
        t.after(gapMs * MS);
        int again = t.next();
        t.miss(0, 1, "x.h");

        assertThat(run(t, windowMs * MS).eliminated().get(again)).isEqualTo(eliminated);
    }

    @Test
    void simulateCountsTheTimeoutFromTheLastFailureTheServerReported() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.miss(0, 1, "x.h");
        t.after(600 * MS);
        int hit = t.next();
        t.miss(0, 1, "x.h");
        t.after(600 * MS);
        int expired = t.next();
        t.miss(0, 1, "x.h");
        t.after(600 * MS);
        int hitAgain = t.next();
        t.miss(0, 1, "x.h");

        Outcome o = run(t, S);

        assertThat(o.eliminated().get(hit)).isTrue();
        assertThat(o.eliminated().get(expired)).isFalse();
        assertThat(o.eliminated().get(hitAgain)).isTrue();
    }

    @Test
    void simulateForgetsANameThisConnectionCreated() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.miss(0, 1, "new.o");
        t.twalk(0, 2).rwalk().tlcreate(2, "new.o", 0101).rlcreate(file(9)).tclunk(2).rclunk();
        t.tunlinkat(0, "new.o", 0).runlinkat();
        int after = t.next();
        t.miss(0, 1, "new.o");

        assertThat(run(t, Windows.INFINITE).eliminated().get(after)).isFalse();
    }

    @Test
    void simulateForgetsANameRenamedOntoIt() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1).lookup(0, 1, "tmp", dir(2));
        t.miss(1, 2, "g1");
        t.trenameat(1, "f1", 1, "g1").rrenameat();
        t.tunlinkat(1, "g1", 0).runlinkat();
        int after = t.next();
        t.miss(1, 2, "g1");

        assertThat(run(t, Windows.INFINITE).eliminated().get(after)).isFalse();
    }

    @Test
    void simulateKeysTheDirectoryByQidSoAnotherFidOfItHits() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.lookup(0, 1, "usr", dir(2)).miss(1, 3, "x.h").tclunk(1).rclunk();
        t.lookup(0, 4, "usr", dir(2));
        int again = t.next();
        t.miss(4, 3, "x.h");

        assertThat(run(t, Windows.INFINITE).eliminated().get(again)).isTrue();
    }

    @Test
    void simulateCachesTheFailingNameOfAPartialWalk() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        int partial = t.next();
        t.twalk(0, 1, "opt", "nothere").rwalk(dir(7));
        t.lookup(0, 2, "opt", dir(7));
        int again = t.next();
        t.miss(2, 3, "nothere");

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(partial)).isFalse();
        assertThat(o.eliminated().get(again)).isTrue();
    }

    @Test
    void simulateCountsAHitAfterAnotherConnectionCreatedTheNameAsStale() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.miss(0, 1, "x.h");
        t.connection("10.0.2.15:41001>127.0.0.1:564");
        t.attach(0, ROOT, 1).twalk(0, 2).rwalk().tlcreate(2, "x.h", 0101).rlcreate(file(9));
        t.on(0);
        int again = t.next();
        t.miss(0, 1, "x.h");

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(again)).isFalse();
        assertThat(o.stale().stream().boxed()).containsExactly(again);
    }

    @Test
    void simulateIgnoresCreationsOnAnotherServer() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.miss(0, 1, "x.h");
        t.connection("10.0.2.15:41001>127.0.0.2:564");
        t.attach(0, ROOT, 1).twalk(0, 2).rwalk().tlcreate(2, "x.h", 0101).rlcreate(file(9));
        t.on(0);
        int again = t.next();
        t.miss(0, 1, "x.h");

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(again)).isTrue();
        assertThat(o.stale().isEmpty()).isTrue();
    }

    @Test
    void simulateForgetsANameOnceItIsFound() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        t.miss(0, 1, "x.h");
        t.lookup(0, 1, "x.h", file(5)).tclunk(1).rclunk();
        int again = t.next();
        t.miss(0, 1, "x.h");

        assertThat(run(t, Windows.INFINITE).eliminated().get(again)).isFalse();
    }

    /**
     * The model against a second computation written the plainest way, from the decoded messages
     * and without the lifecycle classes: fid → qid.path from attach, walk and create replies;
     * (directory qid.path, name) of every Twalk answered ENOENT; a failure of a key that already
     * failed, with no creation or successful walk of it between, is a repeat. Both must also give
     * the sidecar's "repeats of an already-failed path".
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
            # sample, repeats of an already-failed path (sidecar)
            a-v9fs-gccsplit-srccachenone.pcap.gz,  5388
            a-v9fs-gccsplit-srccacheloose.pcap.gz, 5388
            a-v9fs-busybox-cachenone.pcap.gz,      280
            """)
    void simulateOnARealCaptureMatchesAPlainCountOfRepeatedFailures(String sample, int sidecarRepeats)
            throws CaptureException {
        LoadedSamples.Loaded l = LoadedSamples.load(sample);
        Session s = l.session();
        Map<Long, Long> fidQid = new HashMap<>();
        Set<String> failed = new HashSet<>();
        int repeats = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.direction(i) != Direction.REQUEST || s.peer(i) < 0) {
                continue;
            }
            Object t = s.message(i);
            Object r = s.message(s.peer(i));
            if (t instanceof Tattach a && r instanceof Rattach ra) {
                fidQid.put(a.fid(), ra.qid().path());
            } else if (t instanceof Tlcreate c && r instanceof Rlcreate rc) {
                failed.remove(fidQid.get(c.fid()) + "/" + c.name());
                fidQid.put(c.fid(), rc.qid().path());
            } else if (t instanceof Twalk w && r instanceof Rwalk rw && rw.qids().size() == w.wnames().size()) {
                Long dir = fidQid.get(w.fid());
                for (int k = 0; k < w.wnames().size(); k++) {
                    failed.remove(dir + "/" + w.wnames().get(k));
                    dir = rw.qids().get(k).path();
                }
                fidQid.put(w.newfid(), dir);
            } else if (t instanceof Twalk w && r instanceof Rlerror e && e.ecode() == 2 && !w.wnames().isEmpty()) {
                if (!failed.add(fidQid.get(w.fid()) + "/" + w.wnames().get(0))) {
                    repeats++;
                }
            }
        }
        Outcome o = model.simulate(s, l.lifecycles(), Windows.INFINITE);
        long eliminatedWalks = o.eliminated().stream().filter(i -> s.typeName(i).equals("Twalk")).count();

        assertThat(repeats).isEqualTo(sidecarRepeats);
        assertThat(eliminatedWalks).isEqualTo(repeats);
        assertThat(o.eliminated().cardinality()).as("each walk with its Rlerror").isEqualTo(2 * repeats);
    }
}
