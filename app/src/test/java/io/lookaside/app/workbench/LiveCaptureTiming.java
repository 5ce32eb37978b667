package io.lookaside.app.workbench;

import io.lookaside.app.live.LiveRequest;
import io.lookaside.capture.live.CaptureInterfaces;
import io.lookaside.capture.live.PcapLiveSource;
import io.lookaside.live.LiveSession.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Measures the workbench while it captures live at the highest rate the loopback setup drives
 * (not a test: {@code mvn verify} never runs it; {@code bench/live-diod.sh timing SECONDS THREADS}
 * starts diod and runs it under xvfb): a live capture on IF with 9P on PORT, then
 * {@code diodload -g} (a getattr storm) with THREADS threads for SECONDS, then Stop.
 *
 * <p>It reports the messages, their rate and libpcap's drops; how long the FX thread was kept
 * from other work (a probe thread posts a no-op every 5 ms and waits for it, as
 * {@link WorkbenchLoadTiming} does), split into the capture and what follows Stop; the longest
 * gap between two snapshots shown (the view must move at least once a second); and how many
 * re-analyses of the prefix were published while capturing.
 *
 * <p>Arguments: IF PORT SECONDS THREADS HOST:PORT.
 */
public final class LiveCaptureTiming {
    private TaskRunner runner;
    private WorkbenchViewModel vm;
    /** System.nanoTime() of each snapshot shown on the FX thread, and of each analysis published. */
    private final List<Long> shown = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> analyses = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The application the launcher starts. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            new LiveCaptureTiming().start(stage, getParameters().getRaw());
        }
    }

    private void start(Stage stage, List<String> args) {
        runner = TaskRunner.forJavaFx(e -> {
            e.printStackTrace();
            Platform.exit();
        });
        vm = WorkbenchApplication.show(stage, runner);
        vm.live().snapshotProperty().addListener((o, was, s) -> {
            if (s != null && !s.ended()) {
                shown.add(System.nanoTime());
            }
        });
        vm.analysis().resultProperty().addListener((o, was, a) -> {
            if (a != null && vm.live().runningProperty().get()) {
                analyses.add(System.nanoTime());
            }
        });
        Thread t = new Thread(() -> run(args), "timing");
        t.setDaemon(true);
        t.start();
    }

    private void run(List<String> args) {
        String iface = args.get(0);
        int port = Integer.parseInt(args.get(1));
        int seconds = Integer.parseInt(args.get(2));
        int threads = Integer.parseInt(args.get(3));
        String server = args.get(4);
        Probe probe = new Probe();
        try {
            Path out = Files.createTempDirectory("lookaside-timing-").resolve("live.pcapng");
            probe.start();
            Thread.sleep(1500); // the window settles
            LiveRequest r = new LiveRequest(iface, PcapLiveSource.defaultFilter(port, CaptureInterfaces.linkTypeOf(iface)),
                    port, null, 0, out, false, 0, 0);
            fx(() -> vm.startCapture(r));
            await(() -> onFx(() -> vm.live().snapshotProperty().get() != null), 30);
            probe.phase("capturing");
            long fxThread = onFx(() -> Thread.currentThread().getId());
            java.lang.management.ThreadMXBean threadsBean = java.lang.management.ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long fxCpu0 = threadsBean.getThreadCpuTime(fxThread);
            long cpu0 = os.getProcessCpuTime();
            double load0 = os.getSystemLoadAverage();
            long t0 = System.nanoTime();
            Process load = new ProcessBuilder("/usr/sbin/diodload", "-s", server, "-n", Integer.toString(threads),
                    "-r", Integer.toString(seconds), "-g").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!load.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
                load.destroyForcibly();
            }
            long t1 = System.nanoTime();
            long fxCpu = threadsBean.getThreadCpuTime(fxThread) - fxCpu0;
            long cpu = os.getProcessCpuTime() - cpu0;
            Thread.sleep(1000); // the kernel's buffer drains into the capture
            Snapshot before = onFx(() -> vm.live().snapshotProperty().get());
            probe.phase("stop → settled");
            long s0 = System.nanoTime();
            fx(vm::stopCapture);
            await(() -> onFx(vm::isSettled), 300);
            long settled = System.nanoTime() - s0;
            probe.phase("end");
            Snapshot last = onFx(() -> vm.live().snapshotProperty().get());
            int rows = onFx(() -> vm.messages().rowsProperty().get().size());

            double storm = (t1 - t0) / 1e9;
            System.out.printf(Locale.ROOT, "diodload -g -n %d -r %d against %s, captured live on %s (port %d)%n",
                    threads, seconds, server, iface, port);
            System.out.printf(Locale.ROOT, "  messages %d in the table (%d in the session) over %.1f s of load: %.0f messages/s;"
                    + " %d packets, %.1f MiB; dropped %d (libpcap), %d (interface)%n", rows, last.messages(), storm,
                    before.messages() / storm, last.counters().records(), last.counters().bytes() / 1048576.0,
                    last.counters().dropped(), last.counters().ifDropped());
            System.out.printf(Locale.ROOT, "  snapshots shown while capturing: %d, longest gap between two %.0f ms;"
                    + " re-analyses of the prefix published: %d%n", shown.size(), longestGap(shown) / 1e6, analyses.size());
            System.out.printf(Locale.ROOT, "  during the load: FX thread CPU %.0f ms (%.0f%% of the wall time), this JVM %.1f s CPU"
                    + " of %d cores × %.1f s; load average %.1f before, %.1f after%n", fxCpu / 1e6, 100.0 * fxCpu / (t1 - t0),
                    cpu / 1e9, Runtime.getRuntime().availableProcessors(), storm, load0, os.getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "  Stop → final session shown, analysed and settled: %.2f s%n", settled / 1e9);
            probe.print();
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.runLater(() -> {
                runner.close();
                Platform.exit();
            });
        }
    }

    private static long longestGap(List<Long> times) {
        long worst = 0;
        synchronized (times) {
            for (int i = 1; i < times.size(); i++) {
                worst = Math.max(worst, times.get(i) - times.get(i - 1));
            }
        }
        return worst;
    }

    private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out after " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }

    private static void fx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    private static <T> T onFx(java.util.function.Supplier<T> s) {
        Object[] out = new Object[1];
        try {
            fx(() -> out[0] = s.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    /** Posts a no-op to the FX thread every 5 ms and records how long each waited, per phase. */
    private static final class Probe extends Thread {
        private final List<String> phases = new ArrayList<>();
        private final List<List<Long>> waits = new ArrayList<>();
        private volatile int current = -1;

        Probe() {
            super("fx-probe");
            setDaemon(true);
        }

        synchronized void phase(String name) {
            phases.add(name);
            waits.add(new ArrayList<>());
            current = phases.size() - 1;
        }

        @Override
        public void run() {
            while (true) {
                try {
                    int phase = current; // a wait counts in the phase it began in
                    long t0 = System.nanoTime();
                    fx(() -> { });
                    long waited = System.nanoTime() - t0;
                    synchronized (this) {
                        if (phase >= 0) {
                            waits.get(phase).add(waited);
                        }
                    }
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized void print() {
            System.out.println("  FX thread: wait of a no-op posted every 5 ms, per phase");
            for (int i = 0; i < phases.size() - 1; i++) {
                List<Long> w = new ArrayList<>(waits.get(i));
                Collections.sort(w);
                if (w.isEmpty()) {
                    continue;
                }
                long over50 = w.stream().filter(x -> x > 50_000_000).count();
                long over100 = w.stream().filter(x -> x > 100_000_000).count();
                System.out.printf(Locale.ROOT, "    %-16s longest %6.1f ms, p99 %5.1f ms, median %4.1f ms (%d probes, %d over 50 ms, %d over 100 ms)%n",
                        phases.get(i), w.get(w.size() - 1) / 1e6, w.get((int) (w.size() * 0.99)) / 1e6, w.get(w.size() / 2) / 1e6,
                        w.size(), over50, over100);
            }
        }
    }
}
