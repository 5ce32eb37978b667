package io.lookaside.fuse;

import io.lookaside.wire.Errno;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Reply bodies by the opcode of the request they answer (linux/fuse.h {@code fuse_*_out}). */
final class ReplyDecoder {
    /** FUSE_COMPAT_ATTR_OUT_SIZE: fuse_attr_out before 7.9. */
    private static final int COMPAT_ATTR_OUT = 96;
    /** FUSE_COMPAT_STATFS_SIZE: fuse_statfs_out before 7.4 (no frsize). */
    private static final int COMPAT_STATFS = 48;
    private static final int OPEN_OUT = 16;
    /** struct cuse_init_out. */
    private static final int CUSE_INIT_OUT = 72;

    private ReplyDecoder() {
    }

    static OutHeader header(Cursor c, FuseOpcode op) {
        long len = c.u32();
        int error = c.i32();
        long unique = c.u64();
        return new OutHeader(op, unique, error, errnoName(error), len);
    }

    /** ENOENT for -2; null for 0 and numbers Linux has no name for. */
    private static String errnoName(int error) {
        Errno e = error == 0 ? null : Errno.of(error);
        return e == null ? null : e.name();
    }

    static FuseMessage decode(ByteBuffer msg, FuseOpcode op, FuseRequest request, FuseContext ctx) {
        int size = msg.remaining();
        if (size < OutHeader.SIZE) {
            return new Malformed(null, "reply of " + size + " bytes is shorter than fuse_out_header (16)", 0);
        }
        Cursor c = new Cursor(msg, ctx.order());
        OutHeader h = header(c, op);
        if (h.len() != size) {
            return new Malformed(h, "header says len " + h.len() + " but the message has " + size + " bytes"
                    + (h.len() > size ? " (cut short)" : ""), 0);
        }
        if (h.error() != 0) {
            if (h.error() > 0 || h.error() <= -512) {
                return new Malformed(h, "error " + h.error() + " is not a negated errno (the kernel rejects it)",
                        OutHeader.ERROR);
            }
            if (size != OutHeader.SIZE) {
                return new Malformed(h, "error reply carries " + (size - OutHeader.SIZE)
                        + " body bytes (the kernel rejects it)", OutHeader.SIZE);
            }
            return new FuseReply.Error(h);
        }
        try {
            return body(h, c, request, ctx);
        } catch (Cursor.Short e) {
            return new Malformed(h, op.name() + " reply: " + e.getMessage(), e.offset);
        }
    }

    private static FuseMessage body(OutHeader h, Cursor c, FuseRequest request, FuseContext ctx) {
        return switch (h.opcode()) {
            case LOOKUP, MKNOD, MKDIR, SYMLINK, LINK -> new FuseReply.Entry(h, entryOut(c, c.remaining()));
            case GETATTR, SETATTR -> {
                int body = c.remaining();
                long valid = c.u64();
                long nsec = c.u32();
                c.skip(4);
                yield new FuseReply.Attr(h, valid, nsec, attr(c, body >= COMPAT_ATTR_OUT + 8));
            }
            case READLINK -> new FuseReply.Readlink(h, c.text(c.remaining(), "target"));
            case OPEN, OPENDIR -> {
                long fh = c.u64();
                long flags = c.u32();
                int backing = c.i32();
                yield new FuseReply.Open(h, fh, flags, FuseFlags.fopen(flags), backing);
            }
            case READ -> new FuseReply.Data(h, c.remaining(), c.pos);
            case WRITE, COPY_FILE_RANGE -> {
                long n = c.u32();
                c.skip(4);
                yield new FuseReply.Write(h, n);
            }
            case STATFS -> {
                int body = c.remaining();
                long blocks = c.u64();
                long bfree = c.u64();
                long bavail = c.u64();
                long files = c.u64();
                long ffree = c.u64();
                long bsize = c.u32();
                long namelen = c.u32();
                Long frsize = body > COMPAT_STATFS ? c.u32() : null;
                yield new FuseReply.Statfs(h, blocks, bfree, bavail, files, ffree, bsize, namelen, frsize);
            }
            case GETXATTR, LISTXATTR -> xattr(h, c, request);
            case INIT -> init(h, c);
            case READDIR -> new FuseReply.Readdir(h, dirents(c));
            case READDIRPLUS -> new FuseReply.Readdirplus(h, direntplus(c));
            case GETLK -> new FuseReply.Lock(h, new FileLock(c.u64(), c.u64(), c.u32(), c.u32()));
            case CREATE, TMPFILE -> {
                EntryOut e = entryOut(c, c.remaining() - OPEN_OUT);
                long fh = c.u64();
                long flags = c.u32();
                int backing = c.i32();
                yield new FuseReply.Create(h, e, fh, flags, FuseFlags.fopen(flags), backing);
            }
            case BMAP -> new FuseReply.Bmap(h, c.u64());
            case IOCTL -> {
                int result = c.i32();
                long flags = c.u32();
                long in = c.u32();
                long out = c.u32();
                yield new FuseReply.Ioctl(h, result, flags, in, out, c.remaining(), c.pos);
            }
            case POLL -> {
                long revents = c.u32();
                c.skip(4);
                yield new FuseReply.Poll(h, revents);
            }
            case LSEEK -> new FuseReply.Lseek(h, c.u64());
            case COPY_FILE_RANGE_64 -> new FuseReply.CopyFileRange(h, c.u64());
            case STATX -> {
                long valid = c.u64();
                long nsec = c.u32();
                long flags = c.u32();
                c.skip(16);
                yield new FuseReply.Statx(h, valid, nsec, flags, statx(c));
            }
            case CUSE_INIT -> cuseInit(h, c);
            case FORGET, BATCH_FORGET, NOTIFY_REPLY ->
                    new Malformed(h, h.opcode().name() + " gets no reply (linux/fuse.h)", 0);
            case UNLINK, RMDIR, RENAME, RENAME2, RELEASE, RELEASEDIR, FSYNC, FSYNCDIR, SETXATTR, REMOVEXATTR,
                    FLUSH, SETLK, SETLKW, ACCESS, INTERRUPT, DESTROY, FALLOCATE, SETUPMAPPING, REMOVEMAPPING,
                    SYNCFS -> c.remaining() == 0 ? new FuseReply.Empty(h)
                            : new Malformed(h, h.opcode().name() + " reply has no body but carries "
                                    + c.remaining() + " bytes (the kernel rejects it)", OutHeader.SIZE);
            case UNKNOWN -> new FuseReply.Unknown(h, c.remaining());
        };
    }

    /** fuse_entry_out in {@code size} bytes: 128, or 120 before 7.9 (shorter attr). */
    private static EntryOut entryOut(Cursor c, int size) {
        long nodeid = c.u64();
        long generation = c.u64();
        long entryValid = c.u64();
        long attrValid = c.u64();
        long entryNsec = c.u32();
        long attrNsec = c.u32();
        return new EntryOut(nodeid, generation, entryValid, attrValid, entryNsec, attrNsec,
                attr(c, size >= EntryOut.SIZE));
    }

    /** fuse_attr: 88 bytes, or 80 (no blksize, flags) before 7.9. */
    static Attr attr(Cursor c, boolean full) {
        long ino = c.u64();
        long size = c.u64();
        long blocks = c.u64();
        long atime = c.u64();
        long mtime = c.u64();
        long ctime = c.u64();
        long atimensec = c.u32();
        long mtimensec = c.u32();
        long ctimensec = c.u32();
        long mode = c.u32();
        long nlink = c.u32();
        long uid = c.u32();
        long gid = c.u32();
        long rdev = c.u32();
        Long blksize = null;
        Long flags = null;
        if (full) {
            blksize = c.u32();
            flags = c.u32();
        }
        return new Attr(ino, size, blocks, atime, mtime, ctime, atimensec, mtimensec, ctimensec, mode, nlink, uid,
                gid, rdev, blksize, flags);
    }

    /**
     * GETXATTR/LISTXATTR: with request size 0 the daemon answers fuse_getxattr_out (the length
     * needed), else the value or the names. Without the request, an 8-byte body is taken for
     * fuse_getxattr_out, the common probe.
     */
    private static FuseReply xattr(OutHeader h, Cursor c, FuseRequest request) {
        long asked = -1;
        if (request instanceof FuseRequest.Getxattr g) {
            asked = g.size();
        } else if (request instanceof FuseRequest.Listxattr l) {
            asked = l.size();
        }
        int n = c.remaining();
        if (asked == 0 || (asked < 0 && n == 8)) {
            long size = c.u32();
            c.skip(4);
            return new FuseReply.XattrSize(h, size);
        }
        if (h.opcode() == FuseOpcode.LISTXATTR) {
            List<String> names = new ArrayList<>();
            while (c.remaining() > 0) {
                names.add(c.cstring("xattr name"));
            }
            return new FuseReply.Xattrs(h, n, names);
        }
        return new FuseReply.Xattr(h, n, c.value(n));
    }

    /** fuse_init_out by length: 8 bytes before 7.5, 24 before 7.23, 64 since. */
    private static FuseReply init(OutHeader h, Cursor c) {
        long major = c.u32();
        long minor = c.u32();
        Long readahead = null;
        Long flags = null;
        Integer maxBackground = null;
        Integer congestion = null;
        Long maxWrite = null;
        Long timeGran = null;
        Integer maxPages = null;
        Integer mapAlignment = null;
        Long flags2 = null;
        Long maxStackDepth = null;
        Integer requestTimeout = null;
        if (c.remaining() >= 16) {
            readahead = c.u32();
            flags = c.u32();
            maxBackground = c.u16();
            congestion = c.u16();
            maxWrite = c.u32();
        }
        if (c.remaining() >= 4) {
            timeGran = c.u32();
        }
        if (c.remaining() >= 4) {
            maxPages = c.u16();
            mapAlignment = c.u16();
        }
        if (c.remaining() >= 4) {
            flags2 = c.u32();
        }
        if (c.remaining() >= 4) {
            maxStackDepth = c.u32();
        }
        if (c.remaining() >= 2) {
            requestTimeout = c.u16();
        }
        return new FuseReply.Init(h, major, minor, readahead, flags, maxBackground, congestion, maxWrite, timeGran,
                maxPages, mapAlignment, flags2, maxStackDepth, requestTimeout,
                FuseFlags.init(FuseFlags.initBits(flags, flags2)));
    }

    /** Packed fuse_dirent records, each padded to 8 (readdir.c parse_dirfile()). */
    private static List<Dirent> dirents(Cursor c) {
        List<Dirent> out = new ArrayList<>();
        while (c.remaining() >= Dirent.HEADER_SIZE) {
            out.add(dirent(c));
        }
        return out;
    }

    private static Dirent dirent(Cursor c) {
        int start = c.pos;
        long ino = c.u64();
        long off = c.u64();
        long namelen = c.u32();
        long type = c.u32();
        if (namelen == 0 || namelen > RequestDecoder.NAME_MAX) {
            throw new Cursor.Short("dirent namelen " + namelen + " is outside 1..1024 (the kernel fails with EIO)",
                    start + 16);
        }
        String name = c.text((int) namelen, "dirent name");
        // the record is padded to 8 bytes; the last one may end at the buffer's end
        c.pos = Math.min(c.end, (c.pos + 7) & ~7);
        return new Dirent(ino, off, namelen, type, name);
    }

    private static List<Direntplus> direntplus(Cursor c) {
        List<Direntplus> out = new ArrayList<>();
        while (c.remaining() >= EntryOut.SIZE + Dirent.HEADER_SIZE) {
            EntryOut e = entryOut(c, EntryOut.SIZE);
            out.add(new Direntplus(e, dirent(c)));
        }
        return out;
    }

    private static Statx statx(Cursor c) {
        long mask = c.u32();
        long blksize = c.u32();
        long attributes = c.u64();
        long nlink = c.u32();
        long uid = c.u32();
        long gid = c.u32();
        int mode = c.u16();
        c.skip(2);
        long ino = c.u64();
        long size = c.u64();
        long blocks = c.u64();
        long attributesMask = c.u64();
        long[] t = new long[8];
        for (int i = 0; i < 4; i++) {
            t[2 * i] = c.u64();
            t[2 * i + 1] = c.u32();
            c.skip(4);
        }
        return new Statx(mask, blksize, attributes, nlink, uid, gid, mode, ino, size, blocks, attributesMask,
                t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], c.u32(), c.u32(), c.u32(), c.u32());
    }

    private static FuseReply cuseInit(OutHeader h, Cursor c) {
        c.need(CUSE_INIT_OUT, "cuse_init_out");
        int start = c.pos;
        long major = c.u32();
        long minor = c.u32();
        c.skip(4);
        long flags = c.u32();
        long maxRead = c.u32();
        long maxWrite = c.u32();
        long devMajor = c.u32();
        long devMinor = c.u32();
        c.pos = start + CUSE_INIT_OUT;
        List<String> info = new ArrayList<>();
        while (c.remaining() > 0) {
            String s = c.remaining() > 0 && hasNul(c) ? c.cstring("info") : c.text(c.remaining(), "info");
            if (!s.isEmpty()) {
                info.add(s);
            }
        }
        return new FuseReply.CuseInit(h, major, minor, flags, FuseFlags.cuse(flags), maxRead, maxWrite, devMajor,
                devMinor, info);
    }

    private static boolean hasNul(Cursor c) {
        int save = c.pos;
        try {
            c.cstring("info");
            return true;
        } catch (Cursor.Short e) {
            return false;
        } finally {
            c.pos = save;
        }
    }
}
