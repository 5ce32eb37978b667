package io.lookaside.whatif;

import io.lookaside.fuse.FuseOpcode;

/** A set of FUSE opcodes, tested on the session's type column before a message is decoded. */
final class FuseOps {
    /** The requests that create, remove or look up directory entries, and the forgets. */
    static final FuseOps NAMESPACE = of(FuseOpcode.LOOKUP, FuseOpcode.CREATE, FuseOpcode.MKNOD, FuseOpcode.MKDIR,
            FuseOpcode.SYMLINK, FuseOpcode.LINK, FuseOpcode.UNLINK, FuseOpcode.RMDIR, FuseOpcode.RENAME,
            FuseOpcode.RENAME2, FuseOpcode.FORGET, FuseOpcode.BATCH_FORGET);

    private final long bits;

    private FuseOps(long bits) {
        this.bits = bits;
    }

    static FuseOps of(FuseOpcode... ops) {
        long b = 0;
        for (FuseOpcode op : ops) {
            if (op.code() > 0 && op.code() < 64) {
                b |= 1L << op.code();
            }
        }
        return new FuseOps(b);
    }

    FuseOps with(FuseOpcode... ops) {
        return new FuseOps(bits | of(ops).bits);
    }

    boolean has(int code) {
        return code > 0 && code < 64 && (bits & 1L << code) != 0;
    }
}
