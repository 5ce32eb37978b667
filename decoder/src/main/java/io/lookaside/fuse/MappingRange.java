package io.lookaside.fuse;

/** {@code struct fuse_removemapping_one}, one REMOVEMAPPING range (virtio-fs DAX): <pre>moffset[8] len[8]</pre> */
public record MappingRange(long moffset, long len) {
    public static final int SIZE = 16;
}
