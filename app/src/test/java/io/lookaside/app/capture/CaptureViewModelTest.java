package io.lookaside.app.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.app.testing.ManualFxThread;
import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.capture.CaptureException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureViewModelTest {
    private final ManualFxThread fx = new ManualFxThread();
    private final TaskRunner runner = new TaskRunner(fx, 2, e -> {
        throw new AssertionError(e);
    });
    private final CaptureViewModel vm = new CaptureViewModel(runner);

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void openGarbageReportsAClearFailureAndKeepsNoSession() throws Exception {
        Path garbage = Files.writeString(dir.resolve("notes.pcap"), "these are not packets\n".repeat(50));

        vm.open(garbage);
        assertThat(vm.busyProperty().get()).isTrue();
        fx.runUntil(() -> vm.failureProperty().get() != null);

        LoadFailure f = vm.failureProperty().get();
        assertThat(f.headline()).isEqualTo("Lookaside cannot open notes.pcap");
        assertThat(f.reason()).contains("not a capture Lookaside can read");
        assertThat(vm.sessionProperty().get()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.loadingProperty().get()).isNull();
    }

    @Test
    void openMissingFileSaysSo() throws Exception {
        vm.open(dir.resolve("gone.pcap"));
        fx.runUntil(() -> vm.failureProperty().get() != null);

        assertThat(vm.failureProperty().get().reason()).endsWith("gone.pcap: no such file");
    }

    @Test
    void openTheSameBadFileTwiceReportsTwice() throws Exception {
        Path garbage = Files.writeString(dir.resolve("x.bin"), "garbage");
        vm.open(garbage);
        fx.runUntil(() -> vm.failureProperty().get() != null);
        LoadFailure first = vm.failureProperty().get();
        int[] reports = {0};
        vm.failureProperty().addListener((o, was, now) -> {
            if (now != null) {
                reports[0]++;
            }
        });

        vm.open(garbage);
        fx.runUntil(() -> reports[0] == 1);

        assertThat(vm.failureProperty().get()).isEqualTo(first);
    }

    @Test
    void describeNeverShowsATraceForABug() {
        LoadFailure f = CaptureViewModel.describe(Path.of("a.pcap"), new IllegalStateException("bad state"));

        assertThat(f.reason()).isEqualTo("Lookaside hit an internal error while reading it "
                + "(IllegalStateException: bad state). Please report it with the capture.");
    }

    @Test
    void describeUsesTheCaptureLayersSentence() {
        LoadFailure f = CaptureViewModel.describe(Path.of("a.pcap"), new CaptureException("a.pcap: unsupported link type 147"));

        assertThat(f.reason()).isEqualTo("a.pcap: unsupported link type 147");
    }
}
