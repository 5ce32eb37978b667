package io.lookaside.app.waits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lookaside.app.testing.AnalyzedSamples;
import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.TaskContext;
import io.lookaside.whatif.WallClock;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaitTimelineTest {
    private static final TaskContext RUNNING = new TaskContext() {
        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void progress(long done, long total) {
        }
    };

    private static final TaskContext CANCELLED = new TaskContext() {
        @Override
        public boolean cancelled() {
            return true;
        }

        @Override
        public void progress(long done, long total) {
        }
    };

    /**
     * Binning moves time between bins but never loses or adds any: the request→reply bins add up
     * to the sum of every answered request's wait, and the wall-clock bins to what the decoder's
     * {@link WallClock} (a separate implementation: sorted intervals per requester) computes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "b-fuse-glusterfs.fusedump.gz", "c-diod-userspace.pcap.gz"})
    void ofKeepsEveryNanosecondOfWaitAndWallClockWait(String sample) {
        Analyzed a = AnalyzedSamples.get(sample);

        WaitTimeline t = WaitTimeline.of(a.session(), a.analysis().exchanges(), RUNNING);

        assertThat(t.bins()).isBetween(1, WaitTimeline.MAX_BINS + 1);
        assertThat(Arrays.stream(t.rttMillis()).sum() * 1e6).isCloseTo(a.report().totals().waitNanos(), within(1e3));
        assertThat(Arrays.stream(t.wallMillis()).sum() * 1e6).isCloseTo(WallClock.wait(a.session()), within(1e3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz"})
    void ofPutsNoBinAboveItsWidthOfWallClockWaitForOneRequester(String sample) {
        Analyzed a = AnalyzedSamples.get(sample);

        WaitTimeline t = WaitTimeline.of(a.session(), a.analysis().exchanges(), RUNNING);

        // One 9P connection is one requester: its wall-clock wait in a bin cannot exceed the bin.
        assertThat(a.report().totals().requesters()).isEqualTo(1);
        assertThat(Arrays.stream(t.wallMillis()).max().orElseThrow() * 1e6).isLessThanOrEqualTo(t.binNanos() + 1e-3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz"})
    void ofReturnsNullOnceCancelled(String sample) {
        Analyzed a = AnalyzedSamples.get(sample);

        assertThat(WaitTimeline.of(a.session(), a.analysis().exchanges(), CANCELLED)).isNull();
    }
}
