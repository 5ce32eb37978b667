package io.lookaside.capture;

/** Recognising FUSE inputs by content: fusedump framing, tracepoint lines, strace syscall lines. */
final class FuseInputDetector {
    private FuseInputDetector() {
    }

    static boolean isFusedump(byte[] head) {
        return FusedumpSource.looksLike(head);
    }

    static boolean isTracefs(String text) {
        return TracefsSource.looksLike(text);
    }

    static boolean isStrace(String text) {
        return StraceSource.looksLike(text);
    }
}
