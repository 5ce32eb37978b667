package io.lookaside.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl+C (SIGINT) during a capture: stop it so that the file is finished and the exit code is
 * 0, instead of the JVM's default of dying with 130 and a cut file. sun.misc.Signal is the one
 * JDK API for it (module jdk.unsupported, kept for exactly this use).
 */
final class Interrupts {
    private static final Signal INT = new Signal("INT");
    private static SignalHandler previous;

    private Interrupts() {
    }

    /** The next SIGINT runs {@code action}; a second one while it runs ends the process as usual. */
    static synchronized void onInterrupt(Runnable action) {
        previous = Signal.handle(INT, sig -> {
            action.run();
            restore();
        });
    }

    static synchronized void restore() {
        if (previous != null) {
            Signal.handle(INT, previous);
            previous = null;
        }
    }
}
