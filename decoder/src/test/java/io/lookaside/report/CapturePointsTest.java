package io.lookaside.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.analysis.Analysis;
import io.lookaside.analysis.Analyzer;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import org.junit.jupiter.api.Test;

/**
 * One QEMU session captured at two points at once (samples/a-v9fs-busybox-twopoints*: the guest's
 * NIC by QEMU's filter-dump, and the host's loopback by tcpdump): told apart, and the guest side
 * waited longer for the same requests.
 */
class CapturePointsTest {

    private static Report report(String sample) throws CaptureException {
        Session s = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        Analysis a = Analyzer.analyze(s);
        return ReportBuilder.build(a, ReportBuilder.Options.DEFAULT);
    }

    @Test
    void theGuestNicAndTheHostLoopbackOfOneSessionAreToldApart() throws CaptureException {
        Report guest = report("a-v9fs-busybox-twopoints.guest.pcap.gz");
        Report host = report("a-v9fs-busybox-twopoints.pcap.gz");
        assertThat(guest.capture().capturePoint().kind()).isEqualTo("guest-nic");
        assertThat(host.capture().capturePoint().kind()).isEqualTo("host-loopback");
        assertThat(guest.capture().capturePoint().includes()).contains("what the guest's client waited");
        assertThat(host.capture().capturePoint().caveats()).anyMatch(c -> c.contains("guest waited longer"));
        // The same messages: the guest side's request→reply times include QEMU's user network both ways.
        assertThat(guest.capture().messages()).isEqualTo(host.capture().messages());
        long guestWait = guest.operations().stream().mapToLong(OperationRow::totalNanos).sum();
        long hostWait = host.operations().stream().mapToLong(OperationRow::totalNanos).sum();
        assertThat(guestWait).isGreaterThan(hostWait * 3 / 2);
    }

    @Test
    void fuseInputsAreTheDaemonOrTheKernel() throws CaptureException {
        assertThat(report("b-fuse-glusterfs.fusedump.gz").capture().capturePoint().kind()).isEqualTo("daemon");
        assertThat(report("b-fuse-bindfs.tracefs.txt").capture().capturePoint().kind()).isEqualTo("kernel");
    }
}
