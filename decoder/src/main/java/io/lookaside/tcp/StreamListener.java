package io.lookaside.tcp;

/** Receives one direction of a reassembled byte stream, in order. */
interface StreamListener {

    /** The stream begins; {@code atStreamStart} when its first byte is the first byte sent (SYN seen). */
    void begin(boolean atStreamStart);

    /**
     * Contiguous stream bytes, valid only during the call. {@code frame} and {@code tsNanos}
     * are those of the capture record that made them contiguous.
     */
    void data(byte[] a, int off, int len, long frame, long tsNanos);

    /**
     * {@code bytes} stream bytes will never arrive. {@code frameBefore} delivered the last
     * bytes before the hole (0 if none), {@code frameAfter} holds the first byte after it.
     */
    void gap(long bytes, long frameBefore, long frameAfter, String why);

    /** The stream ended (FIN delivered, reset, or the capture ended). */
    void end(long frame, String why);
}
