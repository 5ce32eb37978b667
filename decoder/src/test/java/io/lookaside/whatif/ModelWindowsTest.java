package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every model simulated at all the sweep's windows in one call gives, window by window, what it
 * gives simulated at that window alone: a model that does its per-message work once for all
 * windows must keep one cache state per window, and nothing may leak from one to another.
 */
class ModelWindowsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "a-v9fs-busybox-cacheloose.pcap.gz",
        "a-v9fs-gccsplit-srccachenone.pcap.gz", "c-diod-userspace.pcap.gz", "a-v9fs-version-9p2000.u-vs-diod.pcap.gz",
        "b-fuse-bindfs.fusedump.gz", "b-fuse-fuse-overlayfs.fusedump.gz", "b-fuse-glusterfs.fusedump.gz"})
    void allWindowsAtOnceEqualEachWindowAlone(String sample) throws CaptureException {
        Session s = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        Lifecycles l = Lifecycles.of(s);
        List<Long> windows = new ArrayList<>(Windows.SWEEP);
        windows.add(Windows.AS_ANSWERED);
        int compared = 0;
        for (WhatIfModel m : Models.ALL) {
            if (m.protocols().stream().noneMatch(p -> s.connections().stream().anyMatch(c -> c.protocol() == p))
                    || !m.applicable(s)) {
                continue;
            }
            List<Outcome> together = m.simulate(s, l, windows);
            assertThat(together).as(m.id()).hasSameSizeAs(windows);
            for (int w = 0; w < windows.size(); w++) {
                Outcome alone = m.simulate(s, l, windows.get(w));
                String at = m.id() + " at " + Windows.label(windows.get(w)) + " on " + sample;
                assertThat(together.get(w).eliminated()).as(at + ": eliminated").isEqualTo(alone.eliminated());
                assertThat(together.get(w).unblocked()).as(at + ": unblocked").isEqualTo(alone.unblocked());
                assertThat(together.get(w).stale()).as(at + ": stale").isEqualTo(alone.stale());
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(8 * 5);
    }
}
