package io.lookaside.fuse;

import static io.lookaside.fuse.Fixtures.CTX;
import static io.lookaside.fuse.Fixtures.UNIQUE;
import static io.lookaside.fuse.Fixtures.decodeReply;
import static io.lookaside.fuse.Fixtures.decodeRequest;
import static io.lookaside.fuse.Fixtures.in;
import static io.lookaside.fuse.Fixtures.out;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.fuse.FuseOpcode;
import io.lookaside.wire.Wire;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests and replies of every opcode, byte by byte from linux/fuse.h layouts. */
class FuseDecoderTest {

    @Test
    void decodeRequestNameOnlyOpcodesGiveTheName() {
        for (FuseOpcode op : List.of(FuseOpcode.LOOKUP, FuseOpcode.UNLINK, FuseOpcode.RMDIR, FuseOpcode.REMOVEXATTR)) {
            Wire body = Wire.le().cstr("hello.c");
            FuseMessage m = decodeRequest(op, body);
            assertThat(m).isEqualTo(switch (op) {
                case LOOKUP -> new FuseRequest.Lookup(in(op, body), "hello.c");
                case UNLINK -> new FuseRequest.Unlink(in(op, body), "hello.c");
                case RMDIR -> new FuseRequest.Rmdir(in(op, body), "hello.c");
                default -> new FuseRequest.Removexattr(in(op, body), "hello.c");
            });
            assertThat(m.typeName()).isEqualTo(op.name());
        }
    }

    @Test
    void decodeRequestEmptyBodyOpcodesGiveHeaderOnlyRecords() {
        Wire none = Wire.le();
        assertThat(decodeRequest(FuseOpcode.READLINK, none)).isEqualTo(new FuseRequest.Readlink(in(FuseOpcode.READLINK, none)));
        assertThat(decodeRequest(FuseOpcode.STATFS, none)).isEqualTo(new FuseRequest.Statfs(in(FuseOpcode.STATFS, none)));
        assertThat(decodeRequest(FuseOpcode.DESTROY, none)).isEqualTo(new FuseRequest.Destroy(in(FuseOpcode.DESTROY, none)));
        Wire pad = Wire.le().u64(0);
        assertThat(decodeRequest(FuseOpcode.SYNCFS, pad)).isEqualTo(new FuseRequest.Syncfs(in(FuseOpcode.SYNCFS, pad)));
    }

    @Test
    void decodeRequestForgetAndBatchForgetGiveCounts() {
        Wire f = Wire.le().u64(3);
        assertThat(decodeRequest(FuseOpcode.FORGET, f)).isEqualTo(new FuseRequest.Forget(in(FuseOpcode.FORGET, f), 3));
        Wire b = Wire.le().u32(2).u32(0).u64(10).u64(1).u64(11).u64(5);
        assertThat(decodeRequest(FuseOpcode.BATCH_FORGET, b)).isEqualTo(new FuseRequest.BatchForget(
                in(FuseOpcode.BATCH_FORGET, b), 2, List.of(new ForgetOne(10, 1), new ForgetOne(11, 5))));
    }

    @Test
    void decodeRequestBatchForgetCountBeyondBodyIsMalformed() {
        FuseMessage m = decodeRequest(FuseOpcode.BATCH_FORGET, Wire.le().u32(1_000_000).u32(0).u64(10).u64(1));
        assertThat(m).isInstanceOf(Malformed.class);
        assertThat(((Malformed) m).reason()).contains("count 1000000");
    }

    /**
     * Every count a FUSE message carries (BATCH_FORGET, REMOVEMAPPING, NOTIFY_PRUNE, the
     * supplementary groups extension) is checked against the bytes left before a list is sized
     * by it: 2^32 - 1 entries announced in a few bytes allocate nothing for them.
     */
    @Test
    void decodeCountsBeyondTheBodyAllocateNothingForThem() {
        long huge = 0xFFFF_FFFFL;
        record Counted(ByteBuffer bytes, boolean notification) {
        }
        Wire groups = Wire.le().u32(16).u32(32).u32(huge).u32(0);
        List<Counted> messages = List.of(
                new Counted(Fixtures.request(FuseOpcode.BATCH_FORGET, Wire.le().u32(huge).u32(0).u64(10).u64(1)), false),
                new Counted(Fixtures.request(FuseOpcode.REMOVEMAPPING, Wire.le().u32(huge).u64(0).u64(4096)), false),
                new Counted(Fixtures.request(Wire.le(), FuseOpcode.MKDIR.code(), UNIQUE, 2,
                        Wire.le().u32(040755).u32(022).cstr("d").raw(groups)), false),
                new Counted(Fixtures.reply(Wire.le(), FuseNotifyCode.PRUNE.code(), 0,
                        Wire.le().u32(huge).u32(0).u64(0).u64(1)), true));

        for (Counted m : messages) {
            FuseMessage[] decoded = new FuseMessage[1];
            long allocated = io.lookaside.Allocation.of(() -> decoded[0] = m.notification()
                    ? FuseDecoder.decodeNotify(m.bytes(), CTX) : FuseDecoder.decodeRequest(m.bytes(), CTX));

            assertThat(decoded[0]).isInstanceOf(Malformed.class);
            assertThat(((Malformed) decoded[0]).reason()).contains("4294967295");
            assertThat(allocated).as("bytes allocated for " + decoded[0].typeName()).isLessThan(64 << 10);
        }
    }

    @Test
    void decodeRequestGetattrReadsFlagsAndFhOrNothingBefore79() {
        Wire body = Wire.le().u32(1).u32(0).u64(0xABC);
        assertThat(decodeRequest(FuseOpcode.GETATTR, body))
                .isEqualTo(new FuseRequest.Getattr(in(FuseOpcode.GETATTR, body), 1L, 0xABCL));
        Wire old = Wire.le();
        assertThat(FuseDecoder.decodeRequest(Fixtures.request(FuseOpcode.GETATTR, old), FuseContext.of(7, 8)))
                .isEqualTo(new FuseRequest.Getattr(in(FuseOpcode.GETATTR, old), null, null));
    }

    @Test
    void decodeRequestSetattrNamesValidBits() {
        Wire body = Wire.le().u32(0x1 | 0x8 | 0x40).u32(0).u64(5).u64(1234).u64(77).u64(11).u64(12).u64(13)
                .u32(1).u32(2).u32(3).u32(0100600).u32(0).u32(1000).u32(100).u32(0);
        assertThat(decodeRequest(FuseOpcode.SETATTR, body)).isEqualTo(new FuseRequest.Setattr(
                in(FuseOpcode.SETATTR, body), 0x49, List.of("MODE", "SIZE", "FH"), 5, 1234, 77, 11, 12, 13, 1, 2, 3,
                0100600, 1000, 100));
    }

    @Test
    void decodeRequestSymlinkReadsNameThenTarget() {
        Wire body = Wire.le().cstr("cc").cstr("../etc/alternatives/cc");
        assertThat(decodeRequest(FuseOpcode.SYMLINK, body))
                .isEqualTo(new FuseRequest.Symlink(in(FuseOpcode.SYMLINK, body), "cc", "../etc/alternatives/cc"));
    }

    @Test
    void decodeRequestMknodAndMkdirReadModes() {
        Wire mknod = Wire.le().u32(010644).u32(0x0801).u32(022).u32(0).cstr("fifo");
        assertThat(decodeRequest(FuseOpcode.MKNOD, mknod)).isEqualTo(
                new FuseRequest.Mknod(in(FuseOpcode.MKNOD, mknod), 010644, 0x0801, 022L, "fifo"));
        Wire mkdir = Wire.le().u32(040755).u32(022).cstr("d");
        assertThat(decodeRequest(FuseOpcode.MKDIR, mkdir))
                .isEqualTo(new FuseRequest.Mkdir(in(FuseOpcode.MKDIR, mkdir), 040755, 022, "d"));
    }

    @Test
    void decodeRequestMknodBefore712HasNoUmask() {
        Wire old = Wire.le().u32(010644).u32(0).cstr("fifo");
        assertThat(FuseDecoder.decodeRequest(Fixtures.request(FuseOpcode.MKNOD, old), FuseContext.of(7, 11)))
                .isEqualTo(new FuseRequest.Mknod(in(FuseOpcode.MKNOD, old), 010644, 0, null, "fifo"));
    }

    @Test
    void decodeRequestRenameLinkAndRename2ReadTargets() {
        Wire rename = Wire.le().u64(8).cstr("a").cstr("b");
        assertThat(decodeRequest(FuseOpcode.RENAME, rename))
                .isEqualTo(new FuseRequest.Rename(in(FuseOpcode.RENAME, rename), 8, "a", "b"));
        Wire rename2 = Wire.le().u64(8).u32(1).u32(0).cstr("a").cstr("b");
        assertThat(decodeRequest(FuseOpcode.RENAME2, rename2))
                .isEqualTo(new FuseRequest.Rename2(in(FuseOpcode.RENAME2, rename2), 8, 1, "a", "b"));
        Wire link = Wire.le().u64(12).cstr("hard");
        assertThat(decodeRequest(FuseOpcode.LINK, link))
                .isEqualTo(new FuseRequest.Link(in(FuseOpcode.LINK, link), 12, "hard"));
    }

    @Test
    void decodeRequestOpenAndOpendirReadFlags() {
        Wire body = Wire.le().u32(0x8000).u32(1);
        assertThat(decodeRequest(FuseOpcode.OPEN, body)).isEqualTo(new FuseRequest.Open(in(FuseOpcode.OPEN, body), 0x8000, 1));
        assertThat(decodeRequest(FuseOpcode.OPENDIR, body))
                .isEqualTo(new FuseRequest.Opendir(in(FuseOpcode.OPENDIR, body), 0x8000, 1));
    }

    @Test
    void decodeRequestReadFamilyReadsReadIn() {
        Wire body = Wire.le().u64(3).u64(4096).u32(131072).u32(2).u64(99).u32(0x8000).u32(0);
        assertThat(decodeRequest(FuseOpcode.READ, body)).isEqualTo(
                new FuseRequest.Read(in(FuseOpcode.READ, body), 3, 4096, 131072, 2, 99L, 0x8000L));
        assertThat(decodeRequest(FuseOpcode.READDIR, body)).isEqualTo(
                new FuseRequest.Readdir(in(FuseOpcode.READDIR, body), 3, 4096, 131072, 2, 99L, 0x8000L));
        assertThat(decodeRequest(FuseOpcode.READDIRPLUS, body)).isEqualTo(
                new FuseRequest.Readdirplus(in(FuseOpcode.READDIRPLUS, body), 3, 4096, 131072, 2, 99L, 0x8000L));
    }

    @Test
    void decodeRequestReadBefore79Has24ByteReadIn() {
        Wire old = Wire.le().u64(3).u64(0).u32(4096).u32(0);
        assertThat(FuseDecoder.decodeRequest(Fixtures.request(FuseOpcode.READ, old), FuseContext.of(7, 8)))
                .isEqualTo(new FuseRequest.Read(in(FuseOpcode.READ, old), 3, 0, 4096, 0, null, null));
    }

    @Test
    void decodeRequestWritePointsAtTheData() {
        Wire body = Wire.le().u64(3).u64(10).u32(5).u32(1).u64(0).u32(0x8001).u32(0).raw("hello".getBytes());
        assertThat(decodeRequest(FuseOpcode.WRITE, body)).isEqualTo(
                new FuseRequest.Write(in(FuseOpcode.WRITE, body), 3, 10, 5, 1, 0L, 0x8001L, 80));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            8,  known 7.8
            -1, unknown version, told by the data length
            """)
    void decodeRequestWriteBefore79Has24ByteWriteIn(int minor, String why) {
        Wire old = Wire.le().u64(3).u64(10).u32(5).u32(0).raw("hello".getBytes());
        FuseContext ctx = minor < 0 ? FuseContext.DEFAULT : FuseContext.of(7, minor);
        assertThat(FuseDecoder.decodeRequest(Fixtures.request(FuseOpcode.WRITE, old), ctx)).as(why)
                .isEqualTo(new FuseRequest.Write(in(FuseOpcode.WRITE, old), 3, 10, 5, 0, null, null, 64));
    }

    @Test
    void decodeRequestWriteWithWrongDataLengthIsMalformed() {
        Wire body = Wire.le().u64(3).u64(10).u32(50).u32(1).u64(0).u32(0).u32(0).raw("hello".getBytes());
        assertThat(decodeRequest(FuseOpcode.WRITE, body)).isInstanceOf(Malformed.class);
    }

    @Test
    void decodeRequestReleaseFsyncFlushReadHandles() {
        Wire rel = Wire.le().u64(3).u32(0x8000).u32(1).u64(55);
        assertThat(decodeRequest(FuseOpcode.RELEASE, rel))
                .isEqualTo(new FuseRequest.Release(in(FuseOpcode.RELEASE, rel), 3, 0x8000, 1, 55));
        assertThat(decodeRequest(FuseOpcode.RELEASEDIR, rel))
                .isEqualTo(new FuseRequest.Releasedir(in(FuseOpcode.RELEASEDIR, rel), 3, 0x8000, 1, 55));
        Wire fsync = Wire.le().u64(3).u32(1).u32(0);
        assertThat(decodeRequest(FuseOpcode.FSYNC, fsync)).isEqualTo(new FuseRequest.Fsync(in(FuseOpcode.FSYNC, fsync), 3, 1));
        assertThat(decodeRequest(FuseOpcode.FSYNCDIR, fsync))
                .isEqualTo(new FuseRequest.Fsyncdir(in(FuseOpcode.FSYNCDIR, fsync), 3, 1));
        Wire flush = Wire.le().u64(3).u32(0).u32(0).u64(55);
        assertThat(decodeRequest(FuseOpcode.FLUSH, flush)).isEqualTo(new FuseRequest.Flush(in(FuseOpcode.FLUSH, flush), 3, 55));
    }

    @Test
    void decodeRequestXattrOpcodesReadSizesAndNames() {
        Wire get = Wire.le().u32(0).u32(0).cstr("security.selinux");
        assertThat(decodeRequest(FuseOpcode.GETXATTR, get))
                .isEqualTo(new FuseRequest.Getxattr(in(FuseOpcode.GETXATTR, get), 0, "security.selinux"));
        Wire list = Wire.le().u32(4096).u32(0);
        assertThat(decodeRequest(FuseOpcode.LISTXATTR, list))
                .isEqualTo(new FuseRequest.Listxattr(in(FuseOpcode.LISTXATTR, list), 4096));
    }

    @Test
    void decodeRequestSetxattrFollowsSetxattrExt() {
        Wire ext = Wire.le().u32(3).u32(1).u32(1).u32(0).cstr("user.a").raw("xyz".getBytes());
        FuseContext withExt = new FuseContext(7, 45, java.nio.ByteOrder.LITTLE_ENDIAN, FuseFlags.SETXATTR_EXT);
        assertThat(FuseDecoder.decodeRequest(Fixtures.request(FuseOpcode.SETXATTR, ext), withExt))
                .isEqualTo(new FuseRequest.Setxattr(in(FuseOpcode.SETXATTR, ext), 3, 1, 1L, "user.a", 63));
        Wire plain = Wire.le().u32(3).u32(1).cstr("user.a").raw("xyz".getBytes());
        assertThat(FuseDecoder.decodeRequest(Fixtures.request(FuseOpcode.SETXATTR, plain), FuseContext.of(7, 31)))
                .isEqualTo(new FuseRequest.Setxattr(in(FuseOpcode.SETXATTR, plain), 3, 1, null, "user.a", 55));
        assertThat(FuseDecoder.decodeRequest(Fixtures.request(FuseOpcode.SETXATTR, plain), FuseContext.DEFAULT))
                .as("no INIT seen: the layout that fits").isInstanceOf(FuseRequest.Setxattr.class);
    }

    @Test
    void decodeRequestInitNamesFlagsAndFlags2() {
        long flags = 1L | 1L << 30;
        Wire body = Wire.le().u32(7).u32(45).u32(131072).u32(flags).u32(1 | 1 << 7).zeros(44);
        FuseMessage m = decodeRequest(FuseOpcode.INIT, body);
        assertThat(m).isEqualTo(new FuseRequest.Init(in(FuseOpcode.INIT, body), 7, 45, 131072L, flags, 129L,
                List.of("ASYNC_READ", "INIT_EXT", "SECURITY_CTX", "HAS_RESEND")));
    }

    @Test
    void decodeRequestInitBefore736Has16Bytes() {
        Wire body = Wire.le().u32(7).u32(31).u32(131072).u32(1 << 13);
        assertThat(decodeRequest(FuseOpcode.INIT, body)).isEqualTo(new FuseRequest.Init(in(FuseOpcode.INIT, body),
                7, 31, 131072L, (long) (1 << 13), null, List.of("DO_READDIRPLUS")));
    }

    @Test
    void decodeRequestLockOpcodesReadFileLock() {
        Wire body = Wire.le().u64(3).u64(0xFEED).u64(0).u64(100).u32(1).u32(4242).u32(1).u32(0);
        FileLock lk = new FileLock(0, 100, 1, 4242);
        assertThat(decodeRequest(FuseOpcode.GETLK, body)).isEqualTo(new FuseRequest.Getlk(in(FuseOpcode.GETLK, body), 3, 0xFEED, lk, 1));
        assertThat(decodeRequest(FuseOpcode.SETLK, body)).isEqualTo(new FuseRequest.Setlk(in(FuseOpcode.SETLK, body), 3, 0xFEED, lk, 1));
        assertThat(decodeRequest(FuseOpcode.SETLKW, body)).isEqualTo(new FuseRequest.Setlkw(in(FuseOpcode.SETLKW, body), 3, 0xFEED, lk, 1));
    }

    @Test
    void decodeRequestAccessInterruptBmapPollLseek() {
        Wire access = Wire.le().u32(4).u32(0);
        assertThat(decodeRequest(FuseOpcode.ACCESS, access)).isEqualTo(new FuseRequest.Access(in(FuseOpcode.ACCESS, access), 4));
        Wire intr = Wire.le().u64(40);
        assertThat(decodeRequest(FuseOpcode.INTERRUPT, intr))
                .isEqualTo(new FuseRequest.Interrupt(in(FuseOpcode.INTERRUPT, intr), 40));
        Wire bmap = Wire.le().u64(17).u32(4096).u32(0);
        assertThat(decodeRequest(FuseOpcode.BMAP, bmap)).isEqualTo(new FuseRequest.Bmap(in(FuseOpcode.BMAP, bmap), 17, 4096));
        Wire poll = Wire.le().u64(3).u64(9).u32(1).u32(0x41);
        assertThat(decodeRequest(FuseOpcode.POLL, poll)).isEqualTo(new FuseRequest.Poll(in(FuseOpcode.POLL, poll), 3, 9, 1, 0x41));
        Wire lseek = Wire.le().u64(3).u64(100).u32(3).u32(0);
        assertThat(decodeRequest(FuseOpcode.LSEEK, lseek)).isEqualTo(new FuseRequest.Lseek(in(FuseOpcode.LSEEK, lseek), 3, 100, 3));
    }

    @Test
    void decodeRequestCreateAndTmpfileReadCreateIn() {
        Wire body = Wire.le().u32(0x8241).u32(0100644).u32(022).u32(0).cstr("new.o");
        assertThat(decodeRequest(FuseOpcode.CREATE, body)).isEqualTo(
                new FuseRequest.Create(in(FuseOpcode.CREATE, body), 0x8241, 0100644, 022L, 0L, "new.o"));
        assertThat(decodeRequest(FuseOpcode.TMPFILE, body)).isEqualTo(
                new FuseRequest.Tmpfile(in(FuseOpcode.TMPFILE, body), 0x8241, 0100644, 022L, 0L, "new.o"));
    }

    @Test
    void decodeRequestCreateBefore712HasOpenInOnly() {
        Wire old = Wire.le().u32(0x8241).u32(0100644).cstr("new.o");
        assertThat(FuseDecoder.decodeRequest(Fixtures.request(FuseOpcode.CREATE, old), FuseContext.of(7, 11)))
                .isEqualTo(new FuseRequest.Create(in(FuseOpcode.CREATE, old), 0x8241, 0100644, null, null, "new.o"));
    }

    @Test
    void decodeRequestIoctlAndNotifyReplyPointAtData() {
        Wire ioctl = Wire.le().u64(3).u32(0).u32(0x5401).u64(0x7fff0000L).u32(4).u32(8).raw(new byte[] {1, 2, 3, 4});
        assertThat(decodeRequest(FuseOpcode.IOCTL, ioctl)).isEqualTo(
                new FuseRequest.Ioctl(in(FuseOpcode.IOCTL, ioctl), 3, 0, 0x5401, 0x7fff0000L, 4, 8, 72));
        Wire nr = Wire.le().u64(0).u64(4096).u32(3).u32(0).u64(0).u64(0).raw(new byte[] {9, 9, 9});
        assertThat(decodeRequest(FuseOpcode.NOTIFY_REPLY, nr))
                .isEqualTo(new FuseRequest.NotifyReply(in(FuseOpcode.NOTIFY_REPLY, nr), 4096, 3, 80));
    }

    @Test
    void decodeRequestRangeOpcodesReadTheirStructs() {
        Wire fall = Wire.le().u64(3).u64(0).u64(1 << 20).u32(1).u32(0);
        assertThat(decodeRequest(FuseOpcode.FALLOCATE, fall))
                .isEqualTo(new FuseRequest.Fallocate(in(FuseOpcode.FALLOCATE, fall), 3, 0, 1 << 20, 1));
        Wire cfr = Wire.le().u64(3).u64(0).u64(12).u64(4).u64(100).u64(4096).u64(0);
        assertThat(decodeRequest(FuseOpcode.COPY_FILE_RANGE, cfr)).isEqualTo(
                new FuseRequest.CopyFileRange(in(FuseOpcode.COPY_FILE_RANGE, cfr), 3, 0, 12, 4, 100, 4096, 0));
        assertThat(decodeRequest(FuseOpcode.COPY_FILE_RANGE_64, cfr)).isEqualTo(
                new FuseRequest.CopyFileRange64(in(FuseOpcode.COPY_FILE_RANGE_64, cfr), 3, 0, 12, 4, 100, 4096, 0));
        Wire setup = Wire.le().u64(3).u64(0).u64(2 << 20).u64(3).u64(4 << 20);
        assertThat(decodeRequest(FuseOpcode.SETUPMAPPING, setup)).isEqualTo(
                new FuseRequest.Setupmapping(in(FuseOpcode.SETUPMAPPING, setup), 3, 0, 2 << 20, 3, 4 << 20));
        Wire remove = Wire.le().u32(2).u64(0).u64(4096).u64(8192).u64(4096);
        assertThat(decodeRequest(FuseOpcode.REMOVEMAPPING, remove)).isEqualTo(new FuseRequest.Removemapping(
                in(FuseOpcode.REMOVEMAPPING, remove), 2, List.of(new MappingRange(0, 4096), new MappingRange(8192, 4096))));
        Wire statx = Wire.le().u32(1).u32(0).u64(3).u32(0x800).u32(0x7ff);
        assertThat(decodeRequest(FuseOpcode.STATX, statx))
                .isEqualTo(new FuseRequest.Statx(in(FuseOpcode.STATX, statx), 1, 3, 0x800, 0x7ff));
    }

    @Test
    void decodeRequestCuseInitNamesFlags() {
        Wire body = Wire.le().u32(7).u32(45).u32(0).u32(1);
        assertThat(decodeRequest(FuseOpcode.CUSE_INIT, body)).isEqualTo(
                new FuseRequest.CuseInit(in(FuseOpcode.CUSE_INIT, body), 7, 45, 1, List.of("UNRESTRICTED_IOCTL")));
    }

    @Test
    void decodeRequestUnknownOpcodeKeepsTheNumber() {
        Wire body = Wire.le().u64(1);
        ByteBuffer msg = Fixtures.request(Wire.le(), 19, UNIQUE, 0, body);
        assertThat(FuseDecoder.decodeRequest(msg, CTX)).isEqualTo(new FuseRequest.Unknown(
                new io.lookaside.fuse.InHeader(FuseOpcode.UNKNOWN, UNIQUE, Fixtures.NODEID, Fixtures.UID, Fixtures.GID,
                        Fixtures.PID, 48, 0, List.of()), 19, 8));
    }

    @Test
    void decodeRequestExtensionsGiveSecurityContextAndGroups() {
        // fuse_secctx_header{size 56, nr 1} fuse_secctx{size 17, pad} "security.selinux\0" 17-byte context, padded to 8
        Wire sec = Wire.le().u32(56).u32(1).u32(17).u32(0).cstr("security.selinux").raw("system_u:object_r".getBytes())
                .zeros(6);
        Wire groups = Wire.le().u32(24).u32(32).u32(2).u32(10).u32(20).u32(0);
        Wire body = Wire.le().u32(040755).u32(022).cstr("dir");
        byte[] all = Wire.le().raw(body.bytes()).raw(sec.bytes()).raw(groups.bytes()).bytes();
        ByteBuffer msg = Fixtures.request(Wire.le(), FuseOpcode.MKDIR.code(), UNIQUE, (56 + 24) / 8, Wire.le().raw(all));
        FuseMessage m = FuseDecoder.decodeRequest(msg, CTX);
        assertThat(m).isInstanceOf(FuseRequest.Mkdir.class);
        FuseRequest.Mkdir mkdir = (FuseRequest.Mkdir) m;
        assertThat(mkdir.name()).isEqualTo("dir");
        assertThat(mkdir.header().extensions()).containsExactly(
                new Extension.SecurityContext(List.of(new Extension.SecCtx("security.selinux", "system_u:object_r"))),
                new Extension.SupplementaryGroups(List.of(10L, 20L)));
    }

    @Test
    void decodeRequestExtlenBeyondMessageIsMalformed() {
        ByteBuffer msg = Fixtures.request(Wire.le(), FuseOpcode.MKDIR.code(), UNIQUE, 100, Wire.le().u32(0).u32(0).cstr("d"));
        assertThat(FuseDecoder.decodeRequest(msg, CTX)).isInstanceOf(Malformed.class);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,  shorter than fuse_in_header
            39, shorter than fuse_in_header
            """)
    void decodeRequestShortMessageIsMalformedWithoutHeader(int size) {
        FuseMessage m = FuseDecoder.decodeRequest(ByteBuffer.allocate(size), CTX);
        assertThat(m).isInstanceOf(Malformed.class);
        assertThat(((Malformed) m).header()).isNull();
    }

    @Test
    void decodeRequestLenDisagreeingWithSizeIsMalformed() {
        byte[] b = Fixtures.request(FuseOpcode.LOOKUP, Wire.le().cstr("x")).array();
        FuseMessage m = FuseDecoder.decodeRequest(ByteBuffer.wrap(b, 0, b.length - 1), CTX);
        assertThat(m).isInstanceOf(Malformed.class);
        assertThat(((Malformed) m).reason()).contains("cut short");
    }

    @Test
    void decodeRequestNameWithoutNulIsMalformed() {
        FuseMessage m = decodeRequest(FuseOpcode.LOOKUP, Wire.le().raw("abc".getBytes()));
        assertThat(m).isInstanceOf(Malformed.class);
        assertThat(((Malformed) m).reason()).contains("not NUL-terminated");
        assertThat(m.typeName()).as("keeps the opcode, like 9P and Wireshark").isEqualTo("LOOKUP");
        assertThat(FuseDecoder.decodeRequest(ByteBuffer.allocate(3), CTX).typeName()).isEqualTo("Malformed");
    }

    @Test
    void decodeRequestEveryTruncationOfEveryOpcodeGivesARecordNotAnException() {
        for (FuseOpcode op : FuseOpcode.values()) {
            byte[] full = Fixtures.request(Wire.le(), op == FuseOpcode.UNKNOWN ? 99 : op.code(), UNIQUE, 0,
                    Wire.le().u32(1).u32(2).u64(3).u64(4).cstr("n").cstr("m").zeros(200)).array();
            for (int cut = 0; cut <= full.length; cut += 3) {
                ByteBuffer b = ByteBuffer.wrap(java.util.Arrays.copyOf(full, cut));
                if (cut >= 4) {
                    b.order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0, cut);
                }
                assertThat(FuseDecoder.decodeRequest(b, CTX)).as(op + " cut at " + cut).isNotNull();
                assertThat(FuseDecoder.decodeReply(b, op.code(), CTX)).as(op + " reply cut at " + cut).isNotNull();
                assertThat(FuseDecoder.decodeNotify(b, CTX)).isNotNull();
            }
        }
    }

    // ---- replies

    @Test
    void decodeReplyEntryOpcodesGiveEntryOut() {
        for (FuseOpcode op : EnumSet.of(FuseOpcode.LOOKUP, FuseOpcode.MKNOD, FuseOpcode.MKDIR, FuseOpcode.SYMLINK,
                FuseOpcode.LINK)) {
            Wire body = Fixtures.entry(Wire.le());
            assertThat(decodeReply(op, body)).isEqualTo(new FuseReply.Entry(out(op, body), Fixtures.entry()));
        }
    }

    @Test
    void decodeReplyEntryBefore79HasShortAttr() {
        Wire body = Wire.le().u64(9).u64(1).u64(1).u64(2).u32(500).u32(600).u64(0x10).u64(4096).u64(8)
                .u64(1_700_000_000L).u64(1_700_000_001L).u64(1_700_000_002L).u32(1).u32(2).u32(3).u32(0100644).u32(1)
                .u32(1000).u32(100).u32(0);
        assertThat(body.length()).isEqualTo(EntryOut.COMPAT_SIZE);
        Attr a = new Attr(0x10, 4096, 8, 1_700_000_000L, 1_700_000_001L, 1_700_000_002L, 1, 2, 3, 0100644, 1, 1000,
                100, 0, null, null);
        assertThat(FuseDecoder.decodeReply(Fixtures.reply(0, body), FuseOpcode.LOOKUP.code(), FuseContext.of(7, 8)))
                .isEqualTo(new FuseReply.Entry(out(FuseOpcode.LOOKUP, body), new EntryOut(9, 1, 1, 2, 500, 600, a)));
    }

    @Test
    void decodeReplyAttrOpcodesGiveAttrOut() {
        Wire body = Fixtures.attr(Wire.le().u64(1).u32(5).u32(0));
        for (FuseOpcode op : EnumSet.of(FuseOpcode.GETATTR, FuseOpcode.SETATTR)) {
            assertThat(decodeReply(op, body)).isEqualTo(new FuseReply.Attr(out(op, body), 1, 5, Fixtures.attr()));
        }
    }

    @Test
    void decodeReplyErrorHasNoBodyAndNamesErrno() {
        FuseMessage m = FuseDecoder.decodeReply(Fixtures.reply(-2, Wire.le()), FuseOpcode.LOOKUP.code(), CTX);
        assertThat(m).isEqualTo(new FuseReply.Error(new OutHeader(FuseOpcode.LOOKUP, UNIQUE, -2, "ENOENT", 16)));
        assertThat(FuseDecoder.decodeReply(Fixtures.reply(-2, Wire.le().u64(0)), FuseOpcode.LOOKUP.code(), CTX))
                .as("an error with a body is refused by the kernel").isInstanceOf(Malformed.class);
        assertThat(FuseDecoder.decodeReply(Fixtures.reply(5, Wire.le()), FuseOpcode.LOOKUP.code(), CTX))
                .as("a positive error on a reply").isInstanceOf(Malformed.class);
    }

    @Test
    void decodeReplyNoBodyOpcodesGiveEmptyAndRefuseExtraBytes() {
        Set<FuseOpcode> none = EnumSet.of(FuseOpcode.UNLINK, FuseOpcode.RMDIR, FuseOpcode.RENAME, FuseOpcode.RENAME2,
                FuseOpcode.RELEASE, FuseOpcode.RELEASEDIR, FuseOpcode.FSYNC, FuseOpcode.FSYNCDIR, FuseOpcode.SETXATTR,
                FuseOpcode.REMOVEXATTR, FuseOpcode.FLUSH, FuseOpcode.SETLK, FuseOpcode.SETLKW, FuseOpcode.ACCESS,
                FuseOpcode.INTERRUPT, FuseOpcode.DESTROY, FuseOpcode.FALLOCATE, FuseOpcode.SETUPMAPPING,
                FuseOpcode.REMOVEMAPPING, FuseOpcode.SYNCFS);
        for (FuseOpcode op : none) {
            assertThat(decodeReply(op, Wire.le())).isEqualTo(new FuseReply.Empty(out(op, Wire.le())));
            assertThat(decodeReply(op, Wire.le().u64(1))).isInstanceOf(Malformed.class);
        }
        for (FuseOpcode op : EnumSet.of(FuseOpcode.FORGET, FuseOpcode.BATCH_FORGET, FuseOpcode.NOTIFY_REPLY)) {
            assertThat(decodeReply(op, Wire.le())).as(op + " gets no reply").isInstanceOf(Malformed.class);
        }
    }

    @Test
    void decodeReplyReadlinkReadDataWrite() {
        Wire target = Wire.le().raw("usr/bin/gcc".getBytes());
        assertThat(decodeReply(FuseOpcode.READLINK, target))
                .isEqualTo(new FuseReply.Readlink(out(FuseOpcode.READLINK, target), "usr/bin/gcc"));
        Wire data = Wire.le().zeros(100);
        assertThat(decodeReply(FuseOpcode.READ, data)).isEqualTo(new FuseReply.Data(out(FuseOpcode.READ, data), 100, 16));
        Wire written = Wire.le().u32(4096).u32(0);
        assertThat(decodeReply(FuseOpcode.WRITE, written)).isEqualTo(new FuseReply.Write(out(FuseOpcode.WRITE, written), 4096));
        assertThat(decodeReply(FuseOpcode.COPY_FILE_RANGE, written))
                .isEqualTo(new FuseReply.Write(out(FuseOpcode.COPY_FILE_RANGE, written), 4096));
        Wire copied = Wire.le().u64(1L << 33);
        assertThat(decodeReply(FuseOpcode.COPY_FILE_RANGE_64, copied))
                .isEqualTo(new FuseReply.CopyFileRange(out(FuseOpcode.COPY_FILE_RANGE_64, copied), 1L << 33));
    }

    @Test
    void decodeReplyOpenNamesFopenFlags() {
        Wire body = Wire.le().u64(0xF00).u32(0x2 | 0x8).u32(0);
        assertThat(decodeReply(FuseOpcode.OPENDIR, body)).isEqualTo(new FuseReply.Open(out(FuseOpcode.OPENDIR, body), 0xF00,
                10, List.of("KEEP_CACHE", "CACHE_DIR"), 0));
        assertThat(decodeReply(FuseOpcode.OPEN, body)).isInstanceOf(FuseReply.Open.class);
    }

    @Test
    void decodeReplyCreateGivesEntryAndOpen() {
        Wire body = Fixtures.entry(Wire.le()).u64(0xF00).u32(1).u32(0);
        for (FuseOpcode op : EnumSet.of(FuseOpcode.CREATE, FuseOpcode.TMPFILE)) {
            assertThat(decodeReply(op, body)).isEqualTo(
                    new FuseReply.Create(out(op, body), Fixtures.entry(), 0xF00, 1, List.of("DIRECT_IO"), 0));
        }
    }

    @Test
    void decodeReplyStatfsWithAndWithoutFrsize() {
        Wire body = Wire.le().u64(100).u64(50).u64(40).u64(1000).u64(900).u32(4096).u32(255).u32(4096).u32(0).zeros(24);
        assertThat(decodeReply(FuseOpcode.STATFS, body)).isEqualTo(
                new FuseReply.Statfs(out(FuseOpcode.STATFS, body), 100, 50, 40, 1000, 900, 4096, 255, 4096L));
        Wire old = Wire.le().u64(100).u64(50).u64(40).u64(1000).u64(900).u32(4096).u32(255);
        assertThat(decodeReply(FuseOpcode.STATFS, old)).isEqualTo(
                new FuseReply.Statfs(out(FuseOpcode.STATFS, old), 100, 50, 40, 1000, 900, 4096, 255, null));
    }

    @Test
    void decodeReplyXattrShapesFollowTheRequestSize() {
        Wire size = Wire.le().u32(17).u32(0);
        assertThat(decodeReply(FuseOpcode.GETXATTR, size)).isEqualTo(new FuseReply.XattrSize(out(FuseOpcode.GETXATTR, size), 17));
        Wire eight = Wire.le().raw("abcdefgh".getBytes());
        FuseRequest asked = (FuseRequest) decodeRequest(FuseOpcode.GETXATTR, Wire.le().u32(8).u32(0).cstr("user.x"));
        assertThat(FuseDecoder.decodeReply(Fixtures.reply(0, eight), asked, CTX))
                .as("an 8-byte value asked with size 8 is the value")
                .isEqualTo(new FuseReply.Xattr(out(FuseOpcode.GETXATTR, eight), 8, "abcdefgh"));
        Wire binary = Wire.le().raw(new byte[] {1, 0, 0, 2, 0});
        assertThat(decodeReply(FuseOpcode.GETXATTR, binary))
                .isEqualTo(new FuseReply.Xattr(out(FuseOpcode.GETXATTR, binary), 5, "0x0100000200"));
        Wire names = Wire.le().cstr("user.a").cstr("security.selinux");
        assertThat(decodeReply(FuseOpcode.LISTXATTR, names)).isEqualTo(
                new FuseReply.Xattrs(out(FuseOpcode.LISTXATTR, names), names.length(), List.of("user.a", "security.selinux")));
    }

    @Test
    void decodeReplyInitOf64BytesGivesEveryField() {
        long flags = 1L << 22 | 1L << 30;
        Wire body = Wire.le().u32(7).u32(45).u32(131072).u32(flags).u16(12).u16(9).u32(1 << 20).u32(1).u16(256).u16(0)
                .u32(1 << 7).u32(1).u16(30).zeros(22);
        assertThat(decodeReply(FuseOpcode.INIT, body)).isEqualTo(new FuseReply.Init(out(FuseOpcode.INIT, body), 7, 45,
                131072L, flags, 12, 9, 1L << 20, 1L, 256, 0, 128L, 1L, 30, List.of("MAX_PAGES", "INIT_EXT", "HAS_RESEND")));
    }

    @Test
    void decodeReplyInitBefore723Has24Bytes() {
        Wire body = Wire.le().u32(7).u32(19).u32(131072).u32(1).u16(12).u16(9).u32(131072);
        assertThat(decodeReply(FuseOpcode.INIT, body)).isEqualTo(new FuseReply.Init(out(FuseOpcode.INIT, body), 7, 19,
                131072L, 1L, 12, 9, 131072L, null, null, null, null, null, null, List.of("ASYNC_READ")));
        Wire oldest = Wire.le().u32(7).u32(4);
        assertThat(decodeReply(FuseOpcode.INIT, oldest)).isEqualTo(new FuseReply.Init(out(FuseOpcode.INIT, oldest), 7, 4,
                null, null, null, null, null, null, null, null, null, null, null, List.of()));
    }

    @Test
    void decodeReplyReaddirGivesPaddedDirents() {
        Wire body = Wire.le().u64(1).u64(1).u32(1).u32(4).raw(".".getBytes()).zeros(7)
                .u64(20).u64(2).u32(5).u32(8).raw("a.txt".getBytes()).zeros(3);
        assertThat(decodeReply(FuseOpcode.READDIR, body)).isEqualTo(new FuseReply.Readdir(out(FuseOpcode.READDIR, body),
                List.of(new Dirent(1, 1, 1, 4, "."), new Dirent(20, 2, 5, 8, "a.txt"))));
        Wire zero = Wire.le().u64(1).u64(1).u32(0).u32(4);
        assertThat(decodeReply(FuseOpcode.READDIR, zero)).as("namelen 0 is EIO in the kernel").isInstanceOf(Malformed.class);
    }

    @Test
    void decodeReplyReaddirplusGivesEntryAndDirent() {
        Wire body = Fixtures.entry(Wire.le()).u64(9).u64(1).u32(3).u32(8).raw("lib".getBytes()).zeros(5);
        assertThat(decodeReply(FuseOpcode.READDIRPLUS, body)).isEqualTo(new FuseReply.Readdirplus(
                out(FuseOpcode.READDIRPLUS, body), List.of(new Direntplus(Fixtures.entry(), new Dirent(9, 1, 3, 8, "lib")))));
    }

    @Test
    void decodeReplySmallStructOpcodes() {
        Wire lk = Wire.le().u64(0).u64(10).u32(2).u32(99);
        assertThat(decodeReply(FuseOpcode.GETLK, lk)).isEqualTo(new FuseReply.Lock(out(FuseOpcode.GETLK, lk), new FileLock(0, 10, 2, 99)));
        Wire bmap = Wire.le().u64(1234);
        assertThat(decodeReply(FuseOpcode.BMAP, bmap)).isEqualTo(new FuseReply.Bmap(out(FuseOpcode.BMAP, bmap), 1234));
        Wire poll = Wire.le().u32(1).u32(0);
        assertThat(decodeReply(FuseOpcode.POLL, poll)).isEqualTo(new FuseReply.Poll(out(FuseOpcode.POLL, poll), 1));
        Wire lseek = Wire.le().u64(8192);
        assertThat(decodeReply(FuseOpcode.LSEEK, lseek)).isEqualTo(new FuseReply.Lseek(out(FuseOpcode.LSEEK, lseek), 8192));
        Wire ioctl = Wire.le().u32(0).u32(0).u32(0).u32(0).raw(new byte[] {1, 2});
        assertThat(decodeReply(FuseOpcode.IOCTL, ioctl)).isEqualTo(new FuseReply.Ioctl(out(FuseOpcode.IOCTL, ioctl), 0, 0, 0, 0, 2, 32));
    }

    @Test
    void decodeReplyStatxGivesFuseStatx() {
        Wire body = Wire.le().u64(1).u32(2).u32(0).zeros(16).u32(0x7ff).u32(4096).u64(0).u32(1).u32(1000).u32(100)
                .u16(0100644).u16(0).u64(0x10).u64(4096).u64(8).u64(0);
        for (int t = 0; t < 4; t++) {
            body.u64(1_700_000_000L + t).u32(t).u32(0);
        }
        body.u32(0).u32(0).u32(8).u32(1).zeros(14 * 8);
        assertThat(body.length()).isEqualTo(32 + Statx.SIZE);
        assertThat(decodeReply(FuseOpcode.STATX, body)).isEqualTo(new FuseReply.Statx(out(FuseOpcode.STATX, body), 1, 2, 0,
                new Statx(0x7ff, 4096, 0, 1, 1000, 100, 0100644, 0x10, 4096, 8, 0, 1_700_000_000L, 0, 1_700_000_001L, 1,
                        1_700_000_002L, 2, 1_700_000_003L, 3, 0, 0, 8, 1)));
    }

    @Test
    void decodeReplyCuseInitGivesDeviceInfo() {
        Wire body = Wire.le().u32(7).u32(45).u32(0).u32(1).u32(4096).u32(4096).u32(240).u32(0).zeros(40)
                .cstr("DEVNAME=mydev");
        assertThat(decodeReply(FuseOpcode.CUSE_INIT, body)).isEqualTo(new FuseReply.CuseInit(out(FuseOpcode.CUSE_INIT, body),
                7, 45, 1, List.of("UNRESTRICTED_IOCTL"), 4096, 4096, 240, 0, List.of("DEVNAME=mydev")));
    }

    @Test
    void decodeReplyWithoutRequestGivesUnknown() {
        Wire body = Wire.le().zeros(8);
        assertThat(FuseDecoder.decodeReply(Fixtures.reply(0, body), -1, CTX))
                .isEqualTo(new FuseReply.Unknown(out(FuseOpcode.UNKNOWN, body), 8));
    }

    // ---- notifications

    private static NotifyHeader notifyHeader(int code, Wire body) {
        return new NotifyHeader(0, code, 16 + body.length());
    }

    private static FuseMessage notify(int code, Wire body) {
        return FuseDecoder.decodeNotify(Fixtures.reply(Wire.le(), code, 0, body), CTX);
    }

    @Test
    void decodeNotifyEveryCode() {
        Wire poll = Wire.le().u64(5);
        assertThat(notify(1, poll)).isEqualTo(new FuseNotify.Poll(notifyHeader(1, poll), 5));
        Wire inode = Wire.le().u64(9).u64(-1).u64(0);
        assertThat(notify(2, inode)).isEqualTo(new FuseNotify.InvalInode(notifyHeader(2, inode), 9, -1, 0));
        Wire entry = Wire.le().u64(1).u32(3).u32(1).cstr("foo");
        assertThat(notify(3, entry)).isEqualTo(new FuseNotify.InvalEntry(notifyHeader(3, entry), 1, 3, 1, "foo"));
        Wire store = Wire.le().u64(9).u64(0).u32(3).u32(0).raw(new byte[] {1, 2, 3});
        assertThat(notify(4, store)).isEqualTo(new FuseNotify.Store(notifyHeader(4, store), 9, 0, 3, 40));
        Wire retrieve = Wire.le().u64(77).u64(9).u64(4096).u32(100).u32(0);
        assertThat(notify(5, retrieve)).isEqualTo(new FuseNotify.Retrieve(notifyHeader(5, retrieve), 77, 9, 4096, 100));
        Wire delete = Wire.le().u64(1).u64(9).u32(3).u32(0).cstr("foo");
        assertThat(notify(6, delete)).isEqualTo(new FuseNotify.Delete(notifyHeader(6, delete), 1, 9, 3, "foo"));
        assertThat(notify(7, Wire.le())).isEqualTo(new FuseNotify.Resend(notifyHeader(7, Wire.le())));
        assertThat(notify(8, Wire.le())).isEqualTo(new FuseNotify.IncEpoch(notifyHeader(8, Wire.le())));
        Wire prune = Wire.le().u32(2).u32(0).u64(0).u64(9).u64(10);
        assertThat(notify(9, prune)).isEqualTo(new FuseNotify.Prune(notifyHeader(9, prune), 2, List.of(9L, 10L)));
        assertThat(notify(42, Wire.le())).isEqualTo(new FuseNotify.Unknown(notifyHeader(42, Wire.le()), 0));
        assertThat(notify(2, inode).typeName()).isEqualTo("NOTIFY_INVAL_INODE");
    }

    @Test
    void decodeNotifyNameWithoutNulIsMalformed() {
        assertThat(notify(3, Wire.le().u64(1).u32(3).u32(0).raw("fooX".getBytes()))).isInstanceOf(Malformed.class);
    }

    // ---- header-only and byte order

    @Test
    void decodeRequestHeaderWithoutIdsSaysWhatIsMissing() {
        ByteBuffer h = ByteBuffer.wrap(Wire.le().u32(65).u32(22).u64(6).zeros(24).bytes());
        assertThat(FuseDecoder.decodeRequestHeader(h, FuseContext.DEFAULT, false)).isEqualTo(new HeaderOnly.Request(
                FuseOpcode.GETXATTR, 6, null, null, null, null, 65, List.of("nodeid", "uid", "gid", "pid", "body")));
        assertThat(FuseDecoder.decodeReplyHeader(ByteBuffer.wrap(Wire.le().u32(131088).u32(0).u64(6).bytes()),
                FuseOpcode.READ.code(), FuseContext.DEFAULT)).isEqualTo(new HeaderOnly.Reply(
                        new OutHeader(FuseOpcode.READ, 6, 0, null, 131088), List.of("body")));
    }

    @Test
    void orderOfTellsSwappedInitAndPlainRequests() {
        ByteBuffer be = Fixtures.request(Wire.be(), FuseOpcode.INIT.code(), 2, 0, Wire.be().u32(7).u32(45).u32(0).u32(0));
        assertThat(be.order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(4)).isEqualTo(FuseOpcode.INIT_SWAPPED);
        assertThat(FuseDecoder.orderOf(be)).isEqualTo(java.nio.ByteOrder.BIG_ENDIAN);
        ByteBuffer cuse = Fixtures.request(Wire.be(), FuseOpcode.CUSE_INIT.code(), 2, 0, Wire.be().zeros(16));
        assertThat(cuse.order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(4)).isEqualTo(FuseOpcode.CUSE_INIT_SWAPPED);
        assertThat(FuseDecoder.orderOf(cuse)).isEqualTo(java.nio.ByteOrder.BIG_ENDIAN);
        assertThat(FuseDecoder.orderOf(Fixtures.request(FuseOpcode.LOOKUP, Wire.le().cstr("x"))))
                .isEqualTo(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void decodeRequestBigEndianGivesTheSameRecord() {
        Wire le = Wire.le().u64(3).u64(4096).u32(100).u32(0).u64(0).u32(0).u32(0);
        Wire be = Wire.be().u64(3).u64(4096).u32(100).u32(0).u64(0).u32(0).u32(0);
        FuseMessage a = FuseDecoder.decodeRequest(Fixtures.request(FuseOpcode.READ, le), CTX);
        FuseMessage b = FuseDecoder.decodeRequest(Fixtures.request(Wire.be(), FuseOpcode.READ.code(), UNIQUE, 0, be),
                CTX.withOrder(java.nio.ByteOrder.BIG_ENDIAN));
        assertThat(b).isEqualTo(a).isInstanceOf(FuseRequest.Read.class);
    }

    /** Real messages with random bytes changed: every one still gives a record. */
    @Test
    void decodeMutatedRealMessagesNeverThrows() throws Exception {
        io.lookaside.session.Session s = io.lookaside.session.SessionLoader.load(
                io.lookaside.Samples.path("b-fuse-fuse-overlayfs.fusedump.gz"),
                io.lookaside.capture.CaptureOptions.DEFAULT, io.lookaside.capture.LoadMonitor.NONE);
        java.util.Random random = new java.util.Random(42);
        int malformed = 0;
        for (int i = 0; i < s.size(); i++) {
            byte[] b = new byte[s.bytes(i).remaining()];
            s.bytes(i).get(b);
            for (int round = 0; round < 8; round++) {
                byte[] m = b.clone();
                for (int k = 0; k < 3; k++) {
                    m[random.nextInt(Math.min(m.length, 200))] = (byte) random.nextInt(256);
                }
                ByteBuffer buf = ByteBuffer.wrap(m);
                FuseMessage d = switch (s.direction(i)) {
                    case REQUEST -> FuseDecoder.decodeRequest(buf, CTX);
                    case REPLY -> FuseDecoder.decodeReply(buf, s.typeCode(i), CTX);
                    case NOTIFY -> FuseDecoder.decodeNotify(buf, CTX);
                };
                assertThat(d).isNotNull();
                malformed += d instanceof Malformed ? 1 : 0;
            }
        }
        assertThat(malformed).as("most mutations hit a length or a name").isPositive();
    }
}
