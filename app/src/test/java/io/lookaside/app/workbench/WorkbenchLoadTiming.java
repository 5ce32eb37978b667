package io.lookaside.app.workbench;

import io.lookaside.app.capture.CaptureViewModel;
import io.lookaside.app.messages.MessageColumn;
import io.lookaside.app.messages.MessagesViewModel;
import io.lookaside.app.messages.SortKey;
import io.lookaside.capture.LoadMonitor;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * Measures the workbench on a big capture, in a real window (not a test: {@code mvn verify}
 * never runs it; see docs/performance.md for the command): the time from opening the file to
 * its first rows drawn in the message table and to the load's end, how long the FX thread is
 * kept from other work meanwhile, and the same for a display filter, for clearing it and for
 * scrolling through every message.
 *
 * <p>The FX thread's stalls come from a probe thread that posts a no-op to it every 5 ms and
 * waits for it to run: the longest wait in a phase is the longest the window did not answer.
 */
public final class WorkbenchLoadTiming {
    private static final String FILTER = "type == Twalk";

    private final Probe probe = new Probe();
    private TaskRunner runner;
    private WorkbenchViewModel vm;
    /** The capture open beside the measured one ({@code -Dtiming.beside}), or null. */
    private WorkbenchViewModel beside;
    private WorkbenchFrame frame;
    private CaptureEditor measured;
    private TableView<?> measuredTable;
    private Stage stage;
    private long opened;
    private long firstRows = -1;
    private int firstRowCount;
    private long complete = -1;
    private volatile long loaderCpu;
    private volatile long loaderWall;
    private volatile int handed;
    private volatile int progressCalls;
    private int pulses;

    /** A plain main class: the JavaFX launcher refuses an Application subclass on the classpath. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The application the launcher starts. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            new WorkbenchLoadTiming().start(stage, Path.of(getParameters().getRaw().get(0)));
        }
    }

    private void start(Stage stage, Path file) {
        this.stage = stage;
        runner = TaskRunner.forJavaFx(e -> {
            e.printStackTrace();
            Platform.exit();
        });
        // The workbench's own loader, timed on its thread: CPU, and how many prefixes it handed over.
        CaptureViewModel.Loader timed = (f, monitor, prefixes) -> {
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            try {
                LoadMonitor counted = new LoadMonitor() {
                    @Override
                    public void progress(long done, long total) {
                        progressCalls++;
                        monitor.progress(done, total);
                    }

                    @Override
                    public boolean cancelled() {
                        return monitor.cancelled();
                    }
                };
                return CaptureViewModel.Loader.DEFAULT.load(f, counted, p -> {
                    handed++;
                    prefixes.accept(p);
                });
            } finally {
                loaderCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
                loaderWall = System.nanoTime() - wall0;
            }
        };
        // -Dtiming.beside=FILE: FILE is open, loaded and analysed in an editor of its own first, and
        // the measured capture opens beside it in a second editor (the workbench with two captures).
        WorkbenchFrame frame = WorkbenchApplication.showFrame(stage, runner, timed, WorkbenchPrefs.inMemory());
        String besideFile = System.getProperty("timing.beside");
        if (besideFile != null) {
            beside = frame.activeProperty().get().viewModel();
            beside.open(Path.of(besideFile));
            vm = frame.emptyEditor().viewModel();
        } else {
            vm = frame.activeProperty().get().viewModel();
        }
        this.frame = frame;
        measured = frame.activeProperty().get();
        // The second editor's views are skinned at its first pulse on show: its table is found then.
        TableView<?>[] tableRef = new TableView<?>[1];
        stage.getScene().addPostLayoutPulseListener(() -> {
            if (tableRef[0] == null) {
                tableRef[0] = (TableView<?>) measured.view().lookup("#messageTable");
                measuredTable = tableRef[0];
                if (tableRef[0] == null) {
                    return;
                }
            }
            TableView<?> table = tableRef[0];
            long now = System.nanoTime();
            if (opened > 0 && complete < 0) {
                pulses++;
            }
            if (firstRows < 0 && firstVisibleCellHasText(table)) {
                firstRows = now - opened;
                firstRowCount = table.getItems().size();
            }
            if (complete < 0 && vm.capture().sessionProperty().get() != null
                    && table.getItems().size() == vm.capture().sessionProperty().get().size()) {
                complete = now - opened;
            }
        });
        Thread t = new Thread(() -> run(file), "timing");
        t.setDaemon(true);
        t.start();
    }

    private void run(Path file) {
        try {
            probe.start();
            Thread.sleep(1500); // the window settles
            if (beside != null) {
                await(() -> onFx(() -> beside.capture().sessionProperty().get() != null && beside.isSettled()), 300);
                System.out.println("beside: a capture loaded and analysed in the first editor");
            }
            probe.phase("open");
            CpuSnapshot before = CpuSnapshot.take();
            fx(() -> {
                opened = System.nanoTime();
                vm.open(file);
            });
            await(() -> firstRows >= 0 || complete >= 0, 120);
            probe.phase("loading"); // from the first rows drawn to the last
            await(() -> complete >= 0, 120);
            CpuSnapshot.take().printSince(before);
            report("open → first rows drawn", firstRows, " (" + firstRowCount + " rows then)");
            report("open → every row in the table (load complete)", complete, "");
            System.out.printf(Locale.ROOT, "  loading thread: %.0f ms wall, %.0f ms CPU, %d prefixes handed over, %d progress reports;"
                    + " %d pulses while loading; GC so far %d ms%n",
                    loaderWall / 1e6, loaderCpu / 1e6, handed, progressCalls, onFxInt(() -> pulses), gcMillis());
            if (Boolean.getBoolean("timing.sort")) {
                // After the analysis, which otherwise takes both cores from the sort.
                await(() -> onFx(() -> vm.analysis().resultProperty().get() != null), 300);
                Thread.sleep(1000);
                sortByRtt();
                probe.phase("end");
                probe.print();
                return;
            }
            if (Boolean.getBoolean("timing.loadOnly")) {
                probe.phase("end");
                probe.print();
                return;
            }
            probe.phase("analysis");
            long a0 = System.nanoTime();
            await(() -> onFx(() -> vm.analysis().resultProperty().get() != null), 300);
            report("load complete → analysis shown", System.nanoTime() - a0, "");
            Thread.sleep(1000);

            MessagesViewModel m = vm.messages();
            probe.phase("filter");
            long f0 = System.nanoTime();
            fx(() -> {
                m.filterTextProperty().set(FILTER);
                m.applyFilter();
            });
            await(() -> onFx(() -> FILTER.equals(m.appliedFilterProperty().get()) && !m.filteringProperty().get()), 120);
            report("filter '" + FILTER + "' applied", System.nanoTime() - f0, " (" + onFxInt(() -> m.rowsProperty().get().size()) + " rows)");
            Thread.sleep(500);

            probe.phase("scroll filtered");
            scroll(40);
            probe.phase("clear filter");
            long c0 = System.nanoTime();
            fx(() -> m.filterTextProperty().set(""));
            await(() -> onFx(() -> m.rowsProperty().get().size() == vm.capture().sessionProperty().get().size()), 60);
            report("filter cleared", System.nanoTime() - c0, "");
            Thread.sleep(500);
            probe.phase("scroll all");
            scroll(40);
            if (beside != null) {
                CaptureEditor first = frame.editors().get(0);
                probe.phase("switch editors");
                long s0 = System.nanoTime();
                for (int k = 0; k < 5; k++) {
                    fx(() -> frame.select(first));
                    fx(() -> frame.select(measured));
                }
                report("10 switches between the two editors", System.nanoTime() - s0, "");
                probe.phase("move a view");
                long v0 = System.nanoTime();
                for (int k = 0; k < 5; k++) {
                    fx(() -> measured.view().dock().move("findings", "messages", io.lookaside.app.dock.DockLayout.Side.RIGHT));
                    fx(() -> measured.view().dock().reset());
                }
                report("5 moves of a view and 5 resets", System.nanoTime() - v0, "");
            }
            probe.phase("end");
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

    /**
     * Sorts every message by RTT, slowest first, then fastest first, as a click on the header
     * does ({@code -Dtiming.sort=true}, right after the load; the analysis runs meanwhile, as
     * it would for a user), and scrolls through the sorted rows.
     */
    private void sortByRtt() throws InterruptedException {
        MessagesViewModel m = vm.messages();
        probe.phase("scroll capture order");
        scroll(40); // the same jumps in capture order, for comparison
        boolean[] orders = {true, false, true, false};
        for (int run = 0; run < orders.length; run++) {
            boolean descending = orders[run];
            if (run > 0) {
                SortKey none = null;
                fx(() -> m.sortBy(none)); // back to capture order, so that the next sort is a real one
                await(() -> onFx(() -> !m.sortingProperty().get() && !m.rowsProperty().get().isSorted()), 60);
            }
            probe.phase((descending ? "sort RTT descending " : "sort RTT ascending ") + (run + 1));
            SortKey key = new SortKey(MessageColumn.of(MessagesViewModel.Column.RTT), descending);
            long s0 = System.nanoTime();
            fx(() -> m.sortBy(key));
            await(() -> onFx(() -> !m.sortingProperty().get() && m.rowsProperty().get().isSorted()
                    && key.equals(m.sortProperty().get())), 120);
            report("sorted by RTT" + (descending ? " (slowest first)" : ""), System.nanoTime() - s0,
                    " (" + onFxInt(() -> m.rowsProperty().get().size()) + " rows)");
            Thread.sleep(500);
            probe.phase("scroll sorted " + (run + 1));
            scroll(40);
        }
    }

    /** Jumps through the table in {@code steps} steps, each a scroll and a layout on the FX thread. */
    private void scroll(int steps) throws InterruptedException {
        TableView<?> table = measuredTable;
        long worst = 0;
        long total = 0;
        for (int k = 0; k <= steps; k++) {
            int step = k;
            long[] took = new long[1];
            fx(() -> {
                long t0 = System.nanoTime();
                int n = table.getItems().size();
                table.scrollTo((int) ((long) (n - 1) * step / steps));
                table.layout();
                took[0] = System.nanoTime() - t0;
            });
            worst = Math.max(worst, took[0]);
            total += took[0];
            Thread.sleep(20);
        }
        System.out.printf(Locale.ROOT, "  scroll + layout of the table, %d jumps: mean %.1f ms, worst %.1f ms%n",
                steps + 1, total / 1e6 / (steps + 1), worst / 1e6);
    }

    /**
     * CPU time of the process and of each thread, to tell where the load's wall time went: the
     * loading thread, the FX thread (the layouts), the renderer, the collector or the JIT
     * compilers. Read from Linux's {@code /proc/self/task} (which, unlike the JVM's thread
     * bean, also lists the collector's and the compilers' threads); empty elsewhere.
     */
    private record CpuSnapshot(Map<String, Long> threads) {
        private static final double TICK_MS = 10; // USER_HZ is 100 on Linux

        static CpuSnapshot take() {
            Map<String, Long> t = new HashMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                                .replaceAll("[#0-9]+$", "").strip(); // one entry per kind: "GC Thread", "C2 CompilerThre"
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        t.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum); // utime, stime
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended while we listed it
                    }
                }
            } catch (IOException notLinux) {
                return new CpuSnapshot(Map.of());
            }
            return new CpuSnapshot(t);
        }

        void printSince(CpuSnapshot before) {
            long total = 0;
            StringBuilder b = new StringBuilder();
            var spent = threads.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - before.threads.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .toList();
            for (var e : spent) {
                total += e.getValue();
                b.append(String.format(Locale.ROOT, " %s %.0f,", e.getKey(), e.getValue() * TICK_MS));
            }
            System.out.printf(Locale.ROOT, "  CPU meanwhile: %.0f ms, by thread (ms):%s%n", total * TICK_MS, b);
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static boolean firstVisibleCellHasText(TableView<?> table) {
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return false;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        return first != null && first.getIndex() >= 0 && !first.isEmpty();
    }

    private static void report(String what, long nanos, String extra) {
        System.out.printf(Locale.ROOT, "%-50s %8.0f ms%s%n", what, nanos / 1e6, extra);
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

    private static boolean onFx(BooleanSupplier s) throws InterruptedException {
        boolean[] out = new boolean[1];
        fx(() -> out[0] = s.getAsBoolean());
        return out[0];
    }

    private static int onFxInt(java.util.function.IntSupplier s) throws InterruptedException {
        int[] out = new int[1];
        fx(() -> out[0] = s.getAsInt());
        return out[0];
    }

    private interface Check {
        boolean holds() throws InterruptedException;
    }

    private static void await(Check c, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!c.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + seconds + " s");
            }
            Thread.sleep(5);
        }
    }

    /** How long a no-op posted to the FX thread waits to run, per phase. */
    private static final class Probe extends Thread {
        private final List<String> phases = new ArrayList<>();
        private final List<long[]> stats = new ArrayList<>(); // max, count, over 50 ms, over 100 ms, phase start, max's start
        private volatile int current = -1;

        Probe() {
            super("fx-probe");
            setDaemon(true);
        }

        synchronized void phase(String name) {
            phases.add(name);
            stats.add(new long[] {0, 0, 0, 0, System.nanoTime(), 0});
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
                            long[] s = stats.get(phase);
                            if (waited > s[0]) {
                                s[0] = waited;
                                s[5] = t0 - s[4];
                            }
                            s[1]++;
                            s[2] += waited > 50_000_000 ? 1 : 0;
                            s[3] += waited > 100_000_000 ? 1 : 0;
                        }
                    }
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized void print() {
            System.out.println("FX thread: longest wait of a no-op posted every 5 ms, per phase");
            for (int i = 0; i < phases.size() - 1; i++) {
                long[] s = stats.get(i);
                System.out.printf(Locale.ROOT, "  %-16s longest %6.1f ms at +%.0f ms (%d probes, %d over 50 ms, %d over 100 ms)%n",
                        phases.get(i), s[0] / 1e6, s[5] / 1e6, s[1], s[2], s[3]);
            }
        }
    }
}
