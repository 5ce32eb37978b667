package io.lookaside.analysis;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Whether the streaming analysis keeps up with a live session (a main, not a JMH benchmark: it
 * takes captures of any size). Loads a capture, then feeds it to a {@link LiveAnalysis} in
 * batches of BATCH rows, as a live session growing at BATCH messages a second would hand them
 * over once a second, timing each update (CPU of this thread) and, every SNAPSHOT_EVERY batches,
 * a snapshot (CPU summed over all threads: the engine runs models on the fork-join pool).
 * <pre>
 * java -cp decoder/target/test-classes:decoder/target/classes:$(cat decoder/target/cp.txt) \
 *      io.lookaside.analysis.LiveAnalysisTiming bench/out/replay-150MB.pcap [BATCH [SNAPSHOT_EVERY]]
 * </pre>
 */
public final class LiveAnalysisTiming {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LiveAnalysisTiming() {
    }

    public static void main(String[] args) throws CaptureException {
        Session whole = SessionLoader.load(Path.of(args[0]), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        LiveAnalysis live = new LiveAnalysis();
        long updates = 0;
        long worstUpdate = 0;
        int n = 0;
        for (int fed = Math.min(batch, whole.size()); ; fed = Math.min(whole.size(), fed + batch)) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            live.update(whole.prefix(fed));
            long c = THREADS.getCurrentThreadCpuTime() - c0;
            updates += c;
            worstUpdate = Math.max(worstUpdate, c);
            n++;
            if (n % every == 0 || fed == whole.size()) {
                long s0 = cpu();
                long w0 = System.nanoTime();
                Analysis a = live.snapshot();
                System.out.printf("rows %,d settled %,d: snapshot %.3f s CPU, %.3f s wall (%d findings)%n", fed,
                        live.settled(), (cpu() - s0) / 1e9, (System.nanoTime() - w0) / 1e9, a.findings().size());
            }
            if (fed == whole.size()) {
                break;
            }
        }
        System.out.printf("%,d messages in %d updates of %,d: %.1f ns CPU a message, worst update %.3f s CPU%n",
                whole.size(), n, batch, (double) updates / whole.size(), worstUpdate / 1e9);
    }

    private static long cpu() {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }
}
