package io.lookaside.session;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.CaptureSource;
import io.lookaside.capture.FusedumpSource;
import io.lookaside.capture.InputKind;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.capture.PcapSource;
import io.lookaside.capture.StraceSource;
import io.lookaside.capture.QemuTraceSource;
import io.lookaside.capture.TracefsSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** The one way a capture becomes a {@link Session}: detect, read, decode, correlate, freeze. */
public final class SessionLoader {
    /** How often a growing prefix is handed over while loading; the first goes as soon as there are rows. */
    public static final Duration PREFIX_EVERY = Duration.ofMillis(250);

    private SessionLoader() {
    }

    public static Session load(Path path, CaptureOptions options, LoadMonitor monitor) throws CaptureException {
        return load(path, options, monitor, null);
    }

    /**
     * Loads as {@link #load(Path, CaptureOptions, LoadMonitor)} does and, while it goes on, hands
     * {@code prefixes} the rows loaded so far as a {@link Session}: the first as soon as the
     * first rows are in, then about every {@link #PREFIX_EVERY}, each with more rows than the
     * last. They are called on the loading thread, between batches of records; a view hands the
     * latest one to its own thread and shows it until the next one, or the complete session
     * this method returns, replaces it. A prefix's rows stay as they are, except that a request
     * may gain its reply in a later prefix. Costs a few small array copies per call.
     */
    public static Session load(Path path, CaptureOptions options, LoadMonitor monitor, Consumer<Session> prefixes)
            throws CaptureException {
        return load(path, options, monitor, prefixes, PREFIX_EVERY);
    }

    /** As {@link #load(Path, CaptureOptions, LoadMonitor, Consumer)}, a prefix at most every {@code every}. */
    public static Session load(Path path, CaptureOptions options, LoadMonitor monitor, Consumer<Session> prefixes,
                               Duration every) throws CaptureException {
        if (!Files.exists(path)) {
            throw new CaptureException(path + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new CaptureException(path + ": is a directory, not a capture");
        }
        InputKind kind = options.as() != null ? options.as() : InputKind.detect(path);
        if (kind == null) {
            throw new CaptureException(path + ": not a capture Lookaside can read "
                    + "(expected pcap, pcapng, fusedump, strace or tracefs text, optionally gzip-compressed)");
        }
        try (SessionBuilder builder = new SessionBuilder(path.toString())) {
            builder.sourceKind(kind.key());
            sourceFor(kind, path, options).read(builder, prefixes == null ? monitor : new Prefixes(monitor, builder, prefixes, every));
            return builder.build();
        }
    }

    /** Passes progress on and, at most every {@link #PREFIX_EVERY}, hands over the rows so far. */
    private static final class Prefixes implements LoadMonitor {
        private final LoadMonitor monitor;
        private final SessionBuilder builder;
        private final Consumer<Session> prefixes;
        private final long every;
        private long next;
        private int handed;

        Prefixes(LoadMonitor monitor, SessionBuilder builder, Consumer<Session> prefixes, Duration every) {
            this.monitor = monitor;
            this.builder = builder;
            this.prefixes = prefixes;
            this.every = every.toNanos();
            this.next = System.nanoTime();
        }

        @Override
        public void progress(long done, long total) {
            monitor.progress(done, total);
            long now = System.nanoTime();
            if (now - next >= 0 && builder.size > handed) {
                handed = builder.size;
                next = now + every;
                prefixes.accept(builder.prefix());
            }
        }

        @Override
        public boolean cancelled() {
            return monitor.cancelled();
        }
    }

    private static CaptureSource sourceFor(InputKind kind, Path path, CaptureOptions options) throws CaptureException {
        return switch (kind) {
            case PCAP, PCAPNG -> new PcapSource(path, options);
            case FUSEDUMP -> new FusedumpSource(path);
            case STRACE -> new StraceSource(path);
            case TRACEFS -> new TracefsSource(path);
            case QEMU_TRACE -> new QemuTraceSource(path);
        };
    }
}
