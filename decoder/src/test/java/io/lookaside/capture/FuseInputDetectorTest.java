package io.lookaside.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FUSE inputs are told by their content, whatever their names say. */
class FuseInputDetectorTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            b-fuse-glusterfs.fusedump.gz,        FUSEDUMP
            b-fuse-bindfs.fusedump.gz,           FUSEDUMP
            b-fuse-fuse-overlayfs.fusedump.gz,   FUSEDUMP
            b-fuse-bindfs.strace.txt.gz,         STRACE
            b-fuse-fuse-overlayfs.strace.txt.gz, STRACE
            b-fuse-bindfs.tracefs.txt,           TRACEFS
            b-fuse-fuse-overlayfs.tracefs.txt,   TRACEFS
            a-v9fs-busybox-cachenone.pcap.gz,    PCAP
            b-fuse-bindfs.txt,
            """)
    void detectTellsEverySampleByContent(String name, InputKind kind) throws CaptureException {
        assertThat(InputKind.detect(Samples.path(name))).isEqualTo(kind);
        byte[] head = InputFiles.head(Samples.path(name), 65536);
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(FuseInputDetector.isFusedump(head)).isEqualTo(kind == InputKind.FUSEDUMP);
        assertThat(FuseInputDetector.isTracefs(text)).isEqualTo(kind == InputKind.TRACEFS);
        assertThat(FuseInputDetector.isStrace(text)).isEqualTo(kind == InputKind.STRACE);
    }
}
