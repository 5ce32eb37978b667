package io.lookaside;

import java.nio.file.Path;

/** Where the real sample captures are: the system property {@code lookaside.samples} (set by surefire). */
public final class Samples {
    private Samples() {
    }

    public static Path path(String name) {
        return Path.of(System.getProperty("lookaside.samples", "../samples")).resolve(name);
    }
}
