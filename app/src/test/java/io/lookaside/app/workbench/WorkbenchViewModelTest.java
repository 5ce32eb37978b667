package io.lookaside.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.app.testing.ManualFxThread;
import io.lookaside.app.workbench.WorkbenchViewModel.Feature;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchViewModelTest {
    private final ManualFxThread fx = new ManualFxThread();
    private final TaskRunner runner = new TaskRunner(fx, 2, e -> {
        throw new AssertionError(e);
    });
    private final WorkbenchViewModel vm = new WorkbenchViewModel(runner);

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void statusSaysLoadingWithTheFileNameUntilTheLoadEnds() throws Exception {
        Path garbage = Files.writeString(dir.resolve("odd.cap"), "not a capture");

        vm.open(garbage);

        assertThat(vm.statusProperty().get()).isEqualTo("Loading odd.cap … 0%");
        fx.runUntil(() -> vm.capture().failureProperty().get() != null);
        assertThat(vm.statusProperty().get()).startsWith("Ready.");
        assertThat(vm.titleProperty().get()).isEqualTo("Lookaside");
    }

    @Test
    void openDroppedOpensTheFirstFile(@TempDir Path other) throws Exception {
        Path first = Files.writeString(dir.resolve("first.pcap"), "x");
        Path second = Files.writeString(other.resolve("second.pcap"), "y");

        vm.openDropped(List.of(first.toFile(), second.toFile()));
        fx.runUntil(() -> vm.capture().failureProperty().get() != null);

        assertThat(vm.capture().failureProperty().get().path().getFileName()).hasToString("first.pcap");
    }

    @Test
    void openDroppedNothingDoesNothing() {
        vm.openDropped(List.<File>of());

        assertThat(vm.capture().busyProperty().get()).isFalse();
    }

    @Test
    void launchSetsTheFilterBeforeTheCaptureLoads() {
        vm.launch(new LaunchOptions(null, "type == Twalk", -1));

        assertThat(vm.messages().filterTextProperty().get()).isEqualTo("type == Twalk");
        assertThat(vm.capture().busyProperty().get()).isFalse();
    }

    @Test
    void diagnosticsSummaryCountsThem() {
        assertThat(vm.diagnosticsSummaryProperty().get()).isEqualTo("No diagnostics");
        assertThat(vm.featureProperty().get()).isEqualTo(Feature.MESSAGES);
    }
}
