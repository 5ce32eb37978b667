package io.lookaside.whatif;

import io.lookaside.fuse.Direntplus;
import io.lookaside.fuse.EntryOut;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import java.util.function.BiConsumer;

/**
 * The directory entries a reply hands the kernel, each with its {@code fuse_entry_out}: a
 * positive LOOKUP, CREATE, MKNOD, MKDIR, SYMLINK, LINK, and every READDIRPLUS entry with a
 * nodeid other than 0 except "." and ".." (fs/fuse/readdir.c fuse_direntplus_link()).
 */
final class EntryReplies {
    private EntryReplies() {
    }

    static void forEach(int conn, FuseRequest request, FuseReply reply, BiConsumer<FuseTrace.Name, EntryOut> action) {
        if (request == null || reply == null) {
            return;
        }
        long parent = request.header().nodeid();
        String name = entryName(request);
        if (name != null) {
            EntryOut e = reply instanceof FuseReply.Entry en ? en.entry_out()
                    : reply instanceof FuseReply.Create c ? c.entry_out() : null;
            if (e != null && e.nodeid() != 0) {
                action.accept(new FuseTrace.Name(conn, parent, name), e);
            }
        } else if (reply instanceof FuseReply.Readdirplus plus) {
            for (Direntplus d : plus.entries()) {
                String n = d.dirent().name();
                if (d.entry_out().nodeid() != 0 && !".".equals(n) && !"..".equals(n)) {
                    action.accept(new FuseTrace.Name(conn, parent, n), d.entry_out());
                }
            }
        }
    }

    /** The entry name of a LOOKUP, CREATE, MKNOD, MKDIR, SYMLINK or LINK (under the header nodeid); null for other requests. */
    static String entryName(FuseRequest r) {
        if (r instanceof FuseRequest.Lookup l) {
            return l.name();
        } else if (r instanceof FuseRequest.Create c) {
            return c.name();
        } else if (r instanceof FuseRequest.Mknod m) {
            return m.name();
        } else if (r instanceof FuseRequest.Mkdir m) {
            return m.name();
        } else if (r instanceof FuseRequest.Symlink l) {
            return l.name();
        } else if (r instanceof FuseRequest.Link l) {
            return l.name();
        }
        return null;
    }
}
