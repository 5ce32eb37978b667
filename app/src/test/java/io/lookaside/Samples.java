package io.lookaside;

import java.nio.file.Path;

/** The repository's real sample captures, as the tests see them. */
public final class Samples {
    private Samples() {
    }

    public static Path path(String name) {
        return Path.of(System.getProperty("lookaside.samples", "../samples")).resolve(name);
    }
}
