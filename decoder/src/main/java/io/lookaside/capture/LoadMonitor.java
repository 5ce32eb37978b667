package io.lookaside.capture;

/** Progress and cancellation for a source reading a large input. */
public interface LoadMonitor {
    LoadMonitor NONE = new LoadMonitor() {
    };

    /** Called now and then with the input bytes consumed so far (compressed bytes for .gz). */
    default void progress(long done, long total) {
    }

    /** Sources check this in their loops and stop early when it turns true. */
    default boolean cancelled() {
        return false;
    }
}
