package io.lookaside.whatif;

import static io.lookaside.whatif.FuseCapture.attr;
import static io.lookaside.whatif.FuseCapture.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.fuse.FuseOpcode;
import io.lookaside.session.Session;
import io.lookaside.wire.Wire;
import org.junit.jupiter.api.Test;

class ReaddirplusTest {
    private static final long DIR = 5;
    private final Readdirplus model = new Readdirplus();

    /** fuse_dirent records for the names, padded to 8 bytes. */
    private static Wire dirents(String... names) {
        Wire w = Wire.le();
        long ino = 100;
        for (String n : names) {
            byte[] b = n.getBytes();
            w.u64(ino).u64(ino).u32(b.length).u32(8).raw(b).zeros((8 - (24 + b.length) % 8) % 8);
            ino++;
        }
        return w;
    }

    private static void readdir(FuseCapture c, String... names) {
        c.call(FuseOpcode.READDIR, DIR, FuseCapture.readIn(1, 0, 4096, 0), 0, dirents(names));
    }

    @Test
    void simulateFirstLookupOfEachListedNameIsEliminated() {
        FuseCapture c = new FuseCapture();
        readdir(c, ".", "..", "a", "b");
        int a = c.lookup(DIR, "a", 9, 1, attr(9));
        c.lookup(DIR, "a", 9, 1, attr(9));
        c.lookup(DIR, "c", 11, 1, attr(11));
        Session s = c.session();
        assertThat(model.simulate(s, null, Windows.INFINITE).eliminated()).isEqualTo(bits(a, a + 1));
        assertThat(model.remarks(s)).singleElement().asString().contains("listed 2 names")
                .contains("256 bytes longer").contains("the 1 names never looked up");
    }

    @Test
    void simulateRemovedNameIsNotCountedAndAMissingOneIsStale() {
        FuseCapture c = new FuseCapture();
        readdir(c, "a", "b");
        c.call(FuseOpcode.UNLINK, DIR, Wire.le().cstr("a"), 0, Wire.le());
        c.lookupMissing(DIR, "a");
        int vanished = c.lookupMissing(DIR, "b");
        Outcome o = model.simulate(c.session(), null, Windows.INFINITE);
        assertThat(o.eliminated()).isEqualTo(bits());
        assertThat(o.stale()).isEqualTo(bits(vanished));
    }

    @Test
    void simulateHonoursTheWindow() {
        FuseCapture c = new FuseCapture();
        c.at(0);
        readdir(c, "a");
        c.at(5_000_000_000L).lookup(DIR, "a", 9, 1, attr(9));
        assertThat(model.simulate(c.session(), null, 1_000_000_000L).eliminated()).isEqualTo(bits());
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated().cardinality()).isEqualTo(2);
    }
}
