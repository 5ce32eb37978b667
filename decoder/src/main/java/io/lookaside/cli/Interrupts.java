package io.lookaside.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl+C (SIGINT) or a plain {@code kill} (SIGTERM) during a capture: stop it so that the file
 * is finished and the exit code is 0, instead of the JVM's default of dying with 130 or 143 and
 * a cut file. SIGTERM too, because a shell script that starts {@code lookaside capture &} leaves
 * SIGINT ignored in it (POSIX shells do so for background commands without job control), and
 * the JVM then never sees a SIGINT. sun.misc.Signal is the one JDK API for this (module
 * jdk.unsupported, kept for exactly this use).
 */
final class Interrupts {
    private static final List<String> SIGNALS = List.of("INT", "TERM");
    private static final List<Signal> installed = new ArrayList<>();
    private static final List<SignalHandler> previous = new ArrayList<>();

    private Interrupts() {
    }

    /** The next SIGINT or SIGTERM runs {@code action}; a second one while it runs ends the process as usual. */
    static synchronized void onInterrupt(Runnable action) {
        for (String name : SIGNALS) {
            Signal s = new Signal(name);
            SignalHandler before = Signal.handle(s, sig -> {
                action.run();
                restore();
            });
            installed.add(s);
            previous.add(before);
        }
    }

    static synchronized void restore() {
        for (int i = 0; i < installed.size(); i++) {
            Signal.handle(installed.get(i), previous.get(i));
        }
        installed.clear();
        previous.clear();
    }
}
