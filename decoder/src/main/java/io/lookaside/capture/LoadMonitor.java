package io.lookaside.capture;

/** Progress and cancellation for a source reading a large input. */
public interface LoadMonitor {
    LoadMonitor NONE = new LoadMonitor() {
    };

    /**
     * Called now and then with how far reading has come, in input bytes out of {@code total}.
     * For .gz input the unit is compressed bytes: decompressing covers the first half of
     * {@code total}, reading the decompressed capture the second.
     */
    default void progress(long done, long total) {
    }

    /** Sources check this in their loops and stop early when it turns true. */
    default boolean cancelled() {
        return false;
    }
}
