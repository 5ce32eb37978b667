package io.lookaside.analysis;

import io.lookaside.session.Session;

/**
 * Single fixed-offset fields of a stored 9P message, read without decoding the whole record, for
 * rules that scan every message of a type and need one number of each (walk(5): nwname; Rwalk:
 * nwqid; a fid). Offsets are the records' named constants ({@code Twalk.NWNAME}); a message too
 * short for the field gives -1, never an exception.
 */
final class NinePFields {
    private NinePFields() {
    }

    /** The u16 at {@code offset} of message {@code i}, or -1 when the message is shorter. */
    static int u16(Session s, int i, int offset) {
        return s.u16(i, offset);
    }

    /** The u32 at {@code offset} of message {@code i}, or -1 when the message is shorter. */
    static long u32(Session s, int i, int offset) {
        return s.u32(i, offset);
    }
}
