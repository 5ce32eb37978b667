package io.lookaside.fuse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Request bodies, one case per opcode (linux/fuse.h {@code fuse_*_in}). */
final class RequestDecoder {
    /** FUSE_NAME_MAX: longer names are refused by the kernel. */
    static final int NAME_MAX = 1024;
    /** FUSE_COMPAT_WRITE_IN_SIZE / read_in before 7.9. */
    private static final int COMPAT_RW_IN = 24;
    private static final int RW_IN = 40;

    private RequestDecoder() {
    }

    static FuseMessage decode(ByteBuffer msg, FuseContext ctx) {
        int size = msg.remaining();
        if (size < InHeader.SIZE) {
            return new Malformed(null, "request of " + size + " bytes is shorter than fuse_in_header (40)", 0);
        }
        Cursor c = new Cursor(msg, ctx.order());
        long len = c.u32();
        long code = c.u32();
        FuseOpcode op = FuseOpcode.of(code);
        long unique = c.u64();
        long nodeid = c.u64();
        long uid = c.u32();
        long gid = c.u32();
        long pid = c.u32();
        int extlen = c.u16();
        c.skip(2);
        InHeader bare = new InHeader(op, unique, nodeid, uid, gid, pid, len, extlen, List.of());
        if (len != size) {
            return new Malformed(bare, "header says len " + len + " but the message has " + size + " bytes"
                    + (len > size ? " (cut short)" : ""), 0);
        }
        int extBytes = extlen * 8;
        if (extBytes > size - InHeader.SIZE) {
            return new Malformed(bare, "total_extlen " + extlen + " (" + extBytes + " bytes) exceeds the "
                    + (size - InHeader.SIZE) + " bytes after the header", InHeader.TOTAL_EXTLEN);
        }
        try {
            List<Extension> ext = List.of();
            if (extBytes > 0) {
                c.pos = size - extBytes;
                ext = extensions(c);
            }
            InHeader h = new InHeader(op, unique, nodeid, uid, gid, pid, len, extlen, ext);
            c.pos = InHeader.SIZE;
            c.end = size - extBytes;
            return body(h, code, c, ctx);
        } catch (Cursor.Short e) {
            return new Malformed(bare, op.name() + ": " + e.getMessage(), e.offset);
        }
    }

    private static FuseRequest body(InHeader h, long code, Cursor c, FuseContext ctx) {
        return switch (h.opcode()) {
            case LOOKUP -> new FuseRequest.Lookup(h, name(c));
            case FORGET -> new FuseRequest.Forget(h, c.u64());
            case GETATTR -> {
                if (c.remaining() == 0) {
                    // before 7.9 GETATTR had no argument
                    yield new FuseRequest.Getattr(h, null, null);
                }
                long flags = c.u32();
                c.skip(4);
                yield new FuseRequest.Getattr(h, flags, c.u64());
            }
            case SETATTR -> setattr(h, c);
            case READLINK -> new FuseRequest.Readlink(h);
            case SYMLINK -> new FuseRequest.Symlink(h, name(c), c.cstring("target"));
            case MKNOD -> {
                long mode = c.u32();
                long rdev = c.u32();
                Long umask = null;
                if (!ctx.before(12)) {
                    umask = c.u32();
                    c.skip(4);
                }
                yield new FuseRequest.Mknod(h, mode, rdev, umask, name(c));
            }
            case MKDIR -> new FuseRequest.Mkdir(h, c.u32(), c.u32(), name(c));
            case UNLINK -> new FuseRequest.Unlink(h, name(c));
            case RMDIR -> new FuseRequest.Rmdir(h, name(c));
            case RENAME -> new FuseRequest.Rename(h, c.u64(), name(c), name(c));
            case LINK -> new FuseRequest.Link(h, c.u64(), name(c));
            case OPEN -> new FuseRequest.Open(h, c.u32(), c.u32());
            case OPENDIR -> new FuseRequest.Opendir(h, c.u32(), c.u32());
            case READ, READDIR, READDIRPLUS -> read(h, c);
            case WRITE -> write(h, c, ctx);
            case STATFS -> new FuseRequest.Statfs(h);
            case RELEASE -> new FuseRequest.Release(h, c.u64(), c.u32(), c.u32(), c.u64());
            case RELEASEDIR -> new FuseRequest.Releasedir(h, c.u64(), c.u32(), c.u32(), c.u64());
            case FSYNC -> {
                long fh = c.u64();
                long flags = c.u32();
                c.skip(4);
                yield new FuseRequest.Fsync(h, fh, flags);
            }
            case FSYNCDIR -> {
                long fh = c.u64();
                long flags = c.u32();
                c.skip(4);
                yield new FuseRequest.Fsyncdir(h, fh, flags);
            }
            case SETXATTR -> setxattr(h, c, ctx);
            case GETXATTR -> {
                long size = c.u32();
                c.skip(4);
                yield new FuseRequest.Getxattr(h, size, name(c));
            }
            case LISTXATTR -> {
                long size = c.u32();
                c.skip(4);
                yield new FuseRequest.Listxattr(h, size);
            }
            case REMOVEXATTR -> new FuseRequest.Removexattr(h, name(c));
            case FLUSH -> {
                long fh = c.u64();
                c.skip(8);
                yield new FuseRequest.Flush(h, fh, c.u64());
            }
            case INIT -> init(h, c);
            case GETLK, SETLK, SETLKW -> lock(h, c);
            case ACCESS -> {
                long mask = c.u32();
                c.skip(4);
                yield new FuseRequest.Access(h, mask);
            }
            case CREATE, TMPFILE -> create(h, c, ctx);
            case INTERRUPT -> new FuseRequest.Interrupt(h, c.u64());
            case BMAP -> {
                long block = c.u64();
                long blocksize = c.u32();
                c.skip(4);
                yield new FuseRequest.Bmap(h, block, blocksize);
            }
            case DESTROY -> new FuseRequest.Destroy(h);
            case IOCTL -> {
                long fh = c.u64();
                long flags = c.u32();
                long cmd = c.u32();
                long arg = c.u64();
                long inSize = c.u32();
                long outSize = c.u32();
                c.need((int) Math.min(inSize, Integer.MAX_VALUE), "ioctl input (in_size " + inSize + ")");
                yield new FuseRequest.Ioctl(h, fh, flags, cmd, arg, inSize, outSize, c.pos);
            }
            case POLL -> new FuseRequest.Poll(h, c.u64(), c.u64(), c.u32(), c.u32());
            case NOTIFY_REPLY -> {
                c.skip(8);
                long offset = c.u64();
                long size = c.u32();
                c.skip(4 + 8 + 8);
                c.need((int) Math.min(size, Integer.MAX_VALUE), "retrieved data (size " + size + ")");
                yield new FuseRequest.NotifyReply(h, offset, size, c.pos);
            }
            case BATCH_FORGET -> {
                long count = c.u32();
                c.skip(4);
                if (count > c.remaining() / ForgetOne.SIZE) {
                    throw new Cursor.Short("count " + count + " forget_one entries do not fit in "
                            + c.remaining() + " bytes", c.pos - 8);
                }
                List<ForgetOne> all = new ArrayList<>((int) count);
                for (long i = 0; i < count; i++) {
                    all.add(new ForgetOne(c.u64(), c.u64()));
                }
                yield new FuseRequest.BatchForget(h, count, all);
            }
            case FALLOCATE -> {
                long fh = c.u64();
                long offset = c.u64();
                long length = c.u64();
                long mode = c.u32();
                c.skip(4);
                yield new FuseRequest.Fallocate(h, fh, offset, length, mode);
            }
            case RENAME2 -> {
                long newdir = c.u64();
                long flags = c.u32();
                c.skip(4);
                yield new FuseRequest.Rename2(h, newdir, flags, name(c), name(c));
            }
            case LSEEK -> {
                long fh = c.u64();
                long offset = c.u64();
                long whence = c.u32();
                c.skip(4);
                yield new FuseRequest.Lseek(h, fh, offset, whence);
            }
            case COPY_FILE_RANGE -> new FuseRequest.CopyFileRange(h, c.u64(), c.u64(), c.u64(), c.u64(), c.u64(),
                    c.u64(), c.u64());
            case COPY_FILE_RANGE_64 -> new FuseRequest.CopyFileRange64(h, c.u64(), c.u64(), c.u64(), c.u64(),
                    c.u64(), c.u64(), c.u64());
            case SETUPMAPPING -> new FuseRequest.Setupmapping(h, c.u64(), c.u64(), c.u64(), c.u64(), c.u64());
            case REMOVEMAPPING -> {
                long count = c.u32();
                if (count > c.remaining() / MappingRange.SIZE) {
                    throw new Cursor.Short("count " + count + " removemapping_one entries do not fit in "
                            + c.remaining() + " bytes", c.pos - 4);
                }
                List<MappingRange> all = new ArrayList<>((int) count);
                for (long i = 0; i < count; i++) {
                    all.add(new MappingRange(c.u64(), c.u64()));
                }
                yield new FuseRequest.Removemapping(h, count, all);
            }
            case SYNCFS -> {
                c.skip(8);
                yield new FuseRequest.Syncfs(h);
            }
            case STATX -> {
                long flags = c.u32();
                c.skip(4);
                long fh = c.u64();
                yield new FuseRequest.Statx(h, flags, fh, c.u32(), c.u32());
            }
            case CUSE_INIT -> {
                long major = c.u32();
                long minor = c.u32();
                c.skip(4);
                long flags = c.u32();
                yield new FuseRequest.CuseInit(h, major, minor, flags, FuseFlags.cuse(flags));
            }
            case UNKNOWN -> new FuseRequest.Unknown(h, code, c.remaining());
        };
    }

    private static String name(Cursor c) {
        int start = c.pos;
        String s = c.cstring("name");
        if (c.pos - start - 1 > NAME_MAX) {
            throw new Cursor.Short("name of " + (c.pos - start - 1) + " bytes exceeds FUSE_NAME_MAX (1024)", start);
        }
        return s;
    }

    private static FuseRequest setattr(InHeader h, Cursor c) {
        long valid = c.u32();
        c.skip(4);
        long fh = c.u64();
        long size = c.u64();
        long lockOwner = c.u64();
        long atime = c.u64();
        long mtime = c.u64();
        long ctime = c.u64();
        long atimensec = c.u32();
        long mtimensec = c.u32();
        long ctimensec = c.u32();
        long mode = c.u32();
        c.skip(4);
        long uid = c.u32();
        long gid = c.u32();
        c.skip(4);
        return new FuseRequest.Setattr(h, valid, FuseFlags.fattr(valid), fh, size, lockOwner, atime, mtime, ctime,
                atimensec, mtimensec, ctimensec, mode, uid, gid);
    }

    /** fuse_read_in: 40 bytes, or 24 (no lock_owner, flags) before 7.9. */
    private static FuseRequest read(InHeader h, Cursor c) {
        long fh = c.u64();
        long offset = c.u64();
        long size = c.u32();
        long readFlags = c.u32();
        Long lockOwner = null;
        Long flags = null;
        if (c.remaining() >= RW_IN - COMPAT_RW_IN) {
            lockOwner = c.u64();
            flags = c.u32();
            c.skip(4);
        }
        return switch (h.opcode()) {
            case READDIR -> new FuseRequest.Readdir(h, fh, offset, size, readFlags, lockOwner, flags);
            case READDIRPLUS -> new FuseRequest.Readdirplus(h, fh, offset, size, readFlags, lockOwner, flags);
            default -> new FuseRequest.Read(h, fh, offset, size, readFlags, lockOwner, flags);
        };
    }

    /**
     * fuse_write_in + data. The struct is 24 bytes before 7.9 and 40 after; when the version is
     * unknown the data length, which must equal {@code size}, tells which.
     */
    private static FuseRequest write(InHeader h, Cursor c, FuseContext ctx) {
        int body = c.remaining();
        long fh = c.u64();
        long offset = c.u64();
        long size = c.u32();
        long writeFlags = c.u32();
        boolean compat = ctx.before(9) || (ctx.minor() == FuseContext.UNKNOWN_VERSION
                && body - COMPAT_RW_IN == size && body - RW_IN != size);
        Long lockOwner = null;
        Long flags = null;
        if (!compat) {
            lockOwner = c.u64();
            flags = c.u32();
            c.skip(4);
        }
        if (c.remaining() != size) {
            throw new Cursor.Short("WRITE size " + size + " but " + c.remaining() + " data bytes follow", c.pos);
        }
        return new FuseRequest.Write(h, fh, offset, size, writeFlags, lockOwner, flags, c.pos);
    }

    /**
     * fuse_setxattr_in is 16 bytes with FUSE_SETXATTR_EXT agreed, 8 without. When INIT was not
     * seen, the layout whose name and value fill the body exactly wins.
     */
    private static FuseRequest setxattr(InHeader h, Cursor c, FuseContext ctx) {
        int start = c.pos;
        boolean ext;
        if (ctx.minor() != FuseContext.UNKNOWN_VERSION) {
            ext = (ctx.flags() & FuseFlags.SETXATTR_EXT) != 0;
        } else {
            ext = fitsSetxattr(c, start, 16) || !fitsSetxattr(c, start, 8);
            c.pos = start;
        }
        long size = c.u32();
        long flags = c.u32();
        Long setxattrFlags = null;
        if (ext) {
            setxattrFlags = c.u32();
            c.skip(4);
        }
        String name = name(c);
        if (c.remaining() != size) {
            throw new Cursor.Short("SETXATTR size " + size + " but " + c.remaining() + " value bytes follow", c.pos);
        }
        return new FuseRequest.Setxattr(h, size, flags, setxattrFlags, name, c.pos);
    }

    private static boolean fitsSetxattr(Cursor c, int start, int structSize) {
        try {
            c.pos = start;
            long size = c.u32();
            c.pos = start + structSize;
            c.cstring("name");
            return c.remaining() == size;
        } catch (Cursor.Short e) {
            return false;
        }
    }

    /** fuse_init_in: major, minor (8 bytes, before 7.6), max_readahead, flags (16, before 7.36), flags2, unused. */
    private static FuseRequest init(InHeader h, Cursor c) {
        long major = c.u32();
        long minor = c.u32();
        Long readahead = null;
        Long flags = null;
        Long flags2 = null;
        if (c.remaining() >= 8) {
            readahead = c.u32();
            flags = c.u32();
        }
        if (c.remaining() >= 4) {
            flags2 = c.u32();
        }
        return new FuseRequest.Init(h, major, minor, readahead, flags, flags2, FuseFlags.init(FuseFlags.initBits(flags, flags2)));
    }

    private static FuseRequest lock(InHeader h, Cursor c) {
        long fh = c.u64();
        long owner = c.u64();
        FileLock lk = new FileLock(c.u64(), c.u64(), c.u32(), c.u32());
        long lkFlags = c.u32();
        c.skip(4);
        return switch (h.opcode()) {
            case GETLK -> new FuseRequest.Getlk(h, fh, owner, lk, lkFlags);
            case SETLK -> new FuseRequest.Setlk(h, fh, owner, lk, lkFlags);
            default -> new FuseRequest.Setlkw(h, fh, owner, lk, lkFlags);
        };
    }

    /** fuse_create_in (16 bytes), or fuse_open_in{flags, mode} before 7.12, + name. */
    private static FuseRequest create(InHeader h, Cursor c, FuseContext ctx) {
        long flags = c.u32();
        long mode = c.u32();
        Long umask = null;
        Long openFlags = null;
        if (!ctx.before(12)) {
            umask = c.u32();
            openFlags = c.u32();
        }
        String name = name(c);
        return h.opcode() == FuseOpcode.TMPFILE
                ? new FuseRequest.Tmpfile(h, flags, mode, umask, openFlags, name)
                : new FuseRequest.Create(h, flags, mode, umask, openFlags, name);
    }

    /** Extension blocks from the cursor's position to its end (linux/fuse.h fuse_ext_header). */
    private static List<Extension> extensions(Cursor c) {
        List<Extension> out = new ArrayList<>();
        while (c.remaining() > 0) {
            int start = c.pos;
            long size = c.u32();
            long type = c.u32();
            if (size < 8 || size % 8 != 0 || size > c.remaining() + 8L) {
                throw new Cursor.Short("request extension of size " + size + " (type " + type + ") does not fit",
                        start);
            }
            int blockEnd = start + (int) size;
            int outerEnd = c.end;
            c.end = blockEnd;
            if (type <= 31) {
                List<Extension.SecCtx> ctxs = new ArrayList<>();
                for (long i = 0; i < type; i++) {
                    long ctxSize = c.u32();
                    c.skip(4);
                    String name = c.cstring("security context name");
                    ctxs.add(new Extension.SecCtx(name, c.value((int) Math.min(ctxSize, c.remaining() + 1L))));
                }
                out.add(new Extension.SecurityContext(ctxs));
            } else if (type == 32) {
                long n = c.u32();
                if (n > c.remaining() / 4) {
                    throw new Cursor.Short(n + " supplementary groups do not fit in " + c.remaining() + " bytes",
                            c.pos - 4);
                }
                List<Long> groups = new ArrayList<>((int) n);
                for (long i = 0; i < n; i++) {
                    groups.add(c.u32());
                }
                out.add(new Extension.SupplementaryGroups(groups));
            } else {
                out.add(new Extension.Unknown(type, size));
            }
            c.end = outerEnd;
            c.pos = blockEnd;
        }
        return out;
    }
}
