package io.lookaside.analysis;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import io.lookaside.whatif.Models;
import io.lookaside.whatif.Profiles;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The analysis of a capture begun while it loads: the lifecycles pass streams on a thread of its
 * own, fed the prefixes the loader hands out ({@code SessionLoader.load(…, this, every)}), so
 * that reading and the lifecycles use both cores from the first rows; {@link #finish} feeds the
 * rest of the whole session and runs the rest of the analysis. The result equals
 * {@link Analyzer#analyze(Session)} of the loaded session: the stream settles as
 * {@link LiveAnalysis} does (LiveAnalysisTest), and is fed every row once the session is whole.
 */
public final class AnalysisWhileLoading implements Consumer<Session>, AutoCloseable {
    private static final Optional<Session> END = Optional.empty();

    private final LinkedBlockingQueue<Optional<Session>> prefixes = new LinkedBlockingQueue<>();
    private final Lifecycles.Stream stream = new Lifecycles.Stream();
    private final FutureTask<Void> feeding = new FutureTask<>(this::feed, null);

    public AnalysisWhileLoading() {
        Thread t = new Thread(feeding, "lookaside-lifecycles");
        t.setDaemon(true);
        t.start();
    }

    /** A prefix from the loader (its thread): queued for the stream, which takes the newest. */
    @Override
    public void accept(Session prefix) {
        prefixes.add(Optional.of(prefix));
    }

    private void feed() {
        try {
            while (true) {
                // The newest prefix queued; the end (the whole session is there) stops the stream.
                Session newest = null;
                for (Optional<Session> next = prefixes.take(); next != null; next = prefixes.poll()) {
                    if (next.isEmpty()) {
                        return;
                    }
                    newest = next.get();
                }
                stream.update(newest, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The analysis of the loaded session: the stream completed, then statistics, models, profiles, rules. */
    public Analysis finish(Session whole) {
        prefixes.add(END);
        try {
            feeding.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the lifecycles were streaming", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        Lifecycles lifecycles = stream.finish(whole);
        return Analyzer.analyze(whole, lifecycles, Models.ALL, Profiles.ALL, Rules.ALL);
    }

    /** Stops the stream when loading failed (no analysis follows). */
    @Override
    public void close() {
        prefixes.add(END);
    }
}
