package io.lookaside.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
    @TempDir
    Path dir;

    private static OutputFile.Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private long entries() throws IOException {
        try (Stream<Path> l = Files.list(dir)) {
            return l.count();
        }
    }

    @Test
    void writeCreatesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("r.json");
        OutputFile.write(target, false, text("{}"));
        assertThat(target).hasContent("{}");
        assertThat(entries()).isEqualTo(1);
    }

    /** The umask of this process, read from /proc (0022 on most machines). */
    private static int umask() throws IOException {
        Path status = Path.of("/proc/self/status");
        assumeFalse(!Files.exists(status), "no /proc: the umask cannot be read");
        String line = Files.readAllLines(status).stream().filter(l -> l.startsWith("Umask:")).findFirst().orElse(null);
        assumeFalse(line == null, "this kernel does not show the umask");
        return Integer.parseInt(line.substring(6).trim(), 8);
    }

    private static int mode(Path p) throws IOException {
        int m = 0;
        for (java.nio.file.attribute.PosixFilePermission bit : Files.getPosixFilePermissions(p)) {
            m |= 1 << (8 - bit.ordinal());
        }
        return m;
    }

    @Test
    void aNewFileGetsTheModeTheUmaskGivesNotOwnerOnly() throws IOException {
        Path target = dir.resolve("r.html");
        OutputFile.write(target, false, text("<p>"));
        assertThat(Integer.toOctalString(mode(target))).isEqualTo(Integer.toOctalString(0666 & ~umask()));
    }

    @Test
    void forceKeepsTheModeOfTheFileItReplaces() throws IOException {
        Path target = dir.resolve("r.csv");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        OutputFile.write(target, true, text("new"));
        assertThat(target).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        OutputFile.write(target, true, text("newer"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
    }

    @Test
    void writeRefusesAnExistingFileWithoutForceAndKeepsIt() throws IOException {
        Path target = dir.resolve("r.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> OutputFile.write(target, false, text("new")))
                .isInstanceOf(OutputFile.RefusedException.class).hasMessageContaining("exists (use --force to overwrite)");
        assertThat(target).hasContent("old");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void writeReplacesAnExistingFileWithForce() throws IOException {
        Path target = dir.resolve("r.json");
        Files.writeString(target, "old");
        OutputFile.write(target, true, text("new"));
        assertThat(target).hasContent("new");
    }

    @Test
    void writeRefusesADanglingSymlinkWithoutForceAndCreatesNothingBehindIt() throws IOException {
        Path target = dir.resolve("r.json");
        Path elsewhere = dir.resolve("elsewhere");
        Files.createSymbolicLink(target, elsewhere);

        assertThatThrownBy(() -> OutputFile.write(target, false, text("new")))
                .isInstanceOf(OutputFile.RefusedException.class).hasMessageContaining("exists");
        assertThat(Files.isSymbolicLink(target)).isTrue();
        assertThat(elsewhere).doesNotExist();
    }

    @Test
    void writeWithForceReplacesASymlinkNotTheFileItPointsTo() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "keep");
        Path target = dir.resolve("r.json");
        Files.createSymbolicLink(target, victim);

        OutputFile.write(target, true, text("new"));

        assertThat(Files.isSymbolicLink(target)).isFalse();
        assertThat(target).hasContent("new");
        assertThat(victim).hasContent("keep");
    }

    @Test
    void writeKilledHalfWayLeavesTheOldFile() throws Exception {
        Path target = Files.writeString(dir.resolve("r.html"), "old");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HalfWriter.class.getName(),
                target.toString()).redirectErrorStream(true).start();
        try {
            // wait until the writer is inside the content: its temporary file has bytes
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (temporaryBytes() == 0 && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(temporaryBytes()).as("bytes in the writer's temporary file").isPositive();
            assertThat(p.isAlive()).as("the writer is still inside its content when it is killed").isTrue();
        } finally {
            p.destroyForcibly().waitFor();
        }

        assertThat(target).hasContent("old");
    }

    private long temporaryBytes() throws IOException {
        try (Stream<Path> l = Files.list(dir)) {
            return l.filter(f -> f.getFileName().toString().endsWith(".tmp")).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Writes half a report to its argument, flushes, and waits to be killed (SIGKILL: no cleanup runs). */
    static final class HalfWriter {
        public static void main(String[] args) throws Exception {
            OutputFile.write(Path.of(args[0]), true, out -> {
                out.write(new byte[1 << 20]);
                out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Test
    void writeRefusesADirectory() {
        assertThatThrownBy(() -> OutputFile.write(dir, true, text("x")))
                .isInstanceOf(OutputFile.RefusedException.class).hasMessageEndingWith("is a directory");
    }

    @Test
    void writeRefusesAPathBelowAFileAndLeavesNothing() throws IOException {
        Path file = dir.resolve("plain");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> OutputFile.write(file.resolve("r.json"), false, text("x")))
                .isInstanceOf(OutputFile.RefusedException.class).hasMessageContaining("no such directory");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void writeLeavesTheOldFileWhenTheContentFailsHalfWay() throws IOException {
        Path target = dir.resolve("r.html");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> OutputFile.write(target, true, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        })).isInstanceOf(OutputFile.RefusedException.class).hasMessageContaining("disk full");
        assertThat(target).hasContent("old");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void writeRefusesAReadOnlyDirectoryAndLeavesNothing() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root ignores permission bits: then there is nothing to test.
            assumeFalse(Files.isWritable(ro), "permissions are not enforced for this user");
            assertThatThrownBy(() -> OutputFile.write(ro.resolve("r.json"), false, text("x")))
                    .isInstanceOf(OutputFile.RefusedException.class).hasMessageContaining("cannot write");
            try (Stream<Path> l = Files.list(ro)) {
                assertThat(l).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
