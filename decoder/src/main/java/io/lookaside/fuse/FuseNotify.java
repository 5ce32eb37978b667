package io.lookaside.fuse;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A notification, daemon to kernel: {@code fuse_out_header} with unique 0 and the code in
 * {@code error}, then the {@code fuse_notify_*_out} struct (linux/fuse.h, dev.c). Body
 * fields named {@code len} in linux/fuse.h are {@code length} here (see {@link FuseRequest}).
 */
public sealed interface FuseNotify extends FuseMessage {

    NotifyHeader header();

    FuseNotifyCode code();

    @Override
    default String typeName() {
        return code().wireName();
    }

    /** POLL (1): {@code fuse_notify_poll_wakeup_out{kh}}: wake the poll handle. */
    record Poll(@JsonUnwrapped NotifyHeader header, long kh) implements FuseNotify {
        public FuseNotifyCode code() {
            return FuseNotifyCode.POLL;
        }
    }

    /** INVAL_INODE (2): {@code fuse_notify_inval_inode_out{ino off len}}; off &lt; 0 drops only attributes. */
    record InvalInode(@JsonUnwrapped NotifyHeader header, long ino, long off, long length) implements FuseNotify {
        public FuseNotifyCode code() {
            return FuseNotifyCode.INVAL_INODE;
        }
    }

    /** INVAL_ENTRY (3): {@code fuse_notify_inval_entry_out{parent namelen[4] flags[4]}} + {@code name\0}; flags EXPIRE_ONLY 1. */
    record InvalEntry(@JsonUnwrapped NotifyHeader header, long parent, long namelen, long flags, String name)
            implements FuseNotify {
        public FuseNotifyCode code() {
            return FuseNotifyCode.INVAL_ENTRY;
        }
    }

    /** STORE (4): {@code fuse_notify_store_out{nodeid offset size[4] padding[4]}} + size data bytes. */
    record Store(@JsonUnwrapped NotifyHeader header, long nodeid, long offset, long size, int dataOffset)
            implements FuseNotify {
        public FuseNotifyCode code() {
            return FuseNotifyCode.STORE;
        }
    }

    /** RETRIEVE (5): {@code fuse_notify_retrieve_out{notify_unique nodeid offset size[4] padding[4]}}; answered by NOTIFY_REPLY. */
    record Retrieve(@JsonUnwrapped NotifyHeader header, long notify_unique, long nodeid, long offset, long size)
            implements FuseNotify {
        public FuseNotifyCode code() {
            return FuseNotifyCode.RETRIEVE;
        }
    }

    /** DELETE (6): {@code fuse_notify_delete_out{parent child namelen[4] padding[4]}} + {@code name\0}. */
    record Delete(@JsonUnwrapped NotifyHeader header, long parent, long child, long namelen, String name)
            implements FuseNotify {
        public FuseNotifyCode code() {
            return FuseNotifyCode.DELETE;
        }
    }

    /** RESEND (7): no body; the kernel re-sends every request still pending, unique bit 63 set. */
    record Resend(@JsonUnwrapped NotifyHeader header) implements FuseNotify {
        public FuseNotifyCode code() {
            return FuseNotifyCode.RESEND;
        }
    }

    /** INC_EPOCH (8): no body; every cached dentry becomes stale. */
    record IncEpoch(@JsonUnwrapped NotifyHeader header) implements FuseNotify {
        public FuseNotifyCode code() {
            return FuseNotifyCode.INC_EPOCH;
        }
    }

    /** PRUNE (9): {@code fuse_notify_prune_out{count[4] padding[4] spare[8]}} + count × nodeid: forget these inodes. */
    record Prune(@JsonUnwrapped NotifyHeader header, long count, List<Long> nodeids) implements FuseNotify {
        public FuseNotifyCode code() {
            return FuseNotifyCode.PRUNE;
        }
    }

    /** A code the protocol does not define; {@code size} is the body length. */
    record Unknown(@JsonUnwrapped NotifyHeader header, int size) implements FuseNotify {
        public FuseNotifyCode code() {
            return FuseNotifyCode.UNKNOWN;
        }
    }
}
