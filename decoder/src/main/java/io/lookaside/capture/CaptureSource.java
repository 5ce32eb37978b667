package io.lookaside.capture;

/** Reads one input from start to end and hands every message it finds to a sink. */
public interface CaptureSource {

    /**
     * Reads everything. Bad records become diagnostics and reading goes on; only an input that
     * cannot be read at all throws. Returns normally, possibly early, when cancelled.
     */
    void read(MessageSink sink, LoadMonitor monitor) throws CaptureException;
}
