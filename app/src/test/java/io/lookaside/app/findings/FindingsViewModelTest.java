package io.lookaside.app.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.analysis.Finding;
import io.lookaside.app.testing.AnalyzedSamples;
import io.lookaside.app.workbench.Analyzed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsViewModelTest {
    private static final String BUSYBOX = "a-v9fs-busybox-cachenone.pcap.gz";

    private final List<Integer> opened = new ArrayList<>();
    private final FindingsViewModel vm = new FindingsViewModel(opened::add);

    @Test
    void showListsTheFindingsHighestScoreFirstAndSelectsTheFirst() {
        vm.show(AnalyzedSamples.get(BUSYBOX));

        assertThat(vm.findings()).isNotEmpty();
        assertThat(vm.findings().stream().map(Finding::score).toList()).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        assertThat(vm.selectedProperty().get()).isSameAs(vm.findings().get(0));
        assertThat(vm.overviewProperty().get()).startsWith(vm.findings().size() + " rules ran: ");
    }

    @Test
    void selectingTheNegativeLookupsFindingShowsItsRepeatedWalksAsEvidence() {
        Analyzed a = AnalyzedSamples.get(BUSYBOX);
        vm.show(a);
        Finding negative = vm.findings().stream().filter(f -> f.rule().equals("negative-lookups")).findFirst().orElseThrow();

        vm.selectedProperty().set(negative);

        // Sidecar: "280 repeats of an already-failed path".
        assertThat(vm.summaryProperty().get()).contains("280");
        assertThat(vm.fixProperty().get()).isEqualTo(negative.fix()).isNotEmpty();
        assertThat(vm.evidence()).hasSize(negative.evidence().messages().size()).isNotEmpty();
        assertThat(vm.evidence()).allSatisfy(r -> assertThat(r.type()).isEqualTo("Twalk"));
        vm.open(vm.evidence().get(0));
        assertThat(opened).containsExactly(negative.evidence().messages().get(0));
    }
}
