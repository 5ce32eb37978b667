package io.lookaside.fuse;

/**
 * {@code struct fuse_dirent}, one READDIR entry, padded to 8 bytes:
 * <pre>ino[8] off[8] namelen[4] type[4] name[namelen]</pre>
 * {@code off} is the cookie to continue from; {@code type} is DT_* (4 DIR, 8 REG, 10 LNK, …).
 */
public record Dirent(long ino, long off, long namelen, long type, String name) {
    public static final int HEADER_SIZE = 24;
}
