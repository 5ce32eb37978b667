package io.lookaside.fuse;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code struct fuse_in_header}, the 40 bytes in front of every request:
 * <pre>len[4] opcode[4] unique[8] nodeid[8] uid[4] gid[4] pid[4] total_extlen[2] padding[2]</pre>
 * {@code total_extlen} (7.38) counts the 8-byte units of request extensions at the end.
 * {@code extensions} are those blocks decoded (the kernel sends them with CREATE, MKNOD, MKDIR,
 * SYMLINK and TMPFILE when SECURITY_CTX or CREATE_SUPP_GROUP was agreed).
 * {@code unique} keeps bit 63 (FUSE_UNIQUE_RESEND) as sent.
 */
public record InHeader(FuseOpcode opcode, long unique, long nodeid, long uid, long gid, long pid, long len,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int total_extlen,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Extension> extensions) implements FuseHeader {
    public static final int SIZE = 40;
    static final int LEN = 0;
    static final int OPCODE = 4;
    static final int UNIQUE = 8;
    static final int NODEID = 16;
    static final int UID = 24;
    static final int GID = 28;
    static final int PID = 32;
    static final int TOTAL_EXTLEN = 36;

    /** Bit 63 of unique: a request re-sent after NOTIFY_RESEND (7.40). */
    public static final long UNIQUE_RESEND = 1L << 63;
    /** Bit 0 of unique: the INTERRUPT request of an interrupted request (dev.c). */
    public static final long UNIQUE_INTERRUPT = 1L;
}
