package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.CaptureException;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnusedCapabilitiesRuleTest {
    private final UnusedCapabilitiesRule rule = new UnusedCapabilitiesRule();

    /**
     * The flags are checked against the INIT exchange of each sample itself (kernel 7.45 offers, the daemon answers
     * 7.19, 7.31, 7.24 per the sidecars), and the numbers against the sidecars' READLINK line.
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
            b-fuse-bindfs.fusedump.gz,         CACHE_SYMLINKS DO_READDIRPLUS WRITEBACK_CACHE, 19
            b-fuse-fuse-overlayfs.fusedump.gz, CACHE_SYMLINKS,                                31
            b-fuse-glusterfs.fusedump.gz,      CACHE_SYMLINKS WRITEBACK_CACHE,                24
            """)
    void evaluateNamesTheOfferedCapabilitiesTheDaemonLeftOff(String sample, String flags, int minor) throws CaptureException {
        Session s = ExchangesTest.load(sample);
        FuseRequest.Init offer = null;
        FuseReply.Init answer = null;
        for (int i = 0; i < s.size(); i++) {
            if (s.typeCode(i) == FuseOpcode.INIT.code()) {
                if (s.message(i) instanceof FuseRequest.Init r) {
                    offer = r;
                } else if (s.message(i) instanceof FuseReply.Init r) {
                    answer = r;
                }
            }
        }
        assertThat(answer.minor()).isEqualTo(minor);
        for (String flag : flags.split(" ")) {
            assertThat(offer.flagNames()).contains(flag);
            assertThat(answer.flagNames()).doesNotContain(flag);
        }
        Finding f = RuleFixtures.evaluate(rule, s);
        assertThat(f.summary()).startsWith("The kernel offered " + String.join(", ", flags.split(" ")) + " at INIT");
        assertThat(f.summary()).contains("CACHE_SYMLINKS: 354 READLINK of a node already read");
        // Severity follows the share of the wait at stake (FindingsFitTest); the fix fits the daemon: glusterfs is not
        // libfuse, so it is told its own options.
        assertThat(f.severity()).isNotEqualTo(Severity.NA);
        assertThat(f.fix()).contains(sample.contains("glusterfs") ? "kernel-writeback-cache=yes"
                : minor >= 28 ? "set FUSE_CAP_CACHE_SYMLINKS" : "move the daemon to libfuse 3");
    }

    @Test
    void evaluateIsOkWhenTheInitFlagsWereNotCaptured() throws CaptureException {
        Finding f = RuleFixtures.evaluate(rule, "b-fuse-bindfs.tracefs.txt");
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.summary()).contains("capabilities are unknown");
    }
}
