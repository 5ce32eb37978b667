package io.lookaside;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the current thread (HotSpot's per-thread counter), for tests of allocation bounds. */
public final class Allocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    public static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** What {@code action} allocates on this thread. */
    public static <E extends Exception> long of(ThrowingRunnable<E> action) throws E {
        long before = allocatedBytes();
        action.run();
        return allocatedBytes() - before;
    }

    /** A piece of code under measurement. */
    @FunctionalInterface
    public interface ThrowingRunnable<E extends Exception> {
        void run() throws E;
    }
}
