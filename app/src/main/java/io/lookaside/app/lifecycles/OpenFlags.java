package io.lookaside.app.lifecycles;

import io.lookaside.report.ValueNames;

/**
 * Open flags as a kernel engineer reads them. 9P2000.L's Tlopen/Tlcreate and FUSE's OPEN/CREATE
 * carry Linux open(2) flags; 9P2000's Topen/Tcreate carry a mode byte (open(5)). The names are
 * the decoder's ({@link ValueNames}), the same the message list shows.
 */
final class OpenFlags {

    private OpenFlags() {
    }

    /** Linux open(2) flags: {@code O_RDONLY|O_DIRECTORY|O_LARGEFILE}; unknown bits in hex. */
    static String linux(long flags) {
        return ValueNames.openFlags(flags);
    }

    /** A 9P2000 open mode byte: {@code OREAD|OTRUNC}. */
    static String plan9(long mode) {
        return ValueNames.plan9Mode(mode);
    }
}
