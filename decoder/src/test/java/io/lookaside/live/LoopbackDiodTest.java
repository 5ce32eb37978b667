package io.lookaside.live;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loopback capture tests share: a temporary directory and, for the class's tests, a
 * diod on 127.0.0.1 at a free port serving a directory in it (as root; without root or diod
 * the class fails loudly, see {@link LiveLab#requireRootAndDiod()}). Test classes run one
 * after another, so each subclass gets its own directory and diod in these fields.
 */
abstract class LoopbackDiodTest {
    @TempDir
    static Path dir;
    static Diod diod;

    @BeforeAll
    static void startDiod() throws Exception {
        LiveLab.requireRootAndDiod();
        diod = new Diod(List.of(), "127.0.0.1", LiveLab.freePort(), dir.resolve("export"));
    }

    @AfterAll
    static void stopDiod() throws Exception {
        if (diod != null) {
            diod.close();
            diod = null;
        }
    }
}
