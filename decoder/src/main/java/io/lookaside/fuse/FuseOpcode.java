package io.lookaside.fuse;

/**
 * FUSE request opcodes ({@code enum fuse_opcode} in linux/fuse.h, protocol 7.45). Values 7 and
 * 19 were never assigned. {@link #UNKNOWN} stands for any number the protocol does not define,
 * so that a message with a stray opcode still has a name.
 */
public enum FuseOpcode {
    LOOKUP(1), FORGET(2), GETATTR(3), SETATTR(4), READLINK(5), SYMLINK(6), MKNOD(8), MKDIR(9),
    UNLINK(10), RMDIR(11), RENAME(12), LINK(13), OPEN(14), READ(15), WRITE(16), STATFS(17),
    RELEASE(18), FSYNC(20), SETXATTR(21), GETXATTR(22), LISTXATTR(23), REMOVEXATTR(24),
    FLUSH(25), INIT(26), OPENDIR(27), READDIR(28), RELEASEDIR(29), FSYNCDIR(30), GETLK(31),
    SETLK(32), SETLKW(33), ACCESS(34), CREATE(35), INTERRUPT(36), BMAP(37), DESTROY(38),
    IOCTL(39), POLL(40), NOTIFY_REPLY(41), BATCH_FORGET(42), FALLOCATE(43), READDIRPLUS(44),
    RENAME2(45), LSEEK(46), COPY_FILE_RANGE(47), SETUPMAPPING(48), REMOVEMAPPING(49),
    SYNCFS(50), TMPFILE(51), STATX(52), COPY_FILE_RANGE_64(53),
    /** CUSE_INIT: the INIT of a character device in userspace (linux/fuse.h, cuse.c). */
    CUSE_INIT(4096),
    UNKNOWN(-1);

    /** INIT read in the wrong byte order: the capture came from a host of the other endianness. */
    public static final int INIT_SWAPPED = 0x1A00_0000;
    /** CUSE_INIT read in the wrong byte order. */
    public static final int CUSE_INIT_SWAPPED = 0x0010_0000;

    private static final FuseOpcode[] BY_CODE = new FuseOpcode[54];

    static {
        for (FuseOpcode o : values()) {
            if (o.code > 0 && o.code < BY_CODE.length) {
                BY_CODE[o.code] = o;
            }
        }
    }

    private final int code;

    FuseOpcode(int code) {
        this.code = code;
    }

    /** The number on the wire, -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    /** The opcode of a wire number, {@link #UNKNOWN} when the protocol defines none. */
    public static FuseOpcode of(long code) {
        if (code == 4096) {
            return CUSE_INIT;
        }
        if (code > 0 && code < BY_CODE.length && BY_CODE[(int) code] != null) {
            return BY_CODE[(int) code];
        }
        return UNKNOWN;
    }

    /** True for the requests the kernel never expects an answer to (linux/fuse.h, dev.c). */
    public boolean expectsNoReply() {
        return this == FORGET || this == BATCH_FORGET || this == NOTIFY_REPLY;
    }
}
