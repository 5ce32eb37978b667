package io.lookaside.whatif;

import static io.lookaside.lifecycle.NinePScript.link;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePScript;
import io.lookaside.ninep.Qid;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;

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
}
