package io.lookaside.whatif;

import io.lookaside.fuse.FuseNotify;
import io.lookaside.fuse.FuseRequest;
import java.util.function.Consumer;

/**
 * The directory entries (parent nodeid, name) a message creates, removes, moves or
 * invalidates: what breaks a cached answer keyed by name (linux/fuse.h: LINK's nodeid is the
 * new parent, RENAME's the old one; NOTIFY_INVAL_ENTRY and NOTIFY_DELETE name the entry).
 */
final class DentryChanges {
    private DentryChanges() {
    }

    /** Calls {@code action} for each entry {@code message} changes on connection {@code conn}; none for other messages. */
    static void forEachName(int conn, Object message, Consumer<FuseTrace.Name> action) {
        if (message instanceof FuseRequest.Create c) {
            action.accept(new FuseTrace.Name(conn, c.header().nodeid(), c.name()));
        } else if (message instanceof FuseRequest.Mknod m) {
            action.accept(new FuseTrace.Name(conn, m.header().nodeid(), m.name()));
        } else if (message instanceof FuseRequest.Mkdir m) {
            action.accept(new FuseTrace.Name(conn, m.header().nodeid(), m.name()));
        } else if (message instanceof FuseRequest.Symlink l) {
            action.accept(new FuseTrace.Name(conn, l.header().nodeid(), l.name()));
        } else if (message instanceof FuseRequest.Link l) {
            action.accept(new FuseTrace.Name(conn, l.header().nodeid(), l.name()));
        } else if (message instanceof FuseRequest.Unlink u) {
            action.accept(new FuseTrace.Name(conn, u.header().nodeid(), u.name()));
        } else if (message instanceof FuseRequest.Rmdir r) {
            action.accept(new FuseTrace.Name(conn, r.header().nodeid(), r.name()));
        } else if (message instanceof FuseRequest.Rename r) {
            action.accept(new FuseTrace.Name(conn, r.header().nodeid(), r.name()));
            action.accept(new FuseTrace.Name(conn, r.newdir(), r.newname()));
        } else if (message instanceof FuseRequest.Rename2 r) {
            action.accept(new FuseTrace.Name(conn, r.header().nodeid(), r.name()));
            action.accept(new FuseTrace.Name(conn, r.newdir(), r.newname()));
        } else if (message instanceof FuseNotify.InvalEntry e) {
            action.accept(new FuseTrace.Name(conn, e.parent(), e.name()));
        } else if (message instanceof FuseNotify.Delete e) {
            action.accept(new FuseTrace.Name(conn, e.parent(), e.name()));
        }
    }
}
