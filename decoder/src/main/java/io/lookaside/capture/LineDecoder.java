package io.lookaside.capture;

/**
 * The line-by-line core of a text reader (strace, tracefs, QEMU trace), usable on a file that
 * is still growing: a live source hands it each whole line as it is written, the offline
 * reader every line of the file. Both deliver the same messages for the same lines.
 */
public interface LineDecoder {
    /** One whole line, without its terminator. */
    void line(String line);

    /** The input ended: flushes what waits for a following line and reports what was skipped. */
    void finish();

    /** Lines that carried something this decoder reads (calls, events); 0 means the input is not of its kind. */
    long recognised();
}
