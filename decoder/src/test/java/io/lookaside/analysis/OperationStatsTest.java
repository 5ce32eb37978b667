package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lookaside.Sidecars;
import io.lookaside.capture.CaptureException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperationStatsTest {
    /** Half the sidecar's last digit (0.05 µs) plus the resolution of a double at today's epoch seconds (0.24 µs). */
    static final double SIDECAR_MEAN_TOLERANCE_US = 0.3;

    @Test
    void ofComputesNearestRankPercentilesMeanAndErrors() {
        NinePTrace t = NinePTrace.create();
        // Ten Tgetattr with waits 10, 20, ... 100 µs; one Twalk that fails; one Tclunk unanswered.
        for (int k = 1; k <= 10; k++) {
            int tag = k;
            long start = k * 1000L;
            t.exchange(start, start + 10L * k, r -> r.tgetattr(tag, 1), r -> r.msg(io.lookaside.ninep.NinePTypes.RGETATTR, tag, getattrBody()));
        }
        t.exchange(20_000, 20_300, r -> r.twalk(50, 1, 2, "x"), r -> r.rlerror(50, 2));
        t.at(30_000).tclunk(51, 2);
        Map<String, OperationStats> ops = byOp(OperationStats.of(Exchanges.of(t.session())));
        OperationStats g = ops.get("Tgetattr");
        assertThat(g.count()).isEqualTo(10);
        assertThat(g.answered()).isEqualTo(10);
        assertThat(g.totalNanos()).isEqualTo(550_000);
        assertThat(g.meanNanos()).isEqualTo(55_000);
        assertThat(g.p50Nanos()).isEqualTo(50_000);
        assertThat(g.p90Nanos()).isEqualTo(90_000);
        assertThat(g.p99Nanos()).isEqualTo(100_000);
        assertThat(g.maxNanos()).isEqualTo(100_000);
        assertThat(ops.get("Twalk").errors()).containsExactly(Map.entry("ENOENT", 1L));
        assertThat(ops.get("Tclunk").answered()).isZero();
        assertThat(ops.get("Tclunk").meanNanos()).isZero();
        // The largest total first.
        assertThat(OperationStats.of(Exchanges.of(t.session())).get(0).op()).isEqualTo("Tgetattr");
    }

    /**
     * Count, total and mean per operation against the sidecar's latency table, which rounds means to 0.1 µs and
     * totals to 0.1 ms, and computed them from timestamps in float seconds: at 1.8e9 s a double resolves about
     * 0.24 µs, so a mean may differ by up to that much beyond the rounding.
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
            b-fuse-bindfs.fusedump.gz,         b-fuse-bindfs.txt,         latency request->reply
            b-fuse-fuse-overlayfs.fusedump.gz, b-fuse-fuse-overlayfs.txt, latency request->reply
            b-fuse-glusterfs.fusedump.gz,      b-fuse-glusterfs.txt,      latency request->reply
            b-fuse-bindfs.tracefs.txt,         b-fuse-bindfs.txt,         kernel-side latency send->end
            b-fuse-fuse-overlayfs.tracefs.txt, b-fuse-fuse-overlayfs.txt, kernel-side latency send->end
            """)
    void ofAgreesWithTheSidecarLatencyTable(String sample, String sidecar, String heading) throws CaptureException {
        Map<String, OperationStats> ops = byOp(OperationStats.of(Exchanges.of(ExchangesTest.load(sample))));
        Map<String, Sidecars.Latency> expected = Sidecars.latency(sidecar, heading);
        assertThat(expected).isNotEmpty();
        expected.forEach((op, row) -> {
            OperationStats o = ops.get(op);
            assertThat(o).as(op).isNotNull();
            assertThat(o.answered()).as(op).isEqualTo(row.count());
            assertThat(o.meanNanos() / 1e3).as(op).isCloseTo(row.meanMicros(), within(SIDECAR_MEAN_TOLERANCE_US));
            assertThat(o.totalNanos() / 1e9).as(op).isCloseTo(row.totalSeconds(), within(0.00006));
        });
    }

    /**
     * 9P: counts of every operation, and means of every operation whose messages fit one TCP segment, against
     * the sidecar's request latency table. The sidecar times a message from its first segment, Lookaside (like
     * Wireshark) from the segment that completes it, so Twrite (with its data) and Tread (Rread with data) differ
     * and are compared by count only. The pcaps have microsecond timestamps.
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
            a-v9fs-busybox-cachenone.pcap.gz,          a-v9fs-busybox-cachenone.txt
            a-v9fs-busybox-cacheloose.pcap.gz,         a-v9fs-busybox-cacheloose.txt
            a-v9fs-busybox-cacheloose-ganesha.pcap.gz, a-v9fs-busybox-cacheloose-ganesha.txt
            a-v9fs-gccsplit-srccachenone.pcap.gz,      a-v9fs-gccsplit-srccachenone.txt
            a-v9fs-gccsplit-srccacheloose.pcap.gz,     a-v9fs-gccsplit-srccacheloose.txt
            a-v9fs-version-9p2000.u-vs-diod.pcap.gz,   a-v9fs-version-9p2000.u-vs-diod.txt
            c-diod-userspace.pcap.gz,                  c-diod-userspace.txt
            """)
    void ofAgreesWithTheNinePSidecarLatencyTable(String sample, String sidecar) throws CaptureException {
        Map<String, OperationStats> ops = byOp(OperationStats.of(Exchanges.of(ExchangesTest.load(sample))));
        Map<String, Sidecars.Latency> expected = Sidecars.latency(sidecar, "request latency");
        assertThat(expected).isNotEmpty();
        assertThat(ops.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((op, row) -> {
            OperationStats o = ops.get(op);
            assertThat(o.count()).as(op).isEqualTo(row.count());
            assertThat(o.answered()).as(op).isEqualTo(row.count());
            if (!op.equals("Twrite") && !op.equals("Tread")) {
                assertThat(o.meanNanos() / 1e3).as(op).isCloseTo(row.meanMicros(), within(SIDECAR_MEAN_TOLERANCE_US));
            }
        });
    }

    /** Rgetattr: valid[8] qid[13] mode uid gid[4 each] nlink rdev size blksize blocks atime_sec atime_nsec mtime_sec
     * mtime_nsec ctime_sec ctime_nsec btime_sec btime_nsec gen data_version[8 each]. */
    static io.lookaside.wire.Wire getattrBody() {
        io.lookaside.wire.Wire w = io.lookaside.wire.Wire.le().u64(0x7FF).u8(0).u32(0).u64(1).u32(0100644).u32(0).u32(0);
        for (int f = 0; f < 15; f++) {
            w.u64(0);
        }
        return w;
    }

    static Map<String, OperationStats> byOp(List<OperationStats> stats) {
        return stats.stream().collect(Collectors.toMap(OperationStats::op, Function.identity()));
    }
}
