package io.lookaside.whatif;

import static io.lookaside.whatif.FuseCapture.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.fuse.FuseOpcode;
import io.lookaside.wire.Wire;
import org.junit.jupiter.api.Test;

class FuseXattrNegativeTest {
    private static final long NODE = 9;
    private static final int ENODATA = -61;
    private final FuseXattrNegative model = new FuseXattrNegative();

    private static int getxattr(FuseCapture c, long node, String name, int error, Wire value) {
        return c.call(FuseOpcode.GETXATTR, node, Wire.le().u32(0).u32(0).cstr(name), error, value);
    }

    @Test
    void simulateRepeatedEnodataIsEliminatedPerNodeAndName() {
        FuseCapture c = new FuseCapture();
        getxattr(c, NODE, "security.capability", ENODATA, Wire.le());
        int again = getxattr(c, NODE, "security.capability", ENODATA, Wire.le());
        getxattr(c, NODE, "security.selinux", ENODATA, Wire.le());
        getxattr(c, NODE + 1, "security.capability", ENODATA, Wire.le());
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits(again, again + 1));
    }

    @Test
    void simulateSetxattrAndRemovexattrInvalidate() {
        FuseCapture c = new FuseCapture();
        getxattr(c, NODE, "user.a", ENODATA, Wire.le());
        c.call(FuseOpcode.SETXATTR, NODE, Wire.le().u32(1).u32(0).cstr("user.a").u8('x'), 0, Wire.le());
        getxattr(c, NODE, "user.a", ENODATA, Wire.le());
        c.call(FuseOpcode.REMOVEXATTR, NODE, Wire.le().cstr("user.a"), ENODATA, Wire.le());
        getxattr(c, NODE, "user.a", ENODATA, Wire.le());
        assertThat(model.simulate(c.session(), null, Windows.INFINITE).eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateValueWhereTheCacheSaysNoneIsStale() {
        FuseCapture c = new FuseCapture();
        getxattr(c, NODE, "user.a", ENODATA, Wire.le());
        int appeared = getxattr(c, NODE, "user.a", 0, Wire.le().u32(1).u32(0));
        Outcome o = model.simulate(c.session(), null, Windows.INFINITE);
        assertThat(o.stale()).isEqualTo(bits(appeared));
        assertThat(o.eliminated()).isEqualTo(bits());
    }

    @Test
    void simulateHonoursTheWindow() {
        FuseCapture c = new FuseCapture();
        c.at(0);
        getxattr(c, NODE, "user.a", ENODATA, Wire.le());
        c.at(2_000_000_000L);
        getxattr(c, NODE, "user.a", ENODATA, Wire.le());
        assertThat(model.simulate(c.session(), null, 1_000_000_000L).eliminated()).isEqualTo(bits());
        assertThat(model.simulate(c.session(), null, 10_000_000_000L).eliminated().cardinality()).isEqualTo(2);
    }
}
