package io.lookaside.ninep;

import static io.lookaside.ninep.Dialect.P9P2000;
import static io.lookaside.ninep.Dialect.P9P2000_L;
import static io.lookaside.ninep.Dialect.P9P2000_U;
import static io.lookaside.ninep.NinePTypes.*;

import io.lookaside.wire.Wire;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One well-formed message of every record type, and of every dialect where the layout differs,
 * written field by field from the reference tables (not from the decoder), with the record each
 * must decode to. Field values are distinct and u32 values exceed 2^31, so a read at a wrong
 * offset or a signed read shows.
 */
final class NinePFixtures {
    static final int TAG = 0x1234;
    static final long FID = 4_000_000_001L;
    static final long NEWFID = 4_000_000_002L;
    static final long DFID = 4_000_000_003L;
    static final long AFID = 4_000_000_004L;
    static final long U32 = 3_500_000_000L;
    static final long U64 = 0x8765_4321_0FED_CBA9L;
    static final Qid QID = new Qid(Qid.QTDIR, 3_000_000_001L, 9_000_000_000_000_000_001L);
    static final Qid QID2 = new Qid(Qid.QTSYMLINK, 7L, 42L);

    /** A decodable message and what it must decode to. */
    record Fixture(Dialect dialect, byte[] bytes, NinePMessage expected) {
        ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes);
        }

        @Override
        public String toString() {
            return expected.typeName() + " " + dialect.version();
        }
    }

    private NinePFixtures() {
    }

    static ByteBuffer message(int type, int tag, Wire body) {
        return ByteBuffer.wrap(bytes(type, tag, body));
    }

    static ByteBuffer message(int type, Wire body) {
        return message(type, TAG, body);
    }

    static byte[] bytes(int type, int tag, Wire body) {
        return Wire.le().u32(7 + body.length()).u8(type).u16(tag).raw(body).bytes();
    }

    static Wire qid(Qid q) {
        return Wire.le().u8(q.type()).u32(q.version()).u64(q.path());
    }

    /** A stat record, with its .u tail when unix; size[2] counts what follows it. */
    static Wire stat(boolean unix) {
        Wire rest = Wire.le().u16(0xBEEF).u32(U32).raw(qid(QID)).u32(0x8000_01EDL).u32(1_700_000_000L)
                .u32(1_700_000_001L).u64(U64).str("name").str("uid").str("gid").str("muid");
        if (unix) {
            rest.str("ext").u32(1000).u32(1001).u32(1002);
        }
        return Wire.le().u16(rest.length()).raw(rest);
    }

    static Stat statRecord(boolean unix) {
        return new Stat(unix ? 78 : 61, 0xBEEF, U32, QID, 0x8000_01EDL, 1_700_000_000L,
                1_700_000_001L, U64, "name", "uid", "gid", "muid", unix ? "ext" : null,
                unix ? 1000L : null, unix ? 1001L : null, unix ? 1002L : null);
    }

    static List<Fixture> all() {
        List<Fixture> f = new ArrayList<>();
        // 9P2000 and its .u additions
        add(f, P9P2000_L, TVERSION, Wire.le().u32(131_096).str("9P2000.L"),
                new Tversion(TAG, 131_096, "9P2000.L"));
        add(f, P9P2000_L, RVERSION, Wire.le().u32(65_536).str("9P2000.L"),
                new Rversion(TAG, 65_536, "9P2000.L"));
        add(f, P9P2000, TAUTH, Wire.le().u32(AFID).str("glenda").str("/srv"),
                new Tauth(TAG, AFID, "glenda", "/srv", null));
        add(f, P9P2000_U, TAUTH, Wire.le().u32(AFID).str("glenda").str("/srv").u32(U32),
                new Tauth(TAG, AFID, "glenda", "/srv", U32));
        add(f, P9P2000_L, TAUTH, Wire.le().u32(AFID).str("glenda").str("/srv").u32(U32),
                new Tauth(TAG, AFID, "glenda", "/srv", U32));
        add(f, P9P2000_L, RAUTH, qid(QID), new Rauth(TAG, QID));
        add(f, P9P2000, TATTACH, Wire.le().u32(FID).u32(AFID).str("glenda").str("/srv"),
                new Tattach(TAG, FID, AFID, "glenda", "/srv", null));
        add(f, P9P2000_U, TATTACH, Wire.le().u32(FID).u32(AFID).str("glenda").str("/srv").u32(U32),
                new Tattach(TAG, FID, AFID, "glenda", "/srv", U32));
        add(f, P9P2000_L, TATTACH, Wire.le().u32(FID).u32(NinePHeader.NOFID).str("root")
                .str("/srv/9p/rootfs").u32(0),
                new Tattach(TAG, FID, NinePHeader.NOFID, "root", "/srv/9p/rootfs", 0L));
        add(f, P9P2000_L, RATTACH, qid(QID), new Rattach(TAG, QID));
        add(f, P9P2000, RERROR, Wire.le().str("file not found"),
                new Rerror(TAG, "file not found", null, null));
        add(f, P9P2000_U, RERROR, Wire.le().str("No such file").u32(2),
                new Rerror(TAG, "No such file", 2L, null));
        add(f, P9P2000_L, RERROR, Wire.le().str("No such file").u32(2),
                new Rerror(TAG, "No such file", 2L, null));
        add(f, P9P2000_L, RERROR, Wire.le().u32(61), new Rerror(TAG, null, null, 61L));
        add(f, P9P2000_L, TFLUSH, Wire.le().u16(0xABCD), new Tflush(TAG, 0xABCD));
        add(f, P9P2000_L, RFLUSH, Wire.le(), new Rflush(TAG));
        add(f, P9P2000_L, TWALK, Wire.le().u32(FID).u32(NEWFID).u16(2).str("usr").str("bin"),
                new Twalk(TAG, FID, NEWFID, List.of("usr", "bin")));
        add(f, P9P2000_L, RWALK, Wire.le().u16(2).raw(qid(QID)).raw(qid(QID2)),
                new Rwalk(TAG, List.of(QID, QID2)));
        add(f, P9P2000, TOPEN, Wire.le().u32(FID).u8(0x12), new Topen(TAG, FID, 0x12));
        add(f, P9P2000, ROPEN, Wire.le().raw(qid(QID)).u32(U32), new Ropen(TAG, QID, U32));
        add(f, P9P2000, TCREATE, Wire.le().u32(FID).str("new").u32(0x8000_01EDL).u8(1),
                new Tcreate(TAG, FID, "new", 0x8000_01EDL, 1, null));
        add(f, P9P2000_U, TCREATE, Wire.le().u32(FID).str("dev").u32(0x0080_01A4L).u8(1).str("c 1 3"),
                new Tcreate(TAG, FID, "dev", 0x0080_01A4L, 1, "c 1 3"));
        add(f, P9P2000, RCREATE, Wire.le().raw(qid(QID)).u32(U32), new Rcreate(TAG, QID, U32));
        add(f, P9P2000_L, TREAD, Wire.le().u32(FID).u64(U64).u32(U32), new Tread(TAG, FID, U64, U32));
        add(f, P9P2000_L, RREAD, Wire.le().u32(5).raw("hello".getBytes()), new Rread(TAG, 5, 11));
        add(f, P9P2000_L, TWRITE, Wire.le().u32(FID).u64(U64).u32(3).raw(new byte[] {1, 2, 3}),
                new Twrite(TAG, FID, U64, 3, 23));
        add(f, P9P2000_L, RWRITE, Wire.le().u32(U32), new Rwrite(TAG, U32));
        add(f, P9P2000_L, TCLUNK, Wire.le().u32(FID), new Tclunk(TAG, FID));
        add(f, P9P2000_L, RCLUNK, Wire.le(), new Rclunk(TAG));
        add(f, P9P2000_L, TREMOVE, Wire.le().u32(FID), new Tremove(TAG, FID));
        add(f, P9P2000_L, RREMOVE, Wire.le(), new Rremove(TAG));
        add(f, P9P2000, TSTAT, Wire.le().u32(FID), new Tstat(TAG, FID));
        Wire plain = stat(false);
        Wire unix = stat(true);
        add(f, P9P2000, RSTAT, Wire.le().u16(plain.length()).raw(plain), new Rstat(TAG, statRecord(false)));
        add(f, P9P2000_U, RSTAT, Wire.le().u16(unix.length()).raw(unix), new Rstat(TAG, statRecord(true)));
        add(f, P9P2000, TWSTAT, Wire.le().u32(FID).u16(plain.length()).raw(plain),
                new Twstat(TAG, FID, statRecord(false)));
        add(f, P9P2000_U, TWSTAT, Wire.le().u32(FID).u16(unix.length()).raw(unix),
                new Twstat(TAG, FID, statRecord(true)));
        add(f, P9P2000, RWSTAT, Wire.le(), new Rwstat(TAG));
        // 9P2000.L
        add(f, P9P2000_L, RLERROR, Wire.le().u32(2), new Rlerror(TAG, 2));
        add(f, P9P2000_L, TSTATFS, Wire.le().u32(FID), new Tstatfs(TAG, FID));
        add(f, P9P2000_L, RSTATFS, Wire.le().u32(0x0102_1994L).u32(4096).u64(1001).u64(1002).u64(1003)
                .u64(1004).u64(1005).u64(U64).u32(255),
                new Rstatfs(TAG, 0x0102_1994L, 4096, 1001, 1002, 1003, 1004, 1005, U64, 255));
        add(f, P9P2000_L, TLOPEN, Wire.le().u32(FID).u32(0_200_000), new Tlopen(TAG, FID, 0_200_000));
        add(f, P9P2000_L, RLOPEN, Wire.le().raw(qid(QID)).u32(U32), new Rlopen(TAG, QID, U32));
        add(f, P9P2000_L, TLCREATE, Wire.le().u32(FID).str("a.o").u32(0_101).u32(0_100_644).u32(U32),
                new Tlcreate(TAG, FID, "a.o", 0_101, 0_100_644, U32));
        add(f, P9P2000_L, RLCREATE, Wire.le().raw(qid(QID)).u32(U32), new Rlcreate(TAG, QID, U32));
        add(f, P9P2000_L, TSYMLINK, Wire.le().u32(FID).str("cc").str("gcc-12").u32(U32),
                new Tsymlink(TAG, FID, "cc", "gcc-12", U32));
        add(f, P9P2000_L, RSYMLINK, qid(QID2), new Rsymlink(TAG, QID2));
        add(f, P9P2000_L, TMKNOD, Wire.le().u32(DFID).str("null").u32(0_020_666).u32(1).u32(3).u32(U32),
                new Tmknod(TAG, DFID, "null", 0_020_666, 1, 3, U32));
        add(f, P9P2000_L, RMKNOD, qid(QID), new Rmknod(TAG, QID));
        add(f, P9P2000_L, TRENAME, Wire.le().u32(FID).u32(DFID).str("b"), new Trename(TAG, FID, DFID, "b"));
        add(f, P9P2000_L, RRENAME, Wire.le(), new Rrename(TAG));
        add(f, P9P2000_L, TREADLINK, Wire.le().u32(FID), new Treadlink(TAG, FID));
        add(f, P9P2000_L, RREADLINK, Wire.le().str("/etc/alternatives/cc"),
                new Rreadlink(TAG, "/etc/alternatives/cc"));
        add(f, P9P2000_L, TGETATTR, Wire.le().u32(FID).u64(0x3FFF), new Tgetattr(TAG, FID, 0x3FFF));
        Wire getattr = Wire.le().u64(0x7FF).raw(qid(QID)).u32(0_100_644).u32(U32).u32(U32 + 1);
        for (long v = 1; v <= 15; v++) {
            getattr.u64(U64 + v);
        }
        add(f, P9P2000_L, RGETATTR, getattr, new Rgetattr(TAG, 0x7FF, QID, 0_100_644, U32, U32 + 1,
                U64 + 1, U64 + 2, U64 + 3, U64 + 4, U64 + 5, U64 + 6, U64 + 7, U64 + 8, U64 + 9,
                U64 + 10, U64 + 11, U64 + 12, U64 + 13, U64 + 14, U64 + 15));
        add(f, P9P2000_L, TSETATTR, Wire.le().u32(FID).u32(0x1FF).u32(0_644).u32(U32).u32(U32 + 1)
                .u64(U64).u64(U64 + 1).u64(U64 + 2).u64(U64 + 3).u64(U64 + 4),
                new Tsetattr(TAG, FID, 0x1FF, 0_644, U32, U32 + 1, U64, U64 + 1, U64 + 2, U64 + 3,
                        U64 + 4));
        add(f, P9P2000_L, RSETATTR, Wire.le(), new Rsetattr(TAG));
        add(f, P9P2000_L, TXATTRWALK, Wire.le().u32(FID).u32(NEWFID).str("security.capability"),
                new Txattrwalk(TAG, FID, NEWFID, "security.capability"));
        add(f, P9P2000_L, RXATTRWALK, Wire.le().u64(U64), new Rxattrwalk(TAG, U64));
        add(f, P9P2000_L, TXATTRCREATE, Wire.le().u32(FID).str("user.k").u64(U64).u32(2),
                new Txattrcreate(TAG, FID, "user.k", U64, 2));
        add(f, P9P2000_L, RXATTRCREATE, Wire.le(), new Rxattrcreate(TAG));
        add(f, P9P2000_L, TREADDIR, Wire.le().u32(FID).u64(U64).u32(U32), new Treaddir(TAG, FID, U64, U32));
        Wire entries = Wire.le().raw(qid(QID)).u64(1).u8(4).str(".")
                .raw(qid(QID2)).u64(U64).u8(10).str("cc");
        add(f, P9P2000_L, RREADDIR, Wire.le().u32(entries.length()).raw(entries),
                new Rreaddir(TAG, 51, List.of(new Dirent(QID, 1, 4, "."), new Dirent(QID2, U64, 10, "cc"))));
        add(f, P9P2000_L, TFSYNC, Wire.le().u32(FID).u32(1), new Tfsync(TAG, FID, 1));
        add(f, P9P2000_L, RFSYNC, Wire.le(), new Rfsync(TAG));
        add(f, P9P2000_L, TLOCK, Wire.le().u32(FID).u8(1).u32(1).u64(U64).u64(U64 + 1).u32(U32).str("host"),
                new Tlock(TAG, FID, 1, 1, U64, U64 + 1, U32, "host"));
        add(f, P9P2000_L, RLOCK, Wire.le().u8(3), new Rlock(TAG, 3));
        add(f, P9P2000_L, TGETLOCK, Wire.le().u32(FID).u8(0).u64(U64).u64(U64 + 1).u32(U32).str("host"),
                new Tgetlock(TAG, FID, 0, U64, U64 + 1, U32, "host"));
        add(f, P9P2000_L, RGETLOCK, Wire.le().u8(1).u64(U64).u64(U64 + 1).u32(U32).str("other"),
                new Rgetlock(TAG, 1, U64, U64 + 1, U32, "other"));
        add(f, P9P2000_L, TLINK, Wire.le().u32(DFID).u32(FID).str("hard"), new Tlink(TAG, DFID, FID, "hard"));
        add(f, P9P2000_L, RLINK, Wire.le(), new Rlink(TAG));
        add(f, P9P2000_L, TMKDIR, Wire.le().u32(DFID).str("wl").u32(0_40_755).u32(U32),
                new Tmkdir(TAG, DFID, "wl", 0_40_755, U32));
        add(f, P9P2000_L, RMKDIR, qid(QID), new Rmkdir(TAG, QID));
        add(f, P9P2000_L, TRENAMEAT, Wire.le().u32(DFID).str("old").u32(NEWFID).str("new"),
                new Trenameat(TAG, DFID, "old", NEWFID, "new"));
        add(f, P9P2000_L, RRENAMEAT, Wire.le(), new Rrenameat(TAG));
        add(f, P9P2000_L, TUNLINKAT, Wire.le().u32(DFID).str("gone").u32(0x200),
                new Tunlinkat(TAG, DFID, "gone", 0x200));
        add(f, P9P2000_L, RUNLINKAT, Wire.le(), new Runlinkat(TAG));
        return f;
    }

    private static void add(List<Fixture> f, Dialect d, int type, Wire body, NinePMessage expected) {
        f.add(new Fixture(d, bytes(type, TAG, body), expected));
    }
}
