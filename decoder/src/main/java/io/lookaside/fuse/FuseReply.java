package io.lookaside.fuse;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A FUSE reply, daemon to kernel: {@code fuse_out_header} + the body the request's opcode
 * calls for (linux/fuse.h). Replies carry no opcode: the decoder is told the request's. One
 * record per body shape, named after it; an error reply ({@code error} &lt; 0) has no body.
 * Payloads (READ data, ioctl output) are not copied: {@code dataOffset} says where they start.
 */
public sealed interface FuseReply extends FuseMessage {

    OutHeader header();

    @Override
    default String typeName() {
        return header().opcode().name();
    }

    /** error &lt; 0: {@code -errno}, no body. */
    record Error(@JsonUnwrapped OutHeader header) implements FuseReply {
    }

    /** Success without a body (UNLINK, RELEASE, FLUSH, SETXATTR, RENAME, …). */
    record Empty(@JsonUnwrapped OutHeader header) implements FuseReply {
    }

    /** {@code fuse_entry_out} for LOOKUP, MKNOD, MKDIR, SYMLINK, LINK. */
    record Entry(@JsonUnwrapped OutHeader header, @JsonUnwrapped EntryOut entry_out) implements FuseReply {
    }

    /** {@code fuse_attr_out{attr_valid[8] attr_valid_nsec[4] dummy[4] attr}} for GETATTR, SETATTR (96 bytes before 7.9). */
    record Attr(@JsonUnwrapped OutHeader header, long attr_valid, long attr_valid_nsec,
            io.lookaside.fuse.Attr attr) implements FuseReply {
    }

    /** READLINK: the link target, not NUL-terminated. */
    record Readlink(@JsonUnwrapped OutHeader header, String target) implements FuseReply {
    }

    /** {@code fuse_open_out{fh open_flags[4] backing_id[4]}} for OPEN, OPENDIR; open_flags are FOPEN_*. */
    record Open(@JsonUnwrapped OutHeader header, long fh, long open_flags, List<String> openFlagsNames,
            int backing_id) implements FuseReply {
    }

    /** READ: {@code size} data bytes from {@code dataOffset} (16). */
    record Data(@JsonUnwrapped OutHeader header, int size, int dataOffset) implements FuseReply {
    }

    /** {@code fuse_write_out{size[4] padding[4]}} for WRITE and COPY_FILE_RANGE. */
    record Write(@JsonUnwrapped OutHeader header, long size) implements FuseReply {
    }

    /**
     * {@code fuse_statfs_out{blocks bfree bavail files ffree bsize[4] namelen[4] frsize[4] padding[4]
     * spare[6*4]}}; 48 bytes without frsize before 7.4.
     */
    record Statfs(@JsonUnwrapped OutHeader header, long blocks, long bfree, long bavail, long files, long ffree,
            long bsize, long namelen, Long frsize) implements FuseReply {
    }

    /** GETXATTR or LISTXATTR asked with size 0: {@code fuse_getxattr_out{size[4] padding[4]}}, the length needed. */
    record XattrSize(@JsonUnwrapped OutHeader header, long size) implements FuseReply {
    }

    /** GETXATTR: the value, as text when it is printable UTF-8, else {@code 0x} and hex. */
    record Xattr(@JsonUnwrapped OutHeader header, int size, String value) implements FuseReply {
    }

    /** LISTXATTR: the NUL-separated names. */
    record Xattrs(@JsonUnwrapped OutHeader header, int size, List<String> names) implements FuseReply {
    }

    /**
     * INIT: {@code fuse_init_out{major minor max_readahead flags max_background[2]
     * congestion_threshold[2] max_write time_gran max_pages[2] map_alignment[2] flags2
     * max_stack_depth request_timeout[2] unused[11*2]}}; 8 bytes before 7.5, 24 before 7.23.
     * Fields beyond what the daemon sent are null.
     */
    record Init(@JsonUnwrapped OutHeader header, long major, long minor, Long max_readahead, Long flags,
            Integer max_background, Integer congestion_threshold, Long max_write, Long time_gran,
            Integer max_pages, Integer map_alignment, Long flags2, Long max_stack_depth, Integer request_timeout,
            List<String> flagNames) implements FuseReply {
    }

    /** READDIR: packed {@code fuse_dirent} records. */
    record Readdir(@JsonUnwrapped OutHeader header, List<Dirent> entries) implements FuseReply {
    }

    /** READDIRPLUS: packed {@code fuse_direntplus} records. */
    record Readdirplus(@JsonUnwrapped OutHeader header, List<Direntplus> entries) implements FuseReply {
    }

    /** GETLK: {@code fuse_lk_out{lk}}. */
    record Lock(@JsonUnwrapped OutHeader header, FileLock lk) implements FuseReply {
    }

    /** CREATE, TMPFILE: {@code fuse_entry_out} + {@code fuse_open_out}. */
    record Create(@JsonUnwrapped OutHeader header, @JsonUnwrapped EntryOut entry_out, long fh, long open_flags,
            List<String> openFlagsNames, int backing_id) implements FuseReply {
    }

    /** BMAP: {@code fuse_bmap_out{block}}. */
    record Bmap(@JsonUnwrapped OutHeader header, long block) implements FuseReply {
    }

    /**
     * IOCTL: {@code fuse_ioctl_out{result[4] flags[4] in_iovs[4] out_iovs[4]}} + {@code size} bytes of
     * output (or of iovecs when flags has FUSE_IOCTL_RETRY) from {@code dataOffset}.
     */
    record Ioctl(@JsonUnwrapped OutHeader header, int result, long flags, long in_iovs, long out_iovs, int size,
            int dataOffset) implements FuseReply {
    }

    /** POLL: {@code fuse_poll_out{revents[4] padding[4]}}. */
    record Poll(@JsonUnwrapped OutHeader header, long revents) implements FuseReply {
    }

    /** LSEEK: {@code fuse_lseek_out{offset}}. */
    record Lseek(@JsonUnwrapped OutHeader header, long offset) implements FuseReply {
    }

    /** COPY_FILE_RANGE_64: {@code fuse_copy_file_range_out{bytes_copied}}. */
    record CopyFileRange(@JsonUnwrapped OutHeader header, long bytes_copied) implements FuseReply {
    }

    /** STATX: {@code fuse_statx_out{attr_valid attr_valid_nsec[4] flags[4] spare[2*8] stat}}. */
    record Statx(@JsonUnwrapped OutHeader header, long attr_valid, long attr_valid_nsec, long flags,
            io.lookaside.fuse.Statx stat) implements FuseReply {
    }

    /**
     * CUSE_INIT: {@code cuse_init_out{major minor unused flags max_read max_write dev_major dev_minor
     * spare[10]}} + NUL-separated device info strings ({@code DEVNAME=…}).
     */
    record CuseInit(@JsonUnwrapped OutHeader header, long major, long minor, long flags, List<String> flagNames,
            long max_read, long max_write, long dev_major, long dev_minor, List<String> info) implements FuseReply {
    }

    /** A successful reply whose request was not seen (or has an unknown opcode): the body cannot be read. */
    record Unknown(@JsonUnwrapped OutHeader header, int size) implements FuseReply {
    }
}
