package io.lookaside.app.workbench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;

/**
 * The one way the workbench runs work off the FX thread (architecture example 8):
 * the caller copies its inputs on the FX thread into the job's closure, the job computes on a
 * worker and checks {@link TaskContext#cancelled()} in its loops, and its result is published on
 * the FX thread only if it is still the latest task for its key. Submitting a task cancels the
 * previous one of the same key, so a fast typist or a user holding the arrow key never sees a
 * stale result. This class is the only place that hands work to the FX thread.
 */
public final class TaskRunner implements AutoCloseable {

    /** A background computation. Never called on the FX thread. */
    @FunctionalInterface
    public interface Job<T> {
        T run(TaskContext context) throws Exception;
    }

    /**
     * A background computation that hands over partial results as it goes (the rows of a
     * capture loaded so far). Never called on the FX thread.
     */
    @FunctionalInterface
    public interface PartialJob<T> {
        T run(TaskContext context, Consumer<? super T> partial) throws Exception;
    }

    /**
     * Progress reaches the FX thread at most this often: a progress bar needs no more, and each
     * publication is a pulse (CSS, layout, rendering) that a loader on two cores pays for.
     */
    static final Duration PROGRESS_EVERY = Duration.ofMillis(100);
    /**
     * A partial result is handed over no sooner than this many times the FX thread's CPU time
     * since the previous hand-over after it: the FX thread spends at most about a fifth of its
     * time on partial results (their layouts come in the pulse after each), however costly they
     * get (the table's layouts grow with the rows above the scroll position), and the job that
     * makes them keeps the rest of the machine.
     */
    static final int PARTIAL_PACE = 4;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Executor fx;
    private final ScheduledThreadPoolExecutor workers;
    private final Consumer<Throwable> unexpected;
    private final Map<String, Ticket<?>> latest;
    /** Prefixed to every key: the tasks of one capture's editor never replace another's. */
    private final String scope;
    /** A scoped runner shares its parent's workers and only cancels its own tasks on close. */
    private final boolean ownsWorkers;
    private volatile boolean closed;

    /**
     * @param fx         runs publications; {@code Platform::runLater} in the application
     * @param threads    worker threads
     * @param unexpected failures of tasks submitted without their own failure handler (bugs)
     */
    public TaskRunner(Executor fx, int threads, Consumer<Throwable> unexpected) {
        this.fx = Objects.requireNonNull(fx);
        this.unexpected = Objects.requireNonNull(unexpected);
        AtomicInteger n = new AtomicInteger();
        this.workers = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "lookaside-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        workers.setRemoveOnCancelPolicy(true);
        this.latest = new ConcurrentHashMap<>();
        this.scope = "";
        this.ownsWorkers = true;
    }

    private TaskRunner(TaskRunner parent, String scope) {
        this.fx = parent.fx;
        this.unexpected = parent.unexpected;
        this.workers = parent.workers;
        this.latest = parent.latest;
        this.scope = parent.scope + scope + "/";
        this.ownsWorkers = false;
    }

    /**
     * A runner over the same threads whose keys live in their own namespace: each open capture
     * has one, so that its analysis does not cancel another capture's, and closing it cancels
     * that capture's tasks only.
     */
    public TaskRunner scoped(String name) {
        return new TaskRunner(this, name);
    }

    /** A runner that publishes on the JavaFX application thread. */
    public static TaskRunner forJavaFx(Consumer<Throwable> unexpected) {
        return new TaskRunner(Platform::runLater, Math.max(3, Runtime.getRuntime().availableProcessors()), unexpected);
    }

    /** Starts describing a task; nothing runs until {@link Submission#start()}. */
    public <T> Submission<T> task(String key, Job<T> job) {
        Objects.requireNonNull(job);
        return new Submission<>(scope + key, (ctx, partial) -> job.run(ctx));
    }

    /**
     * Starts describing a task whose job also hands over partial results; they reach
     * {@link Submission#onPartial} coalesced, as progress does.
     */
    public <T> Submission<T> partialTask(String key, PartialJob<T> job) {
        return new Submission<>(scope + key, job);
    }

    /** Cancels the latest task of {@code key}, if any: its result will never be published. */
    public void cancel(String key) {
        Ticket<?> t = latest.remove(scope + key);
        if (t != null) {
            t.cancel();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (!ownsWorkers) {
            latest.keySet().removeIf(k -> {
                if (!k.startsWith(scope)) {
                    return false;
                }
                Ticket<?> t = latest.get(k);
                if (t != null) {
                    t.cancel();
                }
                return true;
            });
            return;
        }
        latest.values().forEach(Ticket::cancel);
        latest.clear();
        workers.shutdownNow();
    }

    /** A task being described: its key, debounce delay and FX-thread callbacks. */
    public final class Submission<T> {
        private final String key;
        private final PartialJob<T> job;
        private Duration delay = Duration.ZERO;
        private DoubleConsumer onProgress = p -> { };
        private Consumer<? super T> onPartial = p -> { };
        private Consumer<? super T> onSuccess = r -> { };
        private Consumer<Throwable> onFailure = unexpected;

        private Submission(String key, PartialJob<T> job) {
            this.key = Objects.requireNonNull(key);
            this.job = Objects.requireNonNull(job);
        }

        /** Waits this long before running; a newer task of the same key within it replaces this one. */
        public Submission<T> debounce(Duration d) {
            this.delay = d;
            return this;
        }

        /** Receives progress in [0, 1] on the FX thread, the newest, at most every {@link #PROGRESS_EVERY}. */
        public Submission<T> onProgress(DoubleConsumer c) {
            this.onProgress = c;
            return this;
        }

        /**
         * Receives the latest partial result on the FX thread, while this task is the latest of
         * its key and has not published its result: at most one hand-over is pending at a time,
         * it carries whichever partial result is newest when it runs, and it runs no sooner than
         * {@link #PARTIAL_PACE} times the FX thread's CPU time between the two previous
         * hand-overs after the previous one, so a job that hands them over faster than the FX
         * thread takes them never floods it. The newest is always handed over in the end.
         */
        public Submission<T> onPartial(Consumer<? super T> c) {
            this.onPartial = c;
            return this;
        }

        /** Receives the result on the FX thread, if this task is still the latest of its key. */
        public Submission<T> onSuccess(Consumer<? super T> c) {
            this.onSuccess = c;
            return this;
        }

        /** Receives what the job threw on the FX thread, if this task is still the latest of its key. */
        public Submission<T> onFailure(Consumer<Throwable> c) {
            this.onFailure = c;
            return this;
        }

        /**
         * Cancels the previous task of the same key and schedules this one. After {@link #close()}
         * (the window is gone) nothing is scheduled: a result published on the way out must not
         * start new work on a stopped pool.
         */
        public void start() {
            if (workers.isShutdown() || closed) {
                return;
            }
            Ticket<T> ticket = new Ticket<>(this);
            Ticket<?> previous = latest.put(key, ticket);
            if (previous != null) {
                previous.cancel();
            }
            ticket.future = workers.schedule(ticket::run, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** One submitted task: its cancellation flag and its coalesced progress. */
    private final class Ticket<T> implements TaskContext {
        private final Submission<T> s;
        private volatile boolean cancelled;
        private volatile Future<?> future;
        private final AtomicLong progressBits = new AtomicLong();
        private final AtomicBoolean progressQueued = new AtomicBoolean();
        /** System.nanoTime() before which no progress is published. */
        private volatile long nextProgressAt = System.nanoTime();
        /** The newest partial result not yet handed over. */
        private final AtomicReference<T> partial = new AtomicReference<>();
        private final AtomicBoolean partialQueued = new AtomicBoolean();
        /** System.nanoTime() before which no partial result is handed over. */
        private volatile long nextPartialAt = System.nanoTime();
        /** The FX thread's CPU time at the previous hand-over, or -1 before the first. FX thread only. */
        private long fxCpuAtPartial = -1;

        Ticket(Submission<T> s) {
            this.s = s;
        }

        void cancel() {
            cancelled = true;
            Future<?> f = future;
            if (f != null) {
                // Not interrupting: jobs read files, and an interrupt closes NIO channels under them.
                f.cancel(false);
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        /** On the worker: replaces the progress not yet published, and queues its publication if none is. */
        @Override
        public void progress(long done, long total) {
            double p = total <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (double) done / total));
            progressBits.set(Double.doubleToRawLongBits(p));
            if (progressQueued.compareAndSet(false, true)) {
                onFxAt(nextProgressAt, () -> {
                    nextProgressAt = System.nanoTime() + PROGRESS_EVERY.toNanos();
                    progressQueued.set(false);
                    if (isLatest()) {
                        s.onProgress.accept(Double.longBitsToDouble(progressBits.get()));
                    }
                });
            }
        }

        /** On the worker: replaces the partial result not yet handed over, and queues its hand-over if none is. */
        private void partial(T value) {
            partial.set(Objects.requireNonNull(value));
            queueHandOver();
        }

        /** Queues the hand-over of the partial result not yet handed over, if any, at the pace's time. */
        private void queueHandOver() {
            if (partial.get() != null && partialQueued.compareAndSet(false, true)) {
                onFxAt(nextPartialAt, this::handOver);
            }
        }

        /** On the FX thread: hands over the newest partial result and sets when the next may come. */
        private void handOver() {
            long cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
            T latestValue = partial.getAndSet(null);
            if (latestValue != null && isLatest()) {
                s.onPartial.accept(latestValue);
            }
            // What the FX thread did since the previous hand-over: that one's layouts and cells, and whatever else.
            long spent = cpu < 0 || fxCpuAtPartial < 0 ? 0 : cpu - fxCpuAtPartial;
            fxCpuAtPartial = cpu;
            nextPartialAt = System.nanoTime() + PARTIAL_PACE * spent;
            partialQueued.set(false);
            queueHandOver(); // one that came while this ran
        }

        /** Runs {@code r} on the FX thread, at once or once System.nanoTime() reaches {@code at}. */
        private void onFxAt(long at, Runnable r) {
            long wait = at - System.nanoTime();
            if (wait <= 0) {
                fx.execute(r);
                return;
            }
            try {
                workers.schedule(() -> fx.execute(r), wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                // The runner was closed: the window is gone, nothing is published any more.
            }
        }

        void run() {
            if (cancelled) {
                return;
            }
            T result;
            try {
                result = s.job.run(this, this::partial);
            } catch (Throwable e) {
                fx.execute(() -> {
                    if (publishable()) {
                        s.onFailure.accept(e);
                    }
                });
                return;
            }
            fx.execute(() -> {
                if (publishable()) {
                    s.onSuccess.accept(result);
                }
            });
        }

        private boolean isLatest() {
            return !cancelled && latest.get(s.key) == this;
        }

        /** On the FX thread: true once, for the latest task, which then stops being pending. */
        private boolean publishable() {
            return !cancelled && latest.remove(s.key, this);
        }
    }
}
