package io.lookaside.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.capture.Protocol;
import io.lookaside.ninep.NinePMessage;
import io.lookaside.ninep.Qid;
import io.lookaside.ninep.Rgetattr;
import io.lookaside.ninep.Tclunk;
import io.lookaside.ninep.Tgetattr;
import io.lookaside.ninep.Tread;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import io.lookaside.wire.ProtocolMessage;
import java.util.ArrayList;
import java.util.List;
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

    /** The requests read in place equal the decoder's records, and every one the decoder decodes is read in place. */
    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "c-diod-userspace.pcap.gz",
        "a-v9fs-gccsplit-srccacheloose.pcap.gz", "d-diod-any-sll-5640.pcapng.gz"})
    void fixedRequestIsTheDecodedRecordOfEveryMessage(String sample) throws CaptureException {
        Session s = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        int read = 0;
        for (int i = 0; i < s.size(); i++) {
            ProtocolMessage decoded = s.message(i);
            NinePMessage fixed = FidTracker.fixedRequest(s, i);
            boolean fixedType = decoded instanceof Tclunk || decoded instanceof Tgetattr || decoded instanceof Tread;
            assertThat(fixed).as("message %d", i).isEqualTo(fixedType ? decoded : null);
            if (fixed != null) {
                read++;
            }
        }
        assertThat(read).isPositive();
    }

    /** The answered 9P replies are every reply of a 9P connection whose request was seen, in capture order. */
    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "d-diod-any-sll-5640.pcapng.gz"})
    void ninePRepliesAreTheAnsweredNinePReplies(String sample) throws CaptureException {
        Session s = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        Lifecycles l = Lifecycles.of(s);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.direction(i) == Direction.REPLY && s.peer(i) >= 0 && s.connection(i).protocol() == Protocol.NINEP) {
                expected.add(i);
            }
        }
        List<Integer> listed = new ArrayList<>();
        for (int k = 0; k < l.ninePReplies(); k++) {
            listed.add(l.ninePReply(k));
        }
        assertThat(listed).isNotEmpty().isEqualTo(expected);
    }
}
