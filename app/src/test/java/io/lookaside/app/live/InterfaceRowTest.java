package io.lookaside.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.live.CaptureInterface;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfaceRowTest {
    private static final long SECOND = 1_000_000_000L;

    private static InterfaceRow lo() {
        return new InterfaceRow(new CaptureInterface("lo", "", List.of("127.0.0.1", "::1"), 1, "Ethernet", true, true));
    }

    @Test
    void sampleAddsPacketsASecondSinceThePreviousReading() {
        InterfaceRow r = lo();
        r.sample(1000, 0);
        r.sample(1500, SECOND / 2);
        r.sample(1500, SECOND);

        assertThat(r.ratesProperty().get()).containsExactly(1000.0, 0.0);
    }

    @Test
    void sampleKeepsHalfAMinute() {
        InterfaceRow r = lo();
        for (int s = 0; s <= 40; s++) {
            r.sample(s * 10L, s * SECOND);
        }

        assertThat(r.ratesProperty().get()).hasSize(InterfaceRow.HISTORY).containsOnly(10.0);
    }

    @Test
    void aCounterThatGoesBackStartsOver() {
        InterfaceRow r = lo();
        r.sample(1000, 0);
        r.sample(10, SECOND); // the interface was deleted and made again
        r.sample(20, 2 * SECOND);

        assertThat(r.ratesProperty().get()).containsExactly(10.0);
    }

    @Test
    void linkTypeSaysLoopbackAndAddressesAreListed() {
        assertThat(lo().linkType()).isEqualTo("Ethernet, loopback");
        assertThat(lo().addresses()).isEqualTo("127.0.0.1, ::1");
    }
}
