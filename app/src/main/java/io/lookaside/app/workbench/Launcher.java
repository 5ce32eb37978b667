package io.lookaside.app.workbench;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * The workbench's main class. A plain class, because the JavaFX launcher refuses an
 * {@link Application} subclass as main class when JavaFX is on the classpath, not the module path.
 */
public final class Launcher {
    /**
     * JavaFX warns on every start that it was loaded from the classpath. That is deliberate here
     * (pcap4j's module descriptor requires an slf4j module that breaks the module path), so the
     * warning would only worry users. Held in a field: the logging framework keeps loggers weakly.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Launcher() {
    }

    public static void main(String[] args) {
        try {
            LaunchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("lookaside: " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
        }
        JAVAFX_LOG.setLevel(Level.SEVERE);
        Application.launch(WorkbenchApplication.class, args);
    }
}
