package io.lookaside.fuse;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code struct fuse_out_header}, the 16 bytes in front of every reply:
 * <pre>len[4] error[4] unique[8]</pre>
 * A reply carries no opcode; {@code opcode} here is the opcode of the request it answers as the
 * session paired it ({@link FuseOpcode#UNKNOWN} when the request was not seen). {@code errno}
 * names a nonzero {@code error}.
 */
public record OutHeader(FuseOpcode opcode, long unique, int error,
        @JsonInclude(JsonInclude.Include.NON_NULL) String errno, long len) implements FuseHeader {
    public static final int SIZE = 16;
    static final int LEN = 0;
    static final int ERROR = 4;
    static final int UNIQUE = 8;
}
