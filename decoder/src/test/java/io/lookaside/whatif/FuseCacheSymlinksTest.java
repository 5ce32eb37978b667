package io.lookaside.whatif;

import static io.lookaside.whatif.FuseCapture.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.fuse.FuseNotifyCode;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.session.Session;
import io.lookaside.wire.Wire;
import org.junit.jupiter.api.Test;

class FuseCacheSymlinksTest {
    private static final long LINK = 12;
    /** FUSE_CACHE_SYMLINKS, bit 23 of the INIT flags. */
    private static final long CACHE_SYMLINKS = 1L << 23;
    private final FuseCacheSymlinks model = new FuseCacheSymlinks();

    private static int readlink(FuseCapture c, String target) {
        return c.call(FuseOpcode.READLINK, LINK, Wire.le(), 0, Wire.le().raw(target.getBytes()));
    }

    @Test
    void simulateSameTargetAgainIsEliminated() {
        FuseCapture c = new FuseCapture();
        readlink(c, "usr/lib");
        int again = readlink(c, "usr/lib");
        int third = readlink(c, "usr/lib");
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated())
                .isEqualTo(bits(again, again + 1, third, third + 1));
    }

    @Test
    void simulateAnotherTargetIsStale() {
        FuseCapture c = new FuseCapture();
        readlink(c, "usr/lib");
        int changed = readlink(c, "usr/lib64");
        Outcome o = model.simulate(c.session(), null, Windows.INFINITE);
        assertThat(o.stale()).isEqualTo(bits(changed));
        assertThat(o.eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateInvalInodeSetattrAndForgetInvalidate() {
        FuseCapture c = new FuseCapture();
        readlink(c, "a");
        c.notify(FuseNotifyCode.INVAL_INODE, Wire.le().u64(LINK).u64(0).u64(0));
        readlink(c, "a");
        c.call(FuseOpcode.SETATTR, LINK, Wire.le().u32(1).u32(0).zeros(80), 0,
                Wire.le().u64(0).u32(0).u32(0).raw(FuseCapture.attr(LINK)));
        readlink(c, "a");
        c.request(FuseOpcode.FORGET, LINK, Wire.le().u64(1));
        readlink(c, "a");
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateWindowZeroKeepsNothingAndAnsweredIsTheKernelWithoutTheFlag() {
        FuseCapture c = new FuseCapture();
        readlink(c, "a");
        readlink(c, "a");
        Session s = c.session();
        assertThat(model.simulate(s, null, 0).eliminated()).isEqualTo(bits());
        assertThat(model.simulate(s, null, Windows.AS_ANSWERED).eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateNothingWhereInitAlreadyAgreedCacheSymlinks() {
        FuseCapture c = new FuseCapture().init(CACHE_SYMLINKS, 131072, 32);
        readlink(c, "a");
        readlink(c, "a");
        Session s = c.session();
        assertThat(model.simulate(s, null, Windows.INFINITE).eliminated()).isEqualTo(bits());
        assertThat(model.remarks(s)).singleElement().asString().contains("already agreed CACHE_SYMLINKS")
                .contains("2 READLINKs");
    }
}
