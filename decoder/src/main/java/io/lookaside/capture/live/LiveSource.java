package io.lookaside.capture.live;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.InputKind;
import io.lookaside.capture.MessageSink;
import java.time.Duration;

/**
 * A source that watches something running (an interface, a QEMU trace log, a FUSE daemon, the
 * kernel's fuse tracepoints) and hands each message to a sink as it arrives, while it writes
 * what it saw to a file that the offline readers open again. It is the live twin of
 * {@link io.lookaside.capture.CaptureSource}: the same sink, fed for as long as the thing runs.
 *
 * <p>Lifecycle: {@link #start()} once (everything that can fail before the first message fails
 * there), then {@link #run} on one thread until {@link #stop()} or the source ends by itself.
 */
public interface LiveSource {
    /** The longest run() goes without calling its tick, even when nothing arrives. */
    Duration TICK = Duration.ofMillis(100);

    /**
     * Opens what is watched. Fails with one {@link CaptureException} whose message says what is
     * wrong and what to do (no such interface, no permission: run as root or grant capabilities,
     * no such process, no tracefs), never later in {@link #run} for those reasons.
     */
    void start() throws CaptureException;

    /**
     * Reads on the calling thread until {@link #stop()} is called or the source ends (the
     * interface went away, the daemon exited), handing messages to {@code sink} and writing what
     * it captured. Calls {@code tick} between batches, at least every {@link #TICK}; the caller
     * takes snapshots and enforces its limits there, on this same thread. Returns normally on a
     * stop or an end ({@link #endReason()} tells which), with the written file complete.
     */
    void run(MessageSink sink, Runnable tick) throws CaptureException;

    /** Asks {@link #run} to return soon. Safe from any thread, including a signal handler's. */
    void stop();

    /** What was seen so far. Safe from any thread. */
    LiveCounters counters();

    /** How the written file opens again. */
    InputKind writes();

    /** Null after {@link #stop()}; otherwise why the source ended, in words ("interface tap0 went away"). */
    String endReason();
}
