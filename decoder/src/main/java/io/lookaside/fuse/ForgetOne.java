package io.lookaside.fuse;

/** {@code struct fuse_forget_one}, one BATCH_FORGET entry: <pre>nodeid[8] nlookup[8]</pre> */
public record ForgetOne(long nodeid, long nlookup) {
    public static final int SIZE = 16;
}
