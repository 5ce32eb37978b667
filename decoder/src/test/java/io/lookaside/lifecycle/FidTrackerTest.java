package io.lookaside.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.ninep.Qid;
import io.lookaside.ninep.Rgetattr;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FidTrackerTest {

    /** The in-place read sees exactly the Rgetattrs the decoder decodes, with the decoder's qid. */
    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "c-diod-userspace.pcap.gz",
        "a-v9fs-gccsplit-srccacheloose.pcap.gz", "d-diod-any-sll-5640.pcapng.gz"})
    void rgetattrQidIsTheDecodedQidOfEveryMessage(String sample) throws CaptureException {
        Session s = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        int rgetattrs = 0;
        for (int i = 0; i < s.size(); i++) {
            Qid decoded = s.message(i) instanceof Rgetattr r ? r.qid() : null;
            assertThat(FidTracker.rgetattrQid(s, i)).as("message %d", i).isEqualTo(decoded);
            if (decoded != null) {
                rgetattrs++;
            }
        }
        assertThat(rgetattrs).isPositive();
    }
}
