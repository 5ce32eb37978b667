package io.lookaside.fuse;

/**
 * {@code struct fuse_attr}:
 * <pre>ino[8] size[8] blocks[8] atime[8] mtime[8] ctime[8] atimensec[4] mtimensec[4] ctimensec[4]
 * mode[4] nlink[4] uid[4] gid[4] rdev[4] blksize[4] flags[4]</pre>
 * 88 bytes; before 7.9 it ended after {@code rdev} (80 bytes), so {@code blksize} and
 * {@code flags} are null for such peers. {@code flags} holds FUSE_ATTR_SUBMOUNT (1) and
 * FUSE_ATTR_DAX (2).
 */
public record Attr(long ino, long size, long blocks, long atime, long mtime, long ctime, long atimensec,
        long mtimensec, long ctimensec, long mode, long nlink, long uid, long gid, long rdev, Long blksize,
        Long flags) {
    public static final int SIZE = 88;
    /** FUSE_COMPAT_ATTR_SIZE: before 7.9. */
    public static final int COMPAT_SIZE = 80;
}
