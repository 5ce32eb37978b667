package io.lookaside.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.CaptureException;
import io.lookaside.lifecycle.Dentries.NegativeRepeat;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lifecycles of the real samples against their sidecars (samples/*.txt), which were computed
 * by the capture recipes' own fid → path tracker, independent of this code.
 */
class LifecyclesSamplesTest {
    private static Map<String, Integer> requestsByPath(LoadedSamples.Loaded l, String type) {
        Session s = l.session();
        Map<String, Integer> byPath = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.direction(i) == Direction.REQUEST && s.typeName(i).equals(type)) {
                byPath.merge(String.valueOf(l.lifecycles().path(i)), 1, Integer::sum);
            }
        }
        return byPath;
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # sample, failed walks, distinct paths, repeats, most repeated path, its count
            a-v9fs-busybox-cachenone.pcap.gz,     454,  174, 280,  opt/nothere, 30
            a-v9fs-busybox-cacheloose.pcap.gz,    454,  174, 280,  opt/nothere, 30
            a-v9fs-gccsplit-srccachenone.pcap.gz, 5568, 180, 5388, usr/lib/gcc/x86_64-linux-gnu/12/include/bits, 1176
            a-v9fs-gccsplit-srccacheloose.pcap.gz,5568, 180, 5388, usr/lib/gcc/x86_64-linux-gnu/12/include/bits, 1176
            """)
    void dentriesCountTheFailedWalksOfTheSidecar(String sample, int failed, int distinct, int repeats, String top,
                                                  int topCount) throws CaptureException {
        Dentries d = LoadedSamples.load(sample).lifecycles().dentries();

        assertThat(d.negativeLookups()).isEqualTo(failed);
        assertThat(d.negativeRepeats()).hasSize(distinct);
        assertThat(d.negativeRepeats().stream().mapToInt(NegativeRepeat::repeats).sum()).isEqualTo(repeats);
        assertThat(d.notFound(top)).isEqualTo(topCount);
        assertThat(d.negativeRepeats().get(0).lookups()).isEqualTo(topCount);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "a-v9fs-busybox-cacheloose.pcap.gz"})
    void pathOfEveryTreadlinkMatchesTheSidecar(String sample) throws CaptureException {
        Map<String, Integer> readlinks = requestsByPath(LoadedSamples.load(sample), "Treadlink");

        assertThat(readlinks.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(149);
        assertThat(readlinks).hasSize(73);
        assertThat(readlinks).containsEntry("usr/bin/cc", 15).containsEntry("lib64", 15).containsEntry("lib", 10)
                .containsEntry("usr/lib64/ld-linux-x86-64.so.2", 10).containsEntry("etc/alternatives/cc", 5)
                .containsEntry("usr/bin/gcc-12", 5).containsEntry("bin", 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "a-v9fs-gccsplit-srccachenone.pcap.gz"})
    void everyRequestOfACaptureThatStartsAtTversionHasAKnownPath(String sample) throws CaptureException {
        LoadedSamples.Loaded l = LoadedSamples.load(sample);
        Session s = l.session();

        for (int i = 0; i < s.size(); i++) {
            if (s.direction(i) == Direction.REQUEST && !s.typeName(i).equals("Tversion")) {
                assertThat(l.lifecycles().path(i)).as("message %d", i).isNotNull().doesNotStartWith("<");
            }
        }
        assertThat(l.lifecycles().fids()).noneMatch(f -> f.origin() == FidOrigin.BEFORE_CAPTURE);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # READLINK by path: the bindfs sidecar. It shows nodeid 64 as "#64": its tracker follows
            # LOOKUP replies only, and 64 came from SYMLINK(nodeid 43, "link1") (session message 4861), 43 from
            # MKDIR(nodeid 5 = tmp, "wl"): the workload's "ln -s g1 tmp/wl/link1".
            include/current,     323
            bin/cc,              11
            etc/alternatives/cc, 11
            lib,                 6
            usr/bin/gcc,         6
            tmp/wl/link1,        3
            """)
    void fusePathOfEveryReadlinkMatchesTheSidecar(String path, int count) throws CaptureException {
        Map<String, Integer> readlinks = requestsByPath(LoadedSamples.load("b-fuse-bindfs.fusedump.gz"), "READLINK");

        assertThat(readlinks).containsEntry(path, count);
        assertThat(readlinks.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(360);
    }

    @ParameterizedTest
    @ValueSource(strings = {"include/empty1/bits", "include/empty2/bits", "include/proj-1.0/bits",
            "third_party/include/bits"})
    void fuseFailedLookupsAreAttributedToParentPlusName(String path) throws CaptureException {
        LoadedSamples.Loaded l = LoadedSamples.load("b-fuse-bindfs.fusedump.gz");
        Session s = l.session();
        int failed = 0;
        int total = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.direction(i) == Direction.REPLY && s.typeName(i).equals("LOOKUP")
                    && s.message(i) instanceof io.lookaside.fuse.FuseReply.Error) {
                total++;
                if (path.equals(l.lifecycles().path(i))) {
                    failed++;
                }
            }
        }
        assertThat(total).isEqualTo(1454);
        assertThat(failed).isEqualTo(207);
    }

    @ParameterizedTest
    @ValueSource(strings = {"b-fuse-bindfs.fusedump.gz", "b-fuse-fuse-overlayfs.fusedump.gz",
            "b-fuse-glusterfs.fusedump.gz"})
    void fuseHandlesOpenedAreReleasedOrReportedOpen(String sample) throws CaptureException {
        LoadedSamples.Loaded l = LoadedSamples.load(sample);
        Session s = l.session();
        int opens = 0;
        int releases = 0;
        for (int i = 0; i < s.size(); i++) {
            String t = s.typeName(i);
            boolean ok = s.direction(i) == Direction.REPLY && s.message(i) instanceof io.lookaside.fuse.FuseReply r
                    && r.header().error() == 0;
            if (ok && (t.equals("OPEN") || t.equals("OPENDIR") || t.equals("CREATE"))) {
                opens++;
            }
            if (s.direction(i) == Direction.REQUEST && (t.equals("RELEASE") || t.equals("RELEASEDIR"))) {
                releases++;
            }
        }
        Lifecycles lc = l.lifecycles();
        long opened = lc.handles().stream().filter(h -> h.flags() >= 0).count();

        assertThat(opened).isEqualTo(opens);
        assertThat(lc.handles().stream().filter(h -> !h.openAtEnd()).count()).isEqualTo(releases);
    }
}
