package io.lookaside.app.testing;

import io.lookaside.app.capture.CaptureViewModel;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The workbench's own loader ({@link SessionLoader} over a real capture), held after each
 * prefix it hands over until the test lets it go on, so that a test sees the rows of a capture
 * still loading. A small sample loads in a few batches, well within
 * {@link SessionLoader#PREFIX_EVERY}; holding the loading thread at least that long after each
 * prefix makes the next batch hand over the next one. It gives up waiting when the load is
 * cancelled, as the real loader stops between batches.
 */
public final class PacedLoader implements CaptureViewModel.Loader {
    private final Semaphore permits = new Semaphore(0);
    private final AtomicInteger handed = new AtomicInteger();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean free;
    private volatile Thread thread;

    @Override
    public Session load(Path file, LoadMonitor monitor, Consumer<Session> prefixes) throws CaptureException {
        thread = Thread.currentThread();
        try {
            return SessionLoader.load(file, CaptureOptions.DEFAULT, monitor, p -> {
                prefixes.accept(p);
                handed.incrementAndGet();
                if (!free) {
                    hold(monitor);
                }
            });
        } finally {
            ended.countDown();
        }
    }

    private void hold(LoadMonitor monitor) {
        try {
            while (!permits.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                if (monitor.cancelled()) {
                    return;
                }
            }
            if (!free) {
                Thread.sleep(SessionLoader.PREFIX_EVERY.toMillis() + 20);
            }
        } catch (InterruptedException e) {
            // The runner is closing: let the load see its cancellation.
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the load go on to its next prefix. */
    public void next() {
        permits.release();
    }

    /** Lets the load run to its end at its own pace. */
    public void finish() {
        free = true;
        permits.release(Integer.MAX_VALUE / 2);
    }

    /** How many prefixes the load handed over so far. */
    public int handed() {
        return handed.get();
    }

    /** Waits until the load returned (or threw); false after {@code seconds}. */
    public boolean awaitEnd(long seconds) throws InterruptedException {
        return ended.await(seconds, TimeUnit.SECONDS);
    }

    /** The thread that ran the load, or null before it started. */
    public Thread thread() {
        return thread;
    }
}
