package io.lookaside.fuse;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A FUSE request, kernel to daemon: {@code fuse_in_header} + the opcode's arguments
 * (linux/fuse.h). One record per opcode, named after it; fields follow the {@code fuse_*_in}
 * structs. Fields that a struct gained in a later minor version are boxed and null when the
 * peer's version did not send them. Payloads (WRITE data, ioctl input) are not copied:
 * {@code dataOffset} says where they start in the message. Request extensions (7.38)
 * are in the header ({@link InHeader#extensions()}).
 *
 * <p>Body fields named {@code len} in linux/fuse.h are called {@code length} here because
 * {@code len} is the header's message length in the flat JSON line; INTERRUPT's
 * {@code unique} is {@code interrupted_unique} for the same reason.
 */
public sealed interface FuseRequest extends FuseMessage {

    InHeader header();

    @Override
    default String typeName() {
        return header().opcode().name();
    }

    /** LOOKUP (1): {@code name\0}; nodeid is the parent directory. */
    record Lookup(@JsonUnwrapped InHeader header, String name) implements FuseRequest {
    }

    /** FORGET (2): {@code fuse_forget_in{nlookup[8]}}; no reply. */
    record Forget(@JsonUnwrapped InHeader header, long nlookup) implements FuseRequest {
    }

    /** GETATTR (3): {@code fuse_getattr_in{getattr_flags[4] dummy[4] fh[8]}} (7.9; empty before). FUSE_GETATTR_FH = 1. */
    record Getattr(@JsonUnwrapped InHeader header, Long getattr_flags, Long fh) implements FuseRequest {
    }

    /**
     * SETATTR (4): {@code fuse_setattr_in{valid[4] padding[4] fh size lock_owner atime mtime ctime
     * atimensec[4] mtimensec[4] ctimensec[4] mode[4] unused[4] uid[4] gid[4] unused[4]}}.
     * {@code valid} says which fields count (FATTR_*).
     */
    record Setattr(@JsonUnwrapped InHeader header, long valid, List<String> validNames, long fh, long size,
            long lock_owner, long atime, long mtime, long ctime, long atimensec, long mtimensec, long ctimensec,
            long mode, long uid, long gid) implements FuseRequest {
    }

    /** READLINK (5): no body. */
    record Readlink(@JsonUnwrapped InHeader header) implements FuseRequest {
    }

    /** SYMLINK (6): {@code name\0 target\0}; nodeid is the parent. */
    record Symlink(@JsonUnwrapped InHeader header, String name, String target) implements FuseRequest {
    }

    /** MKNOD (8): {@code fuse_mknod_in{mode rdev umask padding}} (8 bytes, no umask, before 7.12) + {@code name\0}. */
    record Mknod(@JsonUnwrapped InHeader header, long mode, long rdev, Long umask, String name) implements FuseRequest {
    }

    /** MKDIR (9): {@code fuse_mkdir_in{mode umask}} + {@code name\0}. */
    record Mkdir(@JsonUnwrapped InHeader header, long mode, long umask, String name) implements FuseRequest {
    }

    /** UNLINK (10): {@code name\0} in directory nodeid. */
    record Unlink(@JsonUnwrapped InHeader header, String name) implements FuseRequest {
    }

    /** RMDIR (11): {@code name\0} in directory nodeid. */
    record Rmdir(@JsonUnwrapped InHeader header, String name) implements FuseRequest {
    }

    /** RENAME (12): {@code fuse_rename_in{newdir[8]}} + {@code oldname\0 newname\0}; nodeid is the old parent. */
    record Rename(@JsonUnwrapped InHeader header, long newdir, String name, String newname) implements FuseRequest {
    }

    /** LINK (13): {@code fuse_link_in{oldnodeid[8]}} + {@code newname\0}; nodeid is the new parent. */
    record Link(@JsonUnwrapped InHeader header, long oldnodeid, String name) implements FuseRequest {
    }

    /** OPEN (14): {@code fuse_open_in{flags[4] open_flags[4]}}; flags are O_*, open_flags FUSE_OPEN_KILL_SUIDGID. */
    record Open(@JsonUnwrapped InHeader header, long flags, long open_flags) implements FuseRequest {
    }

    /**
     * READ (15): {@code fuse_read_in{fh offset size[4] read_flags[4] lock_owner flags[4] padding[4]}}
     * (24 bytes, without lock_owner and flags, before 7.9).
     */
    record Read(@JsonUnwrapped InHeader header, long fh, long offset, long size, long read_flags, Long lock_owner,
            Long flags) implements FuseRequest {
    }

    /**
     * WRITE (16): {@code fuse_write_in{fh offset size[4] write_flags[4] lock_owner flags[4] padding[4]}}
     * (24 bytes before 7.9) + {@code size} data bytes from {@code dataOffset}.
     */
    record Write(@JsonUnwrapped InHeader header, long fh, long offset, long size, long write_flags,
            Long lock_owner, Long flags, int dataOffset) implements FuseRequest {
    }

    /** STATFS (17): no body. */
    record Statfs(@JsonUnwrapped InHeader header) implements FuseRequest {
    }

    /** RELEASE (18): {@code fuse_release_in{fh flags[4] release_flags[4] lock_owner}}. */
    record Release(@JsonUnwrapped InHeader header, long fh, long flags, long release_flags, long lock_owner)
            implements FuseRequest {
    }

    /** FSYNC (20): {@code fuse_fsync_in{fh fsync_flags[4] padding[4]}}; FUSE_FSYNC_FDATASYNC = 1. */
    record Fsync(@JsonUnwrapped InHeader header, long fh, long fsync_flags) implements FuseRequest {
    }

    /**
     * SETXATTR (21): {@code fuse_setxattr_in{size[4] flags[4] setxattr_flags[4] padding[4]}} (8 bytes
     * without FUSE_SETXATTR_EXT) + {@code name\0} + {@code size} value bytes from {@code valueOffset}.
     */
    record Setxattr(@JsonUnwrapped InHeader header, long size, long flags, Long setxattr_flags, String name,
            int valueOffset) implements FuseRequest {
    }

    /** GETXATTR (22): {@code fuse_getxattr_in{size[4] padding[4]}} + {@code name\0}; size 0 asks for the length. */
    record Getxattr(@JsonUnwrapped InHeader header, long size, String name) implements FuseRequest {
    }

    /** LISTXATTR (23): {@code fuse_getxattr_in{size[4] padding[4]}}. */
    record Listxattr(@JsonUnwrapped InHeader header, long size) implements FuseRequest {
    }

    /** REMOVEXATTR (24): {@code name\0}. */
    record Removexattr(@JsonUnwrapped InHeader header, String name) implements FuseRequest {
    }

    /** FLUSH (25): {@code fuse_flush_in{fh unused[4] padding[4] lock_owner}}, sent on every close(2). */
    record Flush(@JsonUnwrapped InHeader header, long fh, long lock_owner) implements FuseRequest {
    }

    /**
     * INIT (26): {@code fuse_init_in{major minor max_readahead flags flags2 unused[11]}} (all u32;
     * 16 bytes before 7.36, 8 before 7.6). {@code flagNames} names {@code flags | flags2 << 32}.
     */
    record Init(@JsonUnwrapped InHeader header, long major, long minor, Long max_readahead, Long flags, Long flags2,
            List<String> flagNames) implements FuseRequest {
    }

    /** OPENDIR (27): {@code fuse_open_in{flags[4] open_flags[4]}}. */
    record Opendir(@JsonUnwrapped InHeader header, long flags, long open_flags) implements FuseRequest {
    }

    /** READDIR (28): {@code fuse_read_in}; offset is the cookie of the last entry seen. */
    record Readdir(@JsonUnwrapped InHeader header, long fh, long offset, long size, long read_flags,
            Long lock_owner, Long flags) implements FuseRequest {
    }

    /** RELEASEDIR (29): {@code fuse_release_in}. */
    record Releasedir(@JsonUnwrapped InHeader header, long fh, long flags, long release_flags, long lock_owner)
            implements FuseRequest {
    }

    /** FSYNCDIR (30): {@code fuse_fsync_in}. */
    record Fsyncdir(@JsonUnwrapped InHeader header, long fh, long fsync_flags) implements FuseRequest {
    }

    /** GETLK (31): {@code fuse_lk_in{fh owner lk[24] lk_flags[4] padding[4]}}; FUSE_LK_FLOCK = 1. */
    record Getlk(@JsonUnwrapped InHeader header, long fh, long owner, FileLock lk, long lk_flags)
            implements FuseRequest {
    }

    /** SETLK (32): {@code fuse_lk_in}. */
    record Setlk(@JsonUnwrapped InHeader header, long fh, long owner, FileLock lk, long lk_flags)
            implements FuseRequest {
    }

    /** SETLKW (33): {@code fuse_lk_in}; the daemon answers when the lock is granted. */
    record Setlkw(@JsonUnwrapped InHeader header, long fh, long owner, FileLock lk, long lk_flags)
            implements FuseRequest {
    }

    /** ACCESS (34): {@code fuse_access_in{mask[4] padding[4]}}. */
    record Access(@JsonUnwrapped InHeader header, long mask) implements FuseRequest {
    }

    /**
     * CREATE (35): {@code fuse_create_in{flags mode umask open_flags}} (before 7.12
     * {@code fuse_open_in{flags mode}}: no umask, open_flags) + {@code name\0}.
     */
    record Create(@JsonUnwrapped InHeader header, long flags, long mode, Long umask, Long open_flags, String name) implements FuseRequest {
    }

    /**
     * INTERRUPT (36): {@code fuse_interrupt_in{unique[8]}}, the request to interrupt; this request's
     * own unique is that one with bit 0 set. Answered with EAGAIN (try again) or ENOSYS, or not at all.
     */
    record Interrupt(@JsonUnwrapped InHeader header, long interrupted_unique) implements FuseRequest {
    }

    /** BMAP (37): {@code fuse_bmap_in{block[8] blocksize[4] padding[4]}} (fuseblk). */
    record Bmap(@JsonUnwrapped InHeader header, long block, long blocksize) implements FuseRequest {
    }

    /** DESTROY (38): no body, sent at unmount of a fuseblk file system. */
    record Destroy(@JsonUnwrapped InHeader header) implements FuseRequest {
    }

    /**
     * IOCTL (39): {@code fuse_ioctl_in{fh flags[4] cmd[4] arg[8] in_size[4] out_size[4]}} +
     * {@code in_size} bytes from {@code dataOffset}.
     */
    record Ioctl(@JsonUnwrapped InHeader header, long fh, long flags, long cmd, long arg, long in_size,
            long out_size, int dataOffset) implements FuseRequest {
    }

    /** POLL (40): {@code fuse_poll_in{fh kh flags[4] events[4]}}. */
    record Poll(@JsonUnwrapped InHeader header, long fh, long kh, long flags, long events) implements FuseRequest {
    }

    /**
     * NOTIFY_REPLY (41): the kernel's answer to NOTIFY_RETRIEVE; unique is the notify_unique,
     * nodeid the inode. {@code fuse_notify_retrieve_in{dummy1[8] offset[8] size[4] dummy2[4] dummy3[8]
     * dummy4[8]}} + {@code size} data bytes. No reply.
     */
    record NotifyReply(@JsonUnwrapped InHeader header, long offset, long size, int dataOffset)
            implements FuseRequest {
    }

    /** BATCH_FORGET (42): {@code fuse_batch_forget_in{count[4] dummy[4]}} + count × {@code fuse_forget_one}. No reply. */
    record BatchForget(@JsonUnwrapped InHeader header, long count, List<ForgetOne> forgets) implements FuseRequest {
    }

    /** FALLOCATE (43): {@code fuse_fallocate_in{fh offset length mode[4] padding[4]}}. */
    record Fallocate(@JsonUnwrapped InHeader header, long fh, long offset, long length, long mode)
            implements FuseRequest {
    }

    /** READDIRPLUS (44): {@code fuse_read_in}. */
    record Readdirplus(@JsonUnwrapped InHeader header, long fh, long offset, long size, long read_flags,
            Long lock_owner, Long flags) implements FuseRequest {
    }

    /** RENAME2 (45): {@code fuse_rename2_in{newdir flags[4] padding[4]}} + names; flags NOREPLACE 1, EXCHANGE 2, WHITEOUT 4. */
    record Rename2(@JsonUnwrapped InHeader header, long newdir, long flags, String name, String newname)
            implements FuseRequest {
    }

    /** LSEEK (46): {@code fuse_lseek_in{fh offset whence[4] padding[4]}}. */
    record Lseek(@JsonUnwrapped InHeader header, long fh, long offset, long whence) implements FuseRequest {
    }

    /** COPY_FILE_RANGE (47): {@code fuse_copy_file_range_in{fh_in off_in nodeid_out fh_out off_out len flags}}. */
    record CopyFileRange(@JsonUnwrapped InHeader header, long fh_in, long off_in, long nodeid_out, long fh_out,
            long off_out, long length, long flags) implements FuseRequest {
    }

    /** SETUPMAPPING (48, virtio-fs DAX): {@code fuse_setupmapping_in{fh foffset len flags moffset}}; flags WRITE 1, READ 2. */
    record Setupmapping(@JsonUnwrapped InHeader header, long fh, long foffset, long length, long flags,
            long moffset) implements FuseRequest {
    }

    /** REMOVEMAPPING (49): {@code fuse_removemapping_in{count[4]}} + count × {@code fuse_removemapping_one}. */
    record Removemapping(@JsonUnwrapped InHeader header, long count, List<MappingRange> mappings)
            implements FuseRequest {
    }

    /** SYNCFS (50): {@code fuse_syncfs_in{padding[8]}}. */
    record Syncfs(@JsonUnwrapped InHeader header) implements FuseRequest {
    }

    /** TMPFILE (51): {@code fuse_create_in} + {@code name\0}, as CREATE. */
    record Tmpfile(@JsonUnwrapped InHeader header, long flags, long mode, Long umask, Long open_flags, String name) implements FuseRequest {
    }

    /** STATX (52): {@code fuse_statx_in{getattr_flags[4] reserved[4] fh sx_flags[4] sx_mask[4]}}. */
    record Statx(@JsonUnwrapped InHeader header, long getattr_flags, long fh, long sx_flags, long sx_mask)
            implements FuseRequest {
    }

    /** COPY_FILE_RANGE_64 (53): as COPY_FILE_RANGE; the reply counts 64 bits. */
    record CopyFileRange64(@JsonUnwrapped InHeader header, long fh_in, long off_in, long nodeid_out, long fh_out,
            long off_out, long length, long flags) implements FuseRequest {
    }

    /** CUSE_INIT (4096): {@code cuse_init_in{major minor unused flags}}; flags CUSE_UNRESTRICTED_IOCTL = 1. */
    record CuseInit(@JsonUnwrapped InHeader header, long major, long minor, long flags, List<String> flagNames)
            implements FuseRequest {
    }

    /** A request with an opcode the protocol does not define: {@code code} is the number, {@code size} the body length. */
    record Unknown(@JsonUnwrapped InHeader header, long code, int size) implements FuseRequest {
    }
}
