package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.ninep.Tgetattr;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NinePExchangesTest {

    /**
     * Read in place, the request mask says what decoding the whole message says, on every
     * message; a Linux v9fs client asks for P9_GETATTR_ALL on each stat(2) (v9fs_vfs_getattr_dotl).
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
            # sample,                          Linux v9fs client
            a-v9fs-busybox-cachenone.pcap.gz,  true
            a-v9fs-busybox-cacheloose.pcap.gz, true
            c-diod-userspace.pcap.gz,          false
            b-fuse-bindfs.fusedump.gz,         false
            """)
    void asksAllAttributesAgreesWithTheDecodedTgetattr(String sample, boolean linuxClient) throws CaptureException {
        Session s = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        int stats = 0;
        for (int i = 0; i < s.size(); i++) {
            boolean decoded = s.message(i) instanceof Tgetattr g && g.request_mask() == NinePExchanges.GETATTR_ALL;
            assertThat(NinePExchanges.asksAllAttributes(s, i)).as("message %d", i).isEqualTo(decoded);
            stats += decoded ? 1 : 0;
        }
        if (linuxClient) {
            assertThat(stats).as("stat(2) Tgetattrs").isPositive();
        }
    }
}
