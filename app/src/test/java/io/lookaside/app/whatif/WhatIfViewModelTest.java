package io.lookaside.app.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lookaside.app.testing.AnalyzedSamples;
import io.lookaside.app.testing.ManualFxThread;
import io.lookaside.app.whatif.WhatIfViewModel.CountRow;
import io.lookaside.app.whatif.WhatIfViewModel.ModelRow;
import io.lookaside.app.whatif.WhatIfViewModel.ProfileRow;
import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.MessageRef;
import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.analysis.Durations;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Direction;
import io.lookaside.whatif.Models;
import io.lookaside.whatif.Outcome;
import io.lookaside.whatif.Savings;
import io.lookaside.whatif.Windows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WhatIfViewModelTest {
    private static final String BUSYBOX = "a-v9fs-busybox-cachenone.pcap.gz";

    private final ManualFxThread fx = new ManualFxThread();
    private final TaskRunner runner = new TaskRunner(fx, 2, e -> {
        throw new AssertionError(e);
    });
    private final List<Integer> opened = new ArrayList<>();
    private final WhatIfViewModel vm = new WhatIfViewModel(runner, opened::add);

    @AfterEach
    void close() {
        runner.close();
    }

    private ModelRow row(String id) {
        return vm.models().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void showGivesTheNegativeDentryRowTheDecodersModelFigures() {
        Analyzed a = AnalyzedSamples.get(BUSYBOX);

        vm.show(a);

        Outcome o = Models.byId("negative-dentry").simulate(a.session(), Lifecycles.of(a.session()), Windows.INFINITE);
        Savings expected = Savings.of(a.session(), o);
        ModelRow row = row("negative-dentry");
        assertThat(row.entry().savedRoundTrips()).isEqualTo(expected.savedRoundTrips());
        assertThat(row.entry().savedWallNanos()).isEqualTo(expected.savedWallNanos());
        // Sidecar: "280 repeats of an already-failed path": the repeated walks a negative dentry answers.
        assertThat(row.entry().removedByType()).containsEntry("Twalk", 280L);
    }

    @Test
    void showSortsTheModelsByTheWallClockWaitTheySaveAndSelectsTheFirst() {
        vm.show(AnalyzedSamples.get(BUSYBOX));

        List<Long> saved = vm.models().stream().map(m -> m.entry().savedWallNanos()).toList();
        assertThat(saved).isSortedAccordingTo((x, y) -> Long.compare(y, x));
        assertThat(vm.selectedModelProperty().get()).isSameAs(vm.models().get(0));
    }

    @Test
    void selectingAModelListsEveryRequestItRemovesAsEvidenceThatOpensItsMessage() throws Exception {
        Analyzed a = AnalyzedSamples.get(BUSYBOX);
        vm.show(a);
        fx.runUntil(() -> !vm.busyProperty().get());

        vm.selectedModelProperty().set(row("negative-dentry"));

        // Savings counts one round trip per removed request: the evidence lists exactly those.
        assertThat((long) vm.evidence().size()).isEqualTo(row("negative-dentry").entry().savedRoundTrips());
        assertThat(vm.evidence()).allSatisfy(r -> assertThat(a.session().direction(r.message())).isEqualTo(Direction.REQUEST));
        assertThat(vm.evidenceTitleProperty().get()).isEqualTo("Requests removed at ∞: " + vm.evidence().size());
        MessageRef first = vm.evidence().get(0);
        vm.open(first);
        assertThat(opened).containsExactly(first.message());
        assertThat(first.text()).startsWith("frame " + a.session().frame(first.message()) + "  ");
    }

    @Test
    void selectingAModelShowsItsSweepOverTheWindowsAndItsAssumptions() throws Exception {
        Analyzed a = AnalyzedSamples.get(BUSYBOX);
        vm.show(a);
        fx.runUntil(() -> !vm.busyProperty().get());

        vm.selectedModelProperty().set(row("negative-dentry"));

        SweepData sweep = vm.sweepProperty().get();
        assertThat(sweep.savedWait().getColumnKeys()).containsExactly("0", "1 ms", "10 ms", "100 ms", "1 s", "10 s", "∞");
        assertThat(sweep.savedTrips().getColumnKeys()).isEqualTo(sweep.savedWait().getColumnKeys());
        double atInfinity = sweep.savedWait().getValue(SweepData.SAVED_WAIT, "∞").doubleValue();
        assertThat(atInfinity * 1e6).isCloseTo(row("negative-dentry").entry().savedWallNanos(), within(1.0));
        assertThat(sweep.savedTrips().getValue(SweepData.SAVED_TRIPS, "∞").longValue())
                .isEqualTo(row("negative-dentry").entry().savedRoundTrips());
        assertThat(vm.assumptionsProperty().get()).isEqualTo(Models.byId("negative-dentry").assumptions());
        assertThat(vm.modelHeadlineProperty().get())
                .contains("this workload would wait " + Durations.format(row("negative-dentry").entry().projectedWallNanos())
                        + " instead of " + Durations.format(a.report().totals().wallNanos()));
    }

    @Test
    void selectingAProfileShowsItsPredictedCountsAgainstTheCaptures() {
        Analyzed a = AnalyzedSamples.get(BUSYBOX);
        vm.show(a);
        ProfileRow loose = vm.profiles().stream().filter(p -> p.id().equals("v9fs-cache-loose")).findFirst().orElseThrow();

        vm.selectedProfileProperty().set(loose);

        CountRow twalk = vm.counts().stream().filter(c -> c.type().equals("Twalk")).findFirst().orElseThrow();
        // Sidecar histogram: 4626 Twalk in the capture.
        assertThat(twalk.real()).isEqualTo(4626);
        assertThat(twalk.predicted()).isEqualTo(loose.entry().predictedCounts().get("Twalk")).isLessThan(4626);
        assertThat(vm.counts().get(0).change()).isLessThanOrEqualTo(vm.counts().get(vm.counts().size() - 1).change());
        assertThat(vm.profileHeadlineProperty().get()).startsWith("With " + loose.entry().title() + " this workload would wait "
                + Durations.format(loose.entry().predictedWaitNanos()) + " instead of "
                + Durations.format(a.report().totals().wallNanos()) + " (−");
    }

    @Test
    void showOnKernelTracepointsSaysTheModelsCouldNotRunRatherThanShowingZero() {
        // tracefs carries FUSE headers only: no names or node ids for the models to key on.
        vm.show(AnalyzedSamples.get("b-fuse-bindfs.tracefs.txt"));

        assertThat(vm.models()).isNotEmpty().allSatisfy(m -> assertThat(m.entry().savedRoundTrips()).isNull());
        assertThat(vm.count(vm.models().get(0).entry().savedRoundTrips())).isEqualTo("—");
        assertThat(vm.modelHeadlineProperty().get()).startsWith("Cannot run on this capture");
        assertThat(vm.remarksProperty().get()).startsWith("•  ");
    }
}
