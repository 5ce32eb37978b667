package io.lookaside;

import java.nio.file.Path;

/** The repository's samples/ folder, as surefire passes it in {@code lookaside.samples}. */
public final class Samples {
    private Samples() {
    }

    public static Path path(String name) {
        return Path.of(System.getProperty("lookaside.samples", "../samples")).resolve(name);
    }
}
