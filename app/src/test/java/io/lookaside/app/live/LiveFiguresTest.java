package io.lookaside.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.live.LiveCounters;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveFiguresTest {

    @Test
    void rateIsOverTheLastFewSecondsOnly() {
        LiveFigures f = new LiveFigures();
        f.add(Duration.ofSeconds(0), 0);
        f.add(Duration.ofSeconds(1), 100_000); // a burst, then a steady 1000/s
        for (int s = 2; s <= 10; s++) {
            f.add(Duration.ofSeconds(s), 100_000 + (s - 1) * 1000L);
        }

        assertThat(f.rate()).isEqualTo(1000.0);
    }

    @Test
    void rateIsZeroBeforeTwoSnapshots() {
        LiveFigures f = new LiveFigures();
        f.add(Duration.ofMillis(250), 40);

        assertThat(f.rate()).isZero();
    }

    @Test
    void countersNameBothDropCountersEvenWhenZero() {
        assertThat(LiveFigures.counters(12_345, 4120.4, new LiveCounters(20_000, 3 * 1024 * 1024, 0, 0)))
                .isEqualTo("Messages: 12 345 · 4 120/s · 3.0 MiB · dropped: 0 (libpcap), 0 (interface)");
    }

    @Test
    void aSourceThatCannotCountDropsSaysSo() {
        assertThat(LiveFigures.drops(LiveCounters.NONE)).isEqualTo("drops: not counted by this source");
    }

    @Test
    void summarySaysWhatWasKeptAndWhyItEnded() {
        assertThat(LiveFigures.summary("tap0", 60_000, Duration.ofSeconds(10), new LiveCounters(90_000, 2048, 12, 0),
                "10 s elapsed"))
                .isEqualTo("Captured on tap0: 60 000 messages in 10.0 s (6 000/s), 90 000 packets, 2.0 KiB; "
                        + "dropped: 12 (libpcap), 0 (interface); 10 s elapsed");
    }
}
