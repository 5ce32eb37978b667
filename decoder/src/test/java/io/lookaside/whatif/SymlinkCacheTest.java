package io.lookaside.whatif;

import static io.lookaside.lifecycle.NinePScript.link;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePScript;
import io.lookaside.ninep.Qid;
import io.lookaside.session.Session;
import io.lookaside.capture.CaptureException;
import io.lookaside.lifecycle.LoadedSamples;
import io.lookaside.ninep.Rattach;
import io.lookaside.ninep.Rreadlink;
import io.lookaside.ninep.Rwalk;
import io.lookaside.ninep.Tattach;
import io.lookaside.ninep.Treadlink;
import io.lookaside.ninep.Twalk;
import io.lookaside.session.Direction;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymlinkCacheTest {
    private static final String ROOT = "/srv/9p/rootfs";
    private final SymlinkCache model = new SymlinkCache();

    private Outcome run(NinePScript t, long window) {
        Session s = t.session();
        return model.simulate(s, Lifecycles.of(s), window);
    }

    /** Linux: readlink on the fid its lookup made, dropped afterwards. */
    private static void readlinkAfterLookup(NinePScript t, long fid) {
        t.lookup(0, fid, "cc", link(7)).treadlink(fid).rreadlink("/etc/alternatives/cc").tclunk(fid).rclunk();
    }

    @Test
    void simulateEliminatesARepeatedReadlinkOfTheSameLink() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        readlinkAfterLookup(t, 1);
        int lookup = t.next();
        readlinkAfterLookup(t, 2);

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().stream().boxed()).containsExactly(lookup + 4, lookup + 5);
    }

    @Test
    void simulateAlsoEliminatesACloneMadeOnlyForTheReadlink() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1).lookup(0, 1, "cc", link(7));
        t.twalk(1, 2).rwalk().treadlink(2).rreadlink("x").tclunk(2).rclunk();
        int clone = t.next();
        t.twalk(1, 2).rwalk().treadlink(2).rreadlink("x").tclunk(2).rclunk();

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().stream().boxed()).containsExactly(clone, clone + 1, clone + 2, clone + 3,
                clone + 4, clone + 5);
    }

    @Test
    void simulateReadsTheLinkAgainAfterItIsUnlinkedOrItsVersionChanges() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1);
        readlinkAfterLookup(t, 1);
        t.tunlinkat(0, "cc", 0).runlinkat();
        int afterUnlink = t.next();
        readlinkAfterLookup(t, 2);
        t.tgetattr(0, 0x3fff).rgetattr(link(7), 0);
        t.lookup(0, 3, "cc", link(7)).tgetattr(3, 0x3fff).rgetattr(new Qid(Qid.QTSYMLINK, 1, 7), 20);
        int afterVersion = t.next();
        t.treadlink(3).rreadlink("y");

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.eliminated().get(afterUnlink + 4)).isFalse();
        assertThat(o.eliminated().get(afterVersion)).isFalse();
    }

    @Test
    void simulateCountsAHitAfterAnotherConnectionUnlinkedTheLinkAsStale() {
        NinePScript t = new NinePScript().attach(0, ROOT, 1).lookup(0, 1, "cc", link(7));
        t.treadlink(1).rreadlink("/etc/alternatives/cc");
        t.connection("10.0.2.15:41001>127.0.0.1:564");
        t.attach(0, ROOT, 1).lookup(0, 1, "cc", link(7)).tunlinkat(0, "cc", 0).runlinkat();
        t.on(0);
        int again = t.next();
        t.treadlink(1).rreadlink("/etc/alternatives/cc");
        int later = t.next();
        t.treadlink(1).rreadlink("/etc/alternatives/cc");

        Outcome o = run(t, Windows.INFINITE);

        assertThat(o.stale().stream().boxed()).containsExactly(again);
        assertThat(o.eliminated().stream().boxed()).containsExactly(later, later + 1);
    }

    /**
     * The model against a plain count from the decoded messages, without the lifecycle classes:
     * fid → qid.path from attach and walk replies, Treadlinks answered per qid.path; every one after
     * the first of its qid is a repeat. The busybox sidecar gives the same from its own tracker
     * (149 Treadlinks of 73 distinct paths); the gcc build reads no links.
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
            # sample, Treadlinks, distinct links (sidecar)
            a-v9fs-busybox-cachenone.pcap.gz,      149, 73
            a-v9fs-busybox-cacheloose.pcap.gz,     149, 73
            a-v9fs-gccsplit-srccachenone.pcap.gz,  0,   0
            a-v9fs-gccsplit-srccacheloose.pcap.gz, 0,   0
            """)
    void simulateOnARealCaptureMatchesAPlainCountOfRepeatedReadlinks(String sample, int total, int distinct)
            throws CaptureException {
        LoadedSamples.Loaded l = LoadedSamples.load(sample);
        Session s = l.session();
        Map<Long, Long> fidQid = new HashMap<>();
        Map<Long, Integer> readsPerQid = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.direction(i) != Direction.REQUEST || s.peer(i) < 0) {
                continue;
            }
            Object t = s.message(i);
            Object r = s.message(s.peer(i));
            if (t instanceof Tattach a && r instanceof Rattach ra) {
                fidQid.put(a.fid(), ra.qid().path());
            } else if (t instanceof Twalk w && r instanceof Rwalk rw && rw.qids().size() == w.wnames().size()) {
                fidQid.put(w.newfid(), w.wnames().isEmpty() ? fidQid.get(w.fid())
                        : rw.qids().get(rw.qids().size() - 1).path());
            } else if (t instanceof Treadlink rl && r instanceof Rreadlink) {
                readsPerQid.merge(fidQid.get(rl.fid()), 1, Integer::sum);
            }
        }
        int repeats = readsPerQid.values().stream().mapToInt(n -> n - 1).sum();
        Outcome o = model.simulate(s, l.lifecycles(), Windows.INFINITE);

        assertThat(readsPerQid.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
        assertThat(readsPerQid).hasSize(distinct);
        assertThat(o.eliminated().stream().filter(i -> s.typeName(i).equals("Treadlink")).count())
                .isEqualTo(repeats);
    }
}
