package io.lookaside.app.waits;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.app.testing.AnalyzedSamples;
import io.lookaside.app.testing.ManualFxThread;
import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.report.OperationRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitsViewModelTest {
    private static final String BUSYBOX = "a-v9fs-busybox-cachenone.pcap.gz";

    private final ManualFxThread fx = new ManualFxThread();
    private final TaskRunner runner = new TaskRunner(fx, 2, e -> {
        throw new AssertionError(e);
    });
    private final WaitsViewModel vm = new WaitsViewModel(runner);

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void showListsTheOperationsWithTheSidecarsCountsAndTotals() {
        vm.show(AnalyzedSamples.get(BUSYBOX));

        OperationRow twalk = vm.operations().stream().filter(o -> o.op().equals("Twalk")).findFirst().orElseThrow();
        // Sidecar: "Twalk 4626 0.7557" (count, total s) and "454 ... ENOENT" failed walks.
        assertThat(twalk.count()).isEqualTo(4626);
        assertThat(vm.duration(twalk.totalNanos())).isEqualTo("756 ms");
        assertThat(vm.errors(twalk)).isEqualTo("ENOENT 454");
        // The sidecar's 30288 messages are 15144 exchanges; 517 Rlerror.
        assertThat(vm.summaryProperty().get()).contains("15,144 requests", "517 errors", "1 requester");
        // tcpdump on the host's loopback, between QEMU's user network and diod (the sidecar's capture line).
        assertThat(vm.capturePointProperty().get()).startsWith("Captured on the host's loopback.");
    }

    @Test
    void showBinsTheChartsOffTheFxThreadAndPublishesThemWhole() throws Exception {
        Analyzed a = AnalyzedSamples.get(BUSYBOX);

        vm.show(a);

        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.chartsProperty().get()).isSameAs(WaitCharts.EMPTY);
        fx.runUntil(() -> !vm.busyProperty().get());
        WaitCharts c = vm.chartsProperty().get();
        assertThat(c.byOperation().getColumnCount()).isEqualTo(Math.min(WaitCharts.TOP_OPERATIONS, vm.operations().size()));
        assertThat(c.byOperation().getColumnKey(0)).isEqualTo(vm.operations().get(0).op());
        assertThat(c.overTimeWall().getItemCount(0)).isBetween(1, WaitTimeline.MAX_BINS + 1);
        assertThat(c.overTimeRtt().getItemCount(0)).isEqualTo(c.overTimeWall().getItemCount(0));
        assertThat(c.overTimeLabel()).startsWith("Wait per ").endsWith(" (ms)");
    }

    @Test
    void showNothingClearsTheTableAndTheCharts() throws Exception {
        vm.show(AnalyzedSamples.get(BUSYBOX));
        fx.runUntil(() -> !vm.busyProperty().get());

        vm.show(null);

        assertThat(vm.operations()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEmpty();
        assertThat(vm.chartsProperty().get()).isSameAs(WaitCharts.EMPTY);
    }
}
