package io.lookaside.fuse;

/** {@code struct fuse_file_lock}: <pre>start[8] end[8] type[4] pid[4]</pre> type is F_RDLCK 0, F_WRLCK 1, F_UNLCK 2. */
public record FileLock(long start, long end, long type, long pid) {
    public static final int SIZE = 24;
}
