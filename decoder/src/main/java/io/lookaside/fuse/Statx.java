package io.lookaside.fuse;

/**
 * {@code struct fuse_statx} (7.39), the 256-byte body of STATX replies:
 * <pre>mask[4] blksize[4] attributes[8] nlink[4] uid[4] gid[4] mode[2] spare[2] ino[8] size[8]
 * blocks[8] attributes_mask[8] atime btime ctime mtime (each tv_sec[8] tv_nsec[4] reserved[4])
 * rdev_major[4] rdev_minor[4] dev_major[4] dev_minor[4] spare[14*8]</pre>
 */
public record Statx(long mask, long blksize, long attributes, long nlink, long uid, long gid, int mode, long ino,
        long size, long blocks, long attributes_mask, long atime, long atime_nsec, long btime, long btime_nsec,
        long ctime, long ctime_nsec, long mtime, long mtime_nsec, long rdev_major, long rdev_minor,
        long dev_major, long dev_minor) {
    public static final int SIZE = 256;
}
