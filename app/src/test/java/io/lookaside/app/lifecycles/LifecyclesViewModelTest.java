package io.lookaside.app.lifecycles;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.app.testing.AnalyzedSamples;
import io.lookaside.app.testing.ManualFxThread;
import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecyclesViewModelTest {
    private final ManualFxThread fx = new ManualFxThread();
    private final TaskRunner runner = new TaskRunner(fx, 2, e -> {
        throw new AssertionError(e);
    });
    private final List<Integer> opened = new ArrayList<>();
    private final LifecyclesViewModel vm = new LifecyclesViewModel(runner, opened::add);

    @AfterEach
    void close() {
        runner.close();
    }

    private Analyzed show(String sample) throws InterruptedException {
        Analyzed a = AnalyzedSamples.get(sample);
        vm.show(a);
        fx.runUntil(() -> !vm.busyProperty().get());
        return a;
    }

    /** Oracles: the sidecars' "failed walks" / "failed LOOKUPs ... most repeated" lists. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            a-v9fs-busybox-cachenone.pcap.gz, opt/nothere,        30
            a-v9fs-busybox-cachenone.pcap.gz, /opt/nothere/,      30
            b-fuse-glusterfs.fusedump.gz,     include/empty1/bits, 207
            """)
    void queryCountsTheLookupsOfAPathThatFoundNothing(String sample, String path, int notFound) throws Exception {
        show(sample);

        vm.queryProperty().set(path);

        assertThat(vm.answerProperty().get()).contains("and not found " + notFound + " times");
    }

    @Test
    void queryOfAPathNeverLookedUpSaysSoAndOpensNothing() throws Exception {
        show("a-v9fs-busybox-cachenone.pcap.gz");

        vm.queryProperty().set("no/such/thing");
        vm.openAnswer();

        assertThat(vm.answerProperty().get()).isEqualTo("no/such/thing was never looked up in this capture.");
        assertThat(opened).isEmpty();
    }

    @Test
    void openAnswerSelectsTheFirstLookupOfThePath() throws Exception {
        Analyzed a = show("a-v9fs-busybox-cachenone.pcap.gz");
        vm.queryProperty().set("opt/nothere");

        vm.openAnswer();

        assertThat(opened).hasSize(1);
        assertThat(a.session().typeName(opened.get(0))).isEqualTo("Twalk");
        assertThat(a.analysis().lifecycles().path(opened.get(0))).isEqualTo("opt/nothere");
    }

    @Test
    void showListsEveryFidLifetimeAndTheLeakFilterKeepsThoseBoundAtTheEnd() throws Exception {
        Analyzed a = show("c-diod-userspace.pcap.gz");
        int all = a.analysis().lifecycles().fids().size();
        int bound = a.analysis().lifecycles().openAtEnd().size();

        assertThat(vm.fids()).hasSize(all);
        vm.leakedOnlyProperty().set(true);

        assertThat(vm.fids()).hasSize(bound).allSatisfy(f -> assertThat(f.ended()).isEqualTo("still bound at the end"));
        assertThat(vm.fidsTitleProperty().get()).isEqualTo(String.format(java.util.Locale.ROOT, "Fids (9P): %,d of %,d", bound, all));
    }

    @Test
    void showOnAFuseCaptureListsNodeIdsAndHandles() throws Exception {
        Analyzed a = show("b-fuse-glusterfs.fusedump.gz");

        assertThat(vm.fuseProperty().get()).isTrue();
        assertThat(vm.fids()).isEmpty();
        assertThat(vm.nodes()).hasSize(a.analysis().lifecycles().nodes().size()).isNotEmpty();
        assertThat(vm.handles()).hasSize(a.analysis().lifecycles().handles().size()).isNotEmpty();
        vm.open(vm.nodes().get(0).createdAt());
        assertThat(opened).containsExactly(a.analysis().lifecycles().nodes().get(0).createdAt());
    }

    @Test
    void showOfAnotherCaptureWhileOnlyLeakedShowsItsLeakedRowsAndTotals() throws Exception {
        vm.leakedOnlyProperty().set(true);
        show("c-diod-userspace.pcap.gz");
        Analyzed a = show("a-v9fs-busybox-cachenone.pcap.gz");
        int all = a.analysis().lifecycles().fids().size();
        int bound = a.analysis().lifecycles().openAtEnd().size();

        assertThat(vm.fids()).hasSize(bound).allSatisfy(f -> assertThat(f.leaked()).isTrue());
        assertThat(vm.fidsTitleProperty().get()).isEqualTo(String.format(java.util.Locale.ROOT, "Fids (9P): %,d of %,d", bound, all));
        assertThat(vm.summaryProperty().get()).startsWith(String.format(java.util.Locale.ROOT,
                "%,d fid lifetimes, %,d still bound when the capture ended", all, bound));

        vm.leakedOnlyProperty().set(false);

        assertThat(vm.fids()).hasSize(all);
        assertThat(vm.fidsTitleProperty().get()).isEqualTo(String.format(java.util.Locale.ROOT, "Fids (9P): %,d", all));
    }
}
