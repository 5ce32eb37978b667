package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.SessionLoader;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client and the server or daemon of each real sample, told from the capture alone; the
 * sidecars (samples/*.txt) say what really ran.
 */
class IdentificationTest {

    @ParameterizedTest(name = "{0}: client {1}, server {2}")
    @CsvSource(textBlock = """
            a-v9fs-busybox-cachenone.pcap.gz,          linux-v9fs,     diod
            a-v9fs-bigread-cacheloose.pcap.gz,         linux-v9fs,     diod
            a-v9fs-busybox-cacheloose-ganesha.pcap.gz, linux-v9fs,     nfs-ganesha
            c-diod-userspace.pcap.gz,                  diod-userspace, diod
            b-fuse-glusterfs.fusedump.gz,              linux-fuse,     glusterfs
            b-fuse-bindfs.fusedump.gz,                 linux-fuse,     libfuse2
            b-fuse-fuse-overlayfs.fusedump.gz,         linux-fuse,     libfuse3
            b-fuse-bindfs.strace.txt.gz,               linux-fuse,     libfuse2
            b-fuse-bindfs.tracefs.txt,                 unknown,        unknown
            """)
    void eachSampleNamesWhatRanWithItsEvidence(String sample, String client, String server) throws CaptureException {
        Identification id = Identification.of(ExchangesTest.load(sample));
        assertThat(id.client().name()).isEqualTo(client);
        assertThat(id.server().name()).isEqualTo(server);
        assertThat(id.client().evidence()).isNotEmpty();
        assertThat(id.server().evidence()).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void theLinuxClientGetsAVersionRangeFromItsDefaultMsize() throws CaptureException {
        Identification id = Identification.of(ExchangesTest.load("a-v9fs-busybox-cachenone.pcap.gz"));
        assertThat(id.client().label()).contains("5.15 or later");
        assertThat(id.client().evidence()).anyMatch(e -> e.contains("uname \"nobody\""));
    }

    @org.junit.jupiter.api.Test
    void tracepointsNameTheDaemonTaskThoughNotItsLibrary() throws CaptureException {
        Identification id = Identification.of(ExchangesTest.load("b-fuse-bindfs.tracefs.txt"));
        assertThat(id.server().label()).startsWith("bindfs").contains("library unknown");
        assertThat(id.client().evidence().get(0)).contains("headers only");
    }

    @org.junit.jupiter.api.Test
    void aQemuTraceNamesQemuAsTheServerByConstruction() throws CaptureException {
        // the real log of QemuVirtio9pLiveTest's guest (QEMU with -trace 'v9fs_*')
        Identification id = Identification.of(SessionLoader.load(Path.of("src/test/resources/qemu-trace/v9fs-live-wl.log"),
                CaptureOptions.DEFAULT, LoadMonitor.NONE));
        assertThat(id.server().name()).isEqualTo("qemu");
        assertThat(id.server().label()).contains("QEMU virtio-9p");
        assertThat(id.server().evidence()).anyMatch(e -> e.contains("v9fs_* trace"))
                .anyMatch(e -> e.equals("Rversion 9P2000.L msize 131072"));
    }
}
