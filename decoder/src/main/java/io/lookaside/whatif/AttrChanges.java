package io.lookaside.whatif;

import io.lookaside.fuse.FuseNotify;
import io.lookaside.fuse.FuseRequest;
import java.util.function.LongConsumer;

/**
 * The nodes whose cached attributes a message makes stale, as the kernel itself sees it
 * (fs/fuse/dir.c, file.c, xattr.c, readdir.c): the node a SETATTR, WRITE, FALLOCATE,
 * COPY_FILE_RANGE, SETXATTR, REMOVEXATTR or truncating OPEN changes; the atime a READ,
 * READDIR(PLUS) or READLINK moves (fuse_invalidate_atime()); the directory a creation,
 * removal or rename changes (fuse_dir_changed()) and the inode whose link count or ctime it
 * changes; NOTIFY_INVAL_INODE, the parent of NOTIFY_INVAL_ENTRY, both nodes of NOTIFY_DELETE.
 */
final class AttrChanges {
    private AttrChanges() {
    }

    /** Calls {@code action} for each node whose attributes {@code m} makes stale. */
    static void forEachNode(int conn, Object m, Dentries dentries, LongConsumer action) {
        if (m instanceof FuseRequest r) {
            request(conn, r, dentries, action);
        } else if (m instanceof FuseNotify.InvalInode n) {
            action.accept(n.ino());
        } else if (m instanceof FuseNotify.InvalEntry n) {
            action.accept(n.parent());
        } else if (m instanceof FuseNotify.Delete n) {
            action.accept(n.parent());
            action.accept(n.child());
        }
    }

    /** True for the reads, which change only the atime of their node. */
    static boolean movesOnlyAtime(Object m) {
        return m instanceof FuseRequest.Read || m instanceof FuseRequest.Readdir || m instanceof FuseRequest.Readdirplus
                || m instanceof FuseRequest.Readlink;
    }

    private static void request(int conn, FuseRequest r, Dentries dentries, LongConsumer action) {
        long node = r.header().nodeid();
        switch (r.header().opcode()) {
            case SETATTR, WRITE, FALLOCATE, READ, READDIR, READDIRPLUS, READLINK, SETXATTR, REMOVEXATTR,
                    CREATE, MKNOD, MKDIR, SYMLINK, TMPFILE -> action.accept(node);
            case OPEN -> {
                if (r instanceof FuseRequest.Open o && (o.flags() & FuseTrace.O_TRUNC) != 0) {
                    action.accept(node);
                }
            }
            case COPY_FILE_RANGE, COPY_FILE_RANGE_64 -> {
                action.accept(node);
                if (r instanceof FuseRequest.CopyFileRange c) {
                    action.accept(c.nodeid_out());
                } else if (r instanceof FuseRequest.CopyFileRange64 c) {
                    action.accept(c.nodeid_out());
                }
            }
            case LINK -> {
                action.accept(node);
                if (r instanceof FuseRequest.Link l) {
                    action.accept(l.oldnodeid());
                }
            }
            case UNLINK, RMDIR, RENAME, RENAME2 -> {
                action.accept(node);
                if (r instanceof FuseRequest.Rename rn) {
                    action.accept(rn.newdir());
                } else if (r instanceof FuseRequest.Rename2 rn) {
                    action.accept(rn.newdir());
                }
                DentryChanges.forEachName(conn, r, name -> {
                    long child = dentries.node(name);
                    if (child != 0) {
                        action.accept(child);
                    }
                });
            }
            default -> {
            }
        }
    }
}
