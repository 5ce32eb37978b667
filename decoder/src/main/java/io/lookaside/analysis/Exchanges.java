package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.fuse.HeaderOnly;
import io.lookaside.fuse.OutHeader;
import io.lookaside.ninep.NinePMessage;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Rerror;
import io.lookaside.ninep.Rlerror;
import io.lookaside.ninep.Rread;
import io.lookaside.ninep.Twrite;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.wire.Errno;
import io.lookaside.wire.ProtocolMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every request of a session with what the report and the rules ask of it, computed in one pass:
 * its operation, its wait (reply time minus request time, what-if.md "Wait-time report"), the
 * error it was answered with, and the bytes it moved. Only the few messages whose content matters
 * here (error replies, Rread, Twrite) are decoded, each once; everything else comes from the
 * session's columns. Columns are primitive and indexed by request ordinal {@code k}.
 */
public final class Exchanges {
    /** {@link #waitNanos(int)} of a request that was never answered (capture ended, flushed, FORGET). */
    public static final long UNANSWERED = -1;
    /** {@link #bytes(int)} of a request that moves no file data. */
    public static final long NO_BYTES = -1;

    /** Distinct names kept: 9P has 256 type numbers, FUSE fewer opcodes; error names come from the input (9P2000 ename). */
    private static final int OP_LIMIT = 1024;
    private static final int ERROR_LIMIT = 1024;

    private final int[] index;
    private final short[] op;
    private final long[] wait;
    private final short[] error;
    private final long[] bytes;
    private final int[] ordinal;
    private final List<String> ops;
    private final List<String> errors;

    private Exchanges(int[] index, short[] op, long[] wait, short[] error, long[] bytes, int[] ordinal,
                      List<String> ops, List<String> errors) {
        this.index = index;
        this.op = op;
        this.wait = wait;
        this.error = error;
        this.bytes = bytes;
        this.ordinal = ordinal;
        this.ops = List.copyOf(ops);
        // Id 0 of errors is null (no error), which List.copyOf refuses.
        this.errors = Collections.unmodifiableList(new ArrayList<>(errors));
    }

    public static Exchanges of(Session s) {
        int n = s.size();
        int[] ordinal = new int[n];
        Arrays.fill(ordinal, -1);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (s.direction(i) == Direction.REQUEST) {
                ordinal[i] = count++;
            }
        }
        int[] index = new int[count];
        short[] op = new short[count];
        long[] wait = new long[count];
        short[] error = new short[count];
        long[] bytes = new long[count];
        Interner ops = new Interner(OP_LIMIT, "other");
        Interner errors = new Interner(ERROR_LIMIT, "other error");
        errors.id(null);
        for (int i = 0; i < n; i++) {
            int k = ordinal[i];
            if (k < 0) {
                continue;
            }
            index[k] = i;
            op[k] = ops.id(s.typeName(i));
            int rep = s.peer(i);
            wait[k] = rep >= 0 ? s.tsNanos(rep) - s.tsNanos(i) : UNANSWERED;
            Protocol protocol = s.connection(i).protocol();
            error[k] = errors.id(rep >= 0 ? errorOf(s, protocol, rep) : null);
            bytes[k] = bytesOf(s, protocol, i, rep);
        }
        return new Exchanges(index, op, wait, error, bytes, ordinal, ops.names, errors.names);
    }

    /** The error a reply carries, as an errno name ({@code ENOENT}), a bare number, or a 9P2000 ename; null for success. */
    private static String errorOf(Session s, Protocol protocol, int rep) {
        return switch (protocol) {
            case NINEP -> ninePError(s, rep);
            case FUSE -> fuseError(s, rep);
        };
    }

    /**
     * fuse_out_header.error, a negated errno (linux/fuse.h). An error reply has no body
     * (dev.c rejects one), so only replies of exactly a header, or header-only rows, are decoded.
     */
    private static String fuseError(Session s, int rep) {
        if (s.length(rep) > OutHeader.SIZE && !s.hasFlag(rep, Session.HEADER_ONLY)) {
            return null;
        }
        ProtocolMessage m = s.message(rep);
        OutHeader h = m instanceof FuseReply r ? r.header() : m instanceof HeaderOnly.Reply r ? r.header() : null;
        return h == null || h.error() == 0 ? null : errnoName(h.error());
    }

    private static String ninePError(Session s, int rep) {
        int type = s.typeCode(rep);
        if (type != NinePTypes.RLERROR && type != NinePTypes.RERROR) {
            return null;
        }
        ProtocolMessage m = s.message(rep);
        if (m instanceof Rlerror e) {
            return errnoName(e.ecode());
        }
        if (m instanceof Rerror e) {
            // error(5): ename is authoritative; 9P2000.u adds a Unix errno, Ganesha's .L form an ecode.
            if (e.ecode() != null) {
                return errnoName(e.ecode());
            }
            if (e.errno() != null && e.errno() != 0) {
                return errnoName(e.errno());
            }
            return e.ename();
        }
        return "malformed error reply";
    }

    private static String errnoName(long code) {
        Errno e = Errno.of(code);
        return e != null ? e.name() : Long.toString(code);
    }

    /**
     * File data moved: Rread's count for a read, Twrite's count for a write (read(5)); FUSE: the
     * data of a READ reply, the size of a WRITE request (fuse_write_in). {@link #NO_BYTES} otherwise.
     */
    private static long bytesOf(Session s, Protocol protocol, int req, int rep) {
        if (protocol == Protocol.FUSE) {
            return fuseBytes(s, req, rep);
        }
        int type = s.typeCode(req);
        if (type == NinePTypes.TWRITE) {
            return s.message(req) instanceof Twrite w ? w.count() : NO_BYTES;
        }
        if (type == NinePTypes.TREAD && rep >= 0 && s.typeCode(rep) == NinePTypes.RREAD) {
            NinePMessage m = (NinePMessage) s.message(rep);
            return m instanceof Rread r ? r.count() : NO_BYTES;
        }
        return NO_BYTES;
    }

    private static long fuseBytes(Session s, int req, int rep) {
        int type = s.typeCode(req);
        if (type == FuseOpcode.WRITE.code()) {
            if (s.message(req) instanceof FuseRequest.Write w) {
                return w.size();
            }
            return rep >= 0 && s.message(rep) instanceof FuseReply.Write w ? w.size() : NO_BYTES;
        }
        if (type == FuseOpcode.READ.code() && rep >= 0) {
            ProtocolMessage m = s.message(rep);
            if (m instanceof FuseReply.Data d) {
                return d.size();
            }
            // A spliced or traced reply: its header still says how long it was.
            if (m instanceof HeaderOnly.Reply h && h.header().error() == 0) {
                return Math.max(0, h.header().len() - OutHeader.SIZE);
            }
        }
        return NO_BYTES;
    }

    /** The number of requests. */
    public int size() {
        return index.length;
    }

    /** The session message index of request {@code k}. */
    public int index(int k) {
        return index[k];
    }

    /** The request ordinal of session message {@code i}, or -1 when it is not a request. */
    public int ordinalOf(int i) {
        return ordinal[i];
    }

    /** The operation of request {@code k}: its type name ({@code Twalk}, {@code LOOKUP}). */
    public String op(int k) {
        return ops.get(op[k]);
    }

    /** A small dense id of {@link #op(int)}, in order of first appearance. */
    public int opId(int k) {
        return op[k];
    }

    /** Every operation name by {@link #opId(int)}. */
    public List<String> ops() {
        return ops;
    }

    /** Reply time minus request time, or {@link #UNANSWERED}. */
    public long waitNanos(int k) {
        return wait[k];
    }

    public boolean answered(int k) {
        return wait[k] != UNANSWERED;
    }

    /** The error request {@code k} was answered with ({@code ENOENT}, or a 9P2000 ename), or null. */
    public String error(int k) {
        return errors.get(error[k]);
    }

    /** File data moved by request {@code k} (Rread count, Twrite count), or {@link #NO_BYTES}. */
    public long bytes(int k) {
        return bytes[k];
    }

    /**
     * Dense ids for a few distinct strings (operation and error names). A hostile capture could
     * carry a different ename in every Rerror, so past {@code limit} names the rest share one.
     */
    private static final class Interner {
        final List<String> names = new ArrayList<>();
        final Map<String, Short> ids = new HashMap<>();
        final int limit;
        final String overflow;

        Interner(int limit, String overflow) {
            this.limit = limit;
            this.overflow = overflow;
        }

        short id(String name) {
            Short id = ids.get(name);
            if (id != null) {
                return id;
            }
            if (names.size() >= limit - 1 && !overflow.equals(name)) {
                return id(overflow);
            }
            short fresh = (short) names.size();
            names.add(name);
            ids.put(name, fresh);
            return fresh;
        }
    }
}
