package io.lookaside.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.app.testing.ManualFxThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
    private final ManualFxThread fx = new ManualFxThread();
    private final List<Throwable> unexpected = new ArrayList<>();
    private final TaskRunner runner = new TaskRunner(fx, 3, unexpected::add);

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void startSchedulesNothingOnceTheRunnerIsClosed() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        runner.close();

        // A result published while the window closes may submit follow-up work: it must be dropped, not thrown.
        runner.task("k", ctx -> {
            ran.set(true);
            return "late";
        }).start();
        fx.runPending(Duration.ofMillis(200));

        assertThat(ran).isFalse();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void startPublishesTheResultOnTheFxExecutor() throws Exception {
        List<String> results = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        runner.task("k", ctx -> Thread.currentThread().getName()).onSuccess(r -> {
            results.add(r);
            threads.add(Thread.currentThread().getName());
        }).start();

        fx.runUntil(() -> !results.isEmpty());

        assertThat(results.get(0)).startsWith("lookaside-worker-");
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void startDropsTheOlderResultWhenANewerTaskOfTheSameKeyWasSubmitted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean olderSawCancel = new AtomicBoolean();
        List<String> results = new ArrayList<>();
        runner.task("k", ctx -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            olderSawCancel.set(ctx.cancelled());
            return "older";
        }).onSuccess(results::add).start();
        started.await(10, TimeUnit.SECONDS);
        runner.task("k", ctx -> "newer").onSuccess(results::add).start();

        fx.runUntil(() -> !results.isEmpty());
        release.countDown();
        fx.runPending(Duration.ofMillis(300));

        assertThat(results).containsExactly("newer");
        assertThat(olderSawCancel).isTrue();
    }

    @Test
    void startKeepsTasksOfDifferentKeysIndependent() throws Exception {
        List<String> results = new ArrayList<>();
        runner.task("a", ctx -> "a").onSuccess(results::add).start();
        runner.task("b", ctx -> "b").onSuccess(results::add).start();

        fx.runUntil(() -> results.size() == 2);

        assertThat(results).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void debounceRunsOnlyTheLastOfQuickSubmissions() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<Integer> results = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            int n = k;
            runner.task("typing", ctx -> {
                runs.incrementAndGet();
                return n;
            }).debounce(Duration.ofMillis(200)).onSuccess(results::add).start();
        }

        fx.runUntil(() -> !results.isEmpty());

        assertThat(results).containsExactly(5);
        assertThat(runs).hasValue(1);
    }

    @Test
    void cancelPreventsPublication() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> results = new ArrayList<>();
        runner.task("k", ctx -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "done";
        }).onSuccess(results::add).start();
        started.await(10, TimeUnit.SECONDS);

        runner.cancel("k");
        release.countDown();
        fx.runPending(Duration.ofMillis(300));

        assertThat(results).isEmpty();
    }

    @Test
    void startReportsFailureToItsHandlerNotToTheUnexpectedOne() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        runner.task("k", ctx -> {
            throw new IllegalStateException("boom");
        }).onFailure(failures::add).start();

        fx.runUntil(() -> !failures.isEmpty());

        assertThat(failures.get(0)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(unexpected).isEmpty();
    }

    @Test
    void startReportsFailureWithoutHandlerAsUnexpected() throws Exception {
        runner.task("k", ctx -> {
            throw new IllegalStateException("bug");
        }).start();

        fx.runUntil(() -> !unexpected.isEmpty());

        assertThat(unexpected.get(0)).hasMessage("bug");
    }

    @Test
    void progressReachesTheFxExecutorCoalesced() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Double> progress = new ArrayList<>();
        List<String> results = new ArrayList<>();
        runner.task("k", ctx -> {
            for (int i = 1; i <= 1000; i++) {
                ctx.progress(i, 1000);
            }
            reported.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "done";
        }).onProgress(progress::add).onSuccess(results::add).start();
        reported.await(10, TimeUnit.SECONDS);

        fx.runPending(Duration.ofMillis(100));
        release.countDown();
        fx.runUntil(() -> !results.isEmpty());

        // Only one publication was queued while none had run: it carries the latest value.
        assertThat(progress).containsExactly(1.0);
    }

    @Test
    void progressReachesTheFxExecutorAtMostEveryProgressEvery() throws Exception {
        List<Long> publishedAt = new ArrayList<>();
        List<String> results = new ArrayList<>();
        runner.task("k", ctx -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(450);
            for (long i = 0; System.nanoTime() < end; i++) {
                ctx.progress(i, Long.MAX_VALUE);
                Thread.sleep(1);
            }
            return "done";
        }).onProgress(p -> publishedAt.add(System.nanoTime())).onSuccess(results::add).start();

        fx.runUntil(() -> !results.isEmpty());

        assertThat(publishedAt).hasSizeGreaterThanOrEqualTo(2);
        for (int k = 1; k < publishedAt.size(); k++) {
            assertThat(publishedAt.get(k) - publishedAt.get(k - 1))
                    .isGreaterThanOrEqualTo(TaskRunner.PROGRESS_EVERY.toNanos() - TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Test
    void onPartialWaitsAfterAHandOverPaceTimesTheFxThreadsCpuTimeBetweenTheTwoBefore() throws Exception {
        long burn = TimeUnit.MILLISECONDS.toNanos(20);
        List<long[]> handOvers = new ArrayList<>(); // value, started, ended (System.nanoTime())
        runner.<Long>partialTask("k", (ctx, partial) -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
            for (long i = 0; System.nanoTime() < end; i++) {
                partial.accept(i);
                Thread.sleep(2);
            }
            // The newest partial result reaches the FX thread even when the job hands over no more.
            partial.accept(-1L);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!handedOver(handOvers, -1) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return -2L;
        }).onPartial(v -> {
            long started = System.nanoTime();
            // A costly hand-over: the table's layout after a prefix, on the FX thread's CPU.
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            while (threads.getCurrentThreadCpuTime() - cpu0 < burn) {
                Thread.onSpinWait();
            }
            synchronized (handOvers) {
                handOvers.add(new long[] {v, started, System.nanoTime()});
            }
        }).start();

        fx.runUntil(() -> handedOver(handOvers, -1));

        assertThat(handOvers).hasSizeGreaterThanOrEqualTo(3);
        // From the third on, a hand-over waited at least PACE times the 20 ms of CPU the one before the previous burnt.
        for (int k = 2; k < handOvers.size(); k++) {
            assertThat(handOvers.get(k)[1] - handOvers.get(k - 1)[2]).isGreaterThanOrEqualTo(TaskRunner.PARTIAL_PACE * burn);
        }
    }

    @Test
    void onPartialHandsTheFxThreadOnlyTheNewestPartialResultPending() throws Exception {
        List<String> seen = new ArrayList<>();
        CountDownLatch handed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        runner.<String>partialTask("k", (ctx, partial) -> {
            partial.accept("a");
            partial.accept("b");
            partial.accept("c");
            handed.countDown();
            release.await();
            partial.accept("d");
            return "done";
        }).onPartial(seen::add).onSuccess(r -> seen.add("result " + r)).start();

        assertThat(handed.await(10, TimeUnit.SECONDS)).isTrue();
        fx.runPending(Duration.ofMillis(100));
        assertThat(seen).containsExactly("c");

        release.countDown();
        fx.runUntil(() -> seen.contains("result done"));
        assertThat(seen).containsExactly("c", "d", "result done");
    }

    @Test
    void onPartialPublishesNothingOnceTheTaskIsCancelled() throws Exception {
        List<String> seen = new ArrayList<>();
        CountDownLatch handed = new CountDownLatch(1);
        runner.<String>partialTask("k", (ctx, partial) -> {
            partial.accept("a");
            handed.countDown();
            return "done";
        }).onPartial(seen::add).onSuccess(seen::add).start();
        assertThat(handed.await(10, TimeUnit.SECONDS)).isTrue();

        runner.cancel("k");
        fx.runPending(Duration.ofMillis(100));

        assertThat(seen).isEmpty();
    }

    /** Whether {@code value} was handed over; the FX thread adds to the list while the job reads it. */
    private static boolean handedOver(List<long[]> handOvers, long value) {
        synchronized (handOvers) {
            return handOvers.stream().anyMatch(h -> h[0] == value);
        }
    }
}
