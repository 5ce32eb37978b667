package io.lookaside.live;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.MessageSink;
import io.lookaside.capture.Protocol;
import io.lookaside.capture.live.LiveCounters;
import io.lookaside.capture.live.LiveSource;
import io.lookaside.session.Session;
import io.lookaside.session.SessionBuilder;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a {@link LiveSource} into a {@link SessionBuilder} on the calling thread: the live twin
 * of {@link io.lookaside.session.SessionLoader}. While it runs it hands out snapshots (the
 * session so far, the source's counters); at the end it returns the session, which equals what
 * {@code SessionLoader.load} gives on the file the source wrote, because both saw the same
 * records through the same pipeline.
 */
public final class LiveSession {

    /**
     * When to stop by itself.
     *
     * @param duration how long to capture; null: until stopped
     * @param messages stop once this many messages are in (0: no limit); the batch in flight is
     *                 kept, in the session as in the file, so a few more may be
     */
    public record Limits(Duration duration, long messages) {
        public static final Limits NONE = new Limits(null, 0);

        public Limits {
            if (messages < 0) {
                throw new IllegalArgumentException("messages must not be negative: " + messages);
            }
            if (duration != null && duration.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative: " + duration);
            }
        }
    }

    /**
     * What the capture looks like now.
     *
     * @param session   the rows so far ({@link SessionBuilder#prefix()}), or the final session when ended
     * @param counters  the source's counters (records, bytes, drops)
     * @param messages  messages decoded so far
     * @param elapsed   since the capture started
     * @param ended     the last snapshot: the capture is over
     * @param endReason when ended, why in words ("stopped", "10 s elapsed", "interface tap0 went away")
     */
    public record Snapshot(Session session, LiveCounters counters, long messages, Duration elapsed,
                           boolean ended, String endReason) {
    }

    private final LiveSource source;
    private final String name;
    private final Limits limits;
    private boolean started;
    private String limitReason;

    /**
     * @param name the written file, shown as the session's source (as {@code SessionLoader} shows the path it loaded)
     */
    public LiveSession(LiveSource source, String name, Limits limits) {
        this.source = Objects.requireNonNull(source, "source");
        this.name = Objects.requireNonNull(name, "name");
        this.limits = limits == null ? Limits.NONE : limits;
    }

    /**
     * Starts the source, so that a caller can tell a capture that cannot start (no such
     * interface, no permission) from one that fails later. {@link #run} starts it when this was
     * not called. Call at most once.
     */
    public void start() throws CaptureException {
        if (started) {
            throw new IllegalStateException("started twice");
        }
        source.start();
        started = true;
    }

    /** Blocks until the end; calls snapshots on this thread about every period and once at the end. */
    public Session run(Consumer<Snapshot> snapshots, Duration period) throws CaptureException {
        if (!started) {
            start();
        }
        long begin = System.nanoTime();
        long every = Math.max(1, period.toNanos());
        try (SessionBuilder builder = new SessionBuilder(name)) {
            builder.sourceKind(source.writes().key());
            Counting sink = new Counting(builder);
            long[] next = {begin + every};
            source.run(sink, () -> {
                long now = System.nanoTime();
                checkLimits(sink.messages, now - begin);
                if (now - next[0] >= 0) {
                    next[0] = now + every;
                    snapshots.accept(new Snapshot(builder.prefix(), source.counters(), sink.messages,
                            Duration.ofNanos(now - begin), false, null));
                }
            });
            Session session = builder.build();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
            snapshots.accept(new Snapshot(session, source.counters(), session.size(), elapsed, true, endReason()));
            return session;
        }
    }

    private void checkLimits(long messages, long elapsedNanos) {
        if (limitReason != null) {
            return;
        }
        if (limits.messages() > 0 && messages >= limits.messages()) {
            limitReason = limits.messages() + " messages captured";
        } else if (limits.duration() != null && elapsedNanos >= limits.duration().toNanos()) {
            limitReason = seconds(limits.duration()) + " elapsed";
        }
        if (limitReason != null) {
            source.stop();
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private String endReason() {
        if (limitReason != null) {
            return limitReason;
        }
        String r = source.endReason();
        if (r != null) {
            return r;
        }
        return "stopped";
    }

    /** Asks the capture to end soon; the written file is finished. Safe from any thread. */
    public void stop() {
        source.stop();
    }

    /** Passes everything to the builder and counts the messages, for the limits. */
    private static final class Counting implements MessageSink {
        private final SessionBuilder builder;
        long messages;

        Counting(SessionBuilder builder) {
            this.builder = builder;
        }

        @Override
        public void connection(int conn, Protocol protocol, String id) {
            builder.connection(conn, protocol, id);
        }

        @Override
        public void message(int conn, boolean fromClient, long frame, long tsNanos, ByteBuffer bytes, int flags) {
            messages++;
            builder.message(conn, fromClient, frame, tsNanos, bytes, flags);
        }

        @Override
        public void diagnostic(Diagnostic diagnostic) {
            builder.diagnostic(diagnostic);
        }

        @Override
        public void truncated() {
            builder.truncated();
        }
    }
}
