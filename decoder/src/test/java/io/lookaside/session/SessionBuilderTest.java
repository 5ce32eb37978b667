package io.lookaside.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.Diagnostic;
import org.junit.jupiter.api.Test;

class SessionBuilderTest {

    @Test
    void diagnosticKeepsUpToTheBoundAndCountsTheRest() {
        SessionBuilder b = new SessionBuilder("test");
        for (int i = 0; i < SessionBuilder.MAX_DIAGNOSTICS + 2500; i++) {
            b.diagnostic(Diagnostic.warning(i + 1, -1, "gap " + i));
        }

        Session s = b.build();

        assertThat(s.diagnostics()).hasSize(SessionBuilder.MAX_DIAGNOSTICS + 1);
        assertThat(s.diagnostics().get(SessionBuilder.MAX_DIAGNOSTICS - 1).text()).isEqualTo("gap 9999");
        assertThat(s.diagnostics().get(SessionBuilder.MAX_DIAGNOSTICS).text())
                .isEqualTo("2500 more diagnostics were not kept (limit 10000)");
    }
}
