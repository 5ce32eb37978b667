package io.lookaside.app.testing;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Test-only stand-in for the FX thread: publications queue here and the test thread runs them,
 * so view-model tests run without a toolkit and see callbacks in a deterministic order.
 */
public final class ManualFxThread implements Executor {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable r) {
        queue.add(r);
    }

    /** Runs queued publications on the calling thread until {@code done} holds; fails after 30 s. */
    public void runUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("condition not reached within " + LIMIT);
            }
            Runnable r = queue.poll(left, TimeUnit.NANOSECONDS);
            if (r != null) {
                r.run();
            }
        }
    }

    /** Runs whatever is queued now, and whatever arrives within {@code quiet} of the last one. */
    public void runPending(Duration quiet) throws InterruptedException {
        Runnable r;
        while ((r = queue.poll(quiet.toNanos(), TimeUnit.NANOSECONDS)) != null) {
            r.run();
        }
    }
}
