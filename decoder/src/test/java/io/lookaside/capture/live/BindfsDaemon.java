package io.lookaside.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real FUSE daemon for the live tests: {@code bindfs -f} over a temp dir filled here, mounted
 * on another temp dir, and the workload of the issue (ls -lR, cat, stat of missing names,
 * readlink, a write). Closing unmounts and stops the daemon by its pid.
 */
final class BindfsDaemon implements AutoCloseable {
    final Path base;
    final Path source;
    final Path mount;
    final Process daemon;

    BindfsDaemon() throws Exception {
        LiveTests.requireRoot();
        LiveTests.requireProgram("bindfs");
        LiveTests.require(Files.exists(Path.of("/dev/fuse")), "/dev/fuse");
        base = Files.createTempDirectory("lookaside-bindfs-");
        source = Files.createDirectories(base.resolve("src/dir/sub"));
        mount = Files.createDirectories(base.resolve("mnt"));
        Files.writeString(base.resolve("src/hello.txt"), "hello\n");
        Files.writeString(base.resolve("src/dir/sub/deep.txt"), "deep\n");
        Files.createSymbolicLink(base.resolve("src/link"), Path.of("hello.txt"));
        daemon = new ProcessBuilder("bindfs", "-f", base.resolve("src").toString(), mount.toString())
                .redirectErrorStream(true).redirectOutput(base.resolve("bindfs.log").toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end && !mounted()) {
            Thread.sleep(50);
        }
        if (!mounted()) {
            close();
            throw new AssertionError("bindfs did not mount: " + Files.readString(base.resolve("bindfs.log")));
        }
    }

    boolean mounted() throws IOException {
        return Files.readString(Path.of("/proc/self/mounts")).contains(" " + mount + " fuse");
    }

    long pid() {
        return daemon.pid();
    }

    /** The workload; each step goes through the daemon. */
    void workload(String tag) throws Exception {
        LiveTests.run(30, "ls", "-lR", mount.toString());
        LiveTests.run(30, "cat", mount.resolve("hello.txt").toString(), mount.resolve("dir/sub/deep.txt").toString());
        for (int i = 0; i < 3; i++) {
            assertThat(Files.exists(mount.resolve("missing-" + tag + "-" + i))).isFalse();
        }
        assertThat(Files.readSymbolicLink(mount.resolve("link"))).isEqualTo(Path.of("hello.txt"));
        Files.writeString(mount.resolve("written-" + tag + ".txt"), "written through FUSE\n");
    }

    /** The daemon still serves: a new file written underneath reads back through the mount. */
    void assertStillServes() throws Exception {
        assertThat(daemon.isAlive()).as("bindfs still runs").isTrue();
        Files.writeString(base.resolve("src/after.txt"), "after the capture\n");
        assertThat(Files.readString(mount.resolve("after.txt"))).isEqualTo("after the capture\n");
    }

    @Override
    public void close() throws Exception {
        try {
            new ProcessBuilder("umount", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
        } finally {
            if (daemon.isAlive()) {
                daemon.destroy();
                if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly();
                }
            }
            if (!mounted()) {
                try (Stream<Path> all = Files.walk(base)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
