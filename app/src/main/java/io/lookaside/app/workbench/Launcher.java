package io.lookaside.app.workbench;

import java.util.List;
import javafx.application.Application;

/**
 * The workbench's main class. A plain class, because the JavaFX launcher refuses an
 * {@link Application} subclass as main class when JavaFX is on the classpath, not the module path.
 */
public final class Launcher {
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
        Application.launch(WorkbenchApplication.class, args);
    }
}
