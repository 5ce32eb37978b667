package io.lookaside.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.lookaside.Samples;
import io.lookaside.analysis.Analyzer;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report of every sample against its golden file, samples/golden/NAME.report.json. The report is
 * a pure function of the capture (no clock, no machine paths), so the comparison is exact. On a
 * mismatch the new report is written beside the golden file as NAME.report.actual.json for review;
 * to accept it, run with {@code -Dgolden.update=true} (mvn -o -pl decoder test
 * -Dtest=GoldenReportsTest -Dgolden.update=true) and review the diff before committing.
 */
class GoldenReportsTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @ParameterizedTest
    @ValueSource(strings = {
        "a-v9fs-busybox-cachenone.pcap.gz",
        "a-v9fs-busybox-cacheloose.pcap.gz",
        "a-v9fs-busybox-cacheloose-ganesha.pcap.gz",
        "a-v9fs-gccsplit-srccachenone.pcap.gz",
        "a-v9fs-gccsplit-srccacheloose.pcap.gz",
        "a-v9fs-version-9p2000.u-vs-diod.pcap.gz",
        "c-diod-userspace.pcap.gz",
        "d-diod-any-sll-5640.pcapng.gz",
        "d-diod-any-sll2.pcap.gz",
        "b-fuse-bindfs.fusedump.gz",
        "b-fuse-fuse-overlayfs.fusedump.gz",
        "b-fuse-glusterfs.fusedump.gz",
        "b-fuse-bindfs.tracefs.txt",
        "a-v9fs-bigread-cachenone.pcap.gz",
        "a-v9fs-bigread-cacheloose.pcap.gz",
        "a-v9fs-busybox-twopoints.pcap.gz",
        "a-v9fs-busybox-twopoints.guest.pcap.gz",
    })
    void reportMatchesItsGoldenFile(String sample) throws IOException, CaptureException {
        Session s = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        String actual = ReportJson.toString(ReportBuilder.build(Analyzer.analyze(s), ReportBuilder.Options.DEFAULT));
        assertThat(actual).doesNotContain(Samples.path(sample).toAbsolutePath().getParent().toString());
        String name = stem(sample);
        Path golden = Samples.path("golden").resolve(name + ".report.json");
        Path actualFile = golden.resolveSibling(name + ".report.actual.json");
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            Files.deleteIfExists(actualFile);
            return;
        }
        if (!Files.exists(golden)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
            fail("no golden report " + golden.getFileName() + "; review " + actualFile.getFileName()
                    + " and run with -Dgolden.update=true");
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(actualFile);
        }
        assertThat(actual).as("report of %s (the new one is in %s; accept with -Dgolden.update=true)", sample,
                actualFile.getFileName()).isEqualTo(expected);
    }

    /** "a-v9fs-busybox-cachenone.pcap.gz" → "a-v9fs-busybox-cachenone", "b-fuse-bindfs.tracefs.txt" → "b-fuse-bindfs.tracefs". */
    static String stem(String sample) {
        return sample.replaceFirst("\\.gz$", "").replaceFirst("\\.(pcap|pcapng|fusedump|txt)$", "");
    }
}
