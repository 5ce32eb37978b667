package io.lookaside.lifecycle;

import io.lookaside.ninep.NinePMessage;
import io.lookaside.ninep.Rerror;
import io.lookaside.ninep.Rlerror;
import io.lookaside.wire.Errno;
import java.util.Locale;
import java.util.Set;

/** The Linux errno of a 9P error reply, whichever way the server sent it. */
public final class NinePErrors {
    /** Not an error reply. */
    public static final long NONE = -1;
    /** An error reply whose ename names no errno we know. */
    public static final long UNKNOWN = 0;

    /** Plan 9's and Linux's texts for "no such file" (plan9 lib9p, v9fs's error table). */
    private static final Set<String> NOT_FOUND_TEXTS = Set.of("file does not exist",
            "no such file or directory", "file not found", "directory entry not found");

    private NinePErrors() {
    }

    /**
     * Rlerror's ecode; Rerror's ecode (the NFS-Ganesha form) or 9P2000.u errno; for a plain
     * 9P2000 Rerror, ENOENT when its ename is one of the usual "not found" texts, else
     * {@link #UNKNOWN}. {@link #NONE} for any other message.
     */
    public static long ecode(NinePMessage reply) {
        if (reply instanceof Rlerror e) {
            return e.ecode();
        }
        if (reply instanceof Rerror e) {
            if (e.ecode() != null) {
                return e.ecode();
            }
            if (e.errno() != null && e.errno() != 0) {
                return e.errno();
            }
            String text = e.ename() == null ? "" : e.ename().toLowerCase(Locale.ROOT);
            return NOT_FOUND_TEXTS.contains(text) ? Errno.ENOENT.code() : UNKNOWN;
        }
        return NONE;
    }

    /** True when {@code ename} is one of the usual "not found" texts of a 9P2000 Rerror. */
    public static boolean notFound(String ename) {
        return ename != null && NOT_FOUND_TEXTS.contains(ename.toLowerCase(Locale.ROOT));
    }

    public static boolean isError(NinePMessage reply) {
        return reply instanceof Rlerror || reply instanceof Rerror;
    }
}
