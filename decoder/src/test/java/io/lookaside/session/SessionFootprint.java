package io.lookaside.session;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;

/**
 * Loads a capture (of any size: it is a main, not a JMH benchmark) and prints how long loading
 * took, wall-clock and CPU, when the first prefix (the rows a view can show while loading goes
 * on) was handed over, and what the loaded session retains: the heap in use after a full
 * collection, per message, next to the session's own count of its columns and of the bytes in
 * its memory-mapped store. Run it as docs/performance.md says, e.g. with {@code -Xmx1g}:
 * <pre>
 * java -Xmx1g -cp decoder/target/test-classes:decoder/target/classes:$(cat decoder/target/cp.txt) \
 *      io.lookaside.session.SessionFootprint bench/out/replay-2300MB.pcap [RUNS]
 * </pre>
 */
public final class SessionFootprint {
    private SessionFootprint() {
    }

    public static void main(String[] args) throws CaptureException, InterruptedException {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = heapAfterGc(memory);
        Session s = null;
        for (int r = 0; r < runs; r++) {
            s = null;
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long[] first = {-1, 0};
            int[] prefixes = {0};
            s = SessionLoader.load(file, CaptureOptions.DEFAULT, LoadMonitor.NONE, p -> {
                if (prefixes[0]++ == 0) {
                    first[0] = System.nanoTime() - t0;
                    first[1] = p.size();
                }
            });
            long wall = System.nanoTime() - t0;
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
            System.out.printf("load %d: %d messages in %.3f s wall, %.3f s cpu (loading thread), %.0f MB/s; "
                            + "first prefix after %.0f ms (%d rows), %d prefixes%n",
                    r + 1, s.size(), wall / 1e9, cpu / 1e9, file.toFile().length() / (wall / 1e9) / 1e6,
                    first[0] / 1e6, first[1], prefixes[0]);
        }
        long after = heapAfterGc(memory);
        int n = s.size();
        System.out.printf("max heap %d MB; heap retained by the session %.1f MB = %.1f B/message "
                        + "(its columns: %.1f B/message); message store in the mapped temporary file: %.1f MB = %.1f B/message%n",
                Runtime.getRuntime().maxMemory() >> 20, (after - before) / 1e6, (after - before) / (double) n,
                s.retainedHeapBytes() / (double) n, s.mappedStoreBytes() / 1e6, s.mappedStoreBytes() / (double) n);
    }

    private static long heapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
