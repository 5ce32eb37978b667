package io.lookaside.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.app.testing.AnalyzedSamples;
import io.lookaside.app.testing.ManualFxThread;
import io.lookaside.session.Session;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnalysisViewModelTest {
    private final ManualFxThread fx = new ManualFxThread();
    private final TaskRunner runner = new TaskRunner(fx, 2, e -> {
        throw new AssertionError(e);
    });
    private final AnalysisViewModel vm = new AnalysisViewModel(runner);

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void analyzePublishesTheEnginesResultAndTheReportOfTheSession() throws Exception {
        Session s = AnalyzedSamples.session("d-diod-any-sll2.pcap.gz");

        vm.analyze(s);

        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.resultProperty().get()).isNull();
        fx.runUntil(() -> vm.resultProperty().get() != null);
        Analyzed a = vm.resultProperty().get();
        assertThat(a.session()).isSameAs(s);
        assertThat(a.analysis().session()).isSameAs(s);
        assertThat(a.report().capture().messages()).isEqualTo(s.size());
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.failureProperty().get()).isEmpty();
    }

    @Test
    void analyzeOfANewerSessionDropsTheOlderOnesResult() throws Exception {
        Session older = AnalyzedSamples.session("c-diod-userspace.pcap.gz");
        Session newer = AnalyzedSamples.session("d-diod-any-sll2.pcap.gz");

        vm.analyze(older);
        vm.analyze(newer);

        fx.runUntil(() -> vm.resultProperty().get() != null);
        assertThat(vm.resultProperty().get().session()).isSameAs(newer);
        fx.runPending(Duration.ofMillis(200));
        assertThat(vm.resultProperty().get().session()).isSameAs(newer);
    }

    @Test
    void analyzeNothingClearsTheResult() throws Exception {
        vm.analyze(AnalyzedSamples.session("d-diod-any-sll2.pcap.gz"));
        fx.runUntil(() -> vm.resultProperty().get() != null);

        vm.analyze(null);

        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
