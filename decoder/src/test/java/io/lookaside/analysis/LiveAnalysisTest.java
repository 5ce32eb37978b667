package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.HandleLifetime;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.LoadedSamples;
import io.lookaside.lifecycle.NodeLifetime;
import io.lookaside.report.ReportBuilder;
import io.lookaside.report.ReportJson;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streaming analysis fed a real sample in randomly sized batches, as a live capture or a
 * loader hands it out: after each batch, its snapshot equals the batch analysis of the prefix it
 * settled (the report, byte for byte, and every lifetime, path and lookup), and once complete,
 * the batch analysis of the whole capture.
 */
class LiveAnalysisTest {

    @ParameterizedTest
    @CsvSource({
        "a-v9fs-busybox-cachenone.pcap.gz, 11",
        "a-v9fs-gccsplit-srccacheloose.pcap.gz, 12",
        "c-diod-userspace.pcap.gz, 13",
        "a-v9fs-version-9p2000.u-vs-diod.pcap.gz, 14",
        "b-fuse-bindfs.fusedump.gz, 15",
        "b-fuse-fuse-overlayfs.fusedump.gz, 16",
        "b-fuse-bindfs.tracefs.txt, 17",
    })
    void snapshotAfterEachBatchEqualsTheBatchAnalysisOfItsPrefix(String sample, long seed) throws Exception {
        Session whole = LoadedSamples.load(sample).session();
        Random random = new Random(seed);
        LiveAnalysis live = new LiveAnalysis();
        Lifecycles.Stream stream = new Lifecycles.Stream();
        int fed = 0;
        int snapshots = 0;
        int behind = 0;
        Lifecycles previous = null;
        String previousText = null;
        int previousSize = 0;
        while (fed < whole.size()) {
            // Mostly small batches (a live capture's second), now and then a large one.
            int batch = random.nextInt(8) == 0 ? 1 + random.nextInt(whole.size() / 3 + 1) : 1 + random.nextInt(400);
            fed = Math.min(whole.size(), fed + batch);
            Session grown = whole.prefix(fed);
            live.update(grown);
            stream.update(grown, false);
            assertThat(stream.settled()).isEqualTo(live.settled()).isLessThanOrEqualTo(fed);
            behind = Math.max(behind, fed - live.settled());
            Session settled = whole.prefix(live.settled());
            if (previous != null) {
                assertThat(describe(previous, previousSize)).as("an earlier snapshot of %s, after more rows", sample)
                        .isEqualTo(previousText);
            }
            previous = stream.snapshot();
            previousSize = settled.size();
            previousText = describe(previous, previousSize);
            assertThat(previousText)
                    .as("lifecycles of %s after %d rows (settled %d)", sample, fed, live.settled())
                    .isEqualTo(describe(Lifecycles.of(settled), settled.size()));
            if (random.nextInt(4) == 0 || fed == whole.size()) {
                assertThat(report(live.snapshot()))
                        .as("report of %s after %d rows (settled %d)", sample, fed, live.settled())
                        .isEqualTo(report(Analyzer.analyze(settled)));
                snapshots++;
            }
        }
        live.complete(whole);
        assertThat(live.settled()).isEqualTo(whole.size());
        assertThat(report(live.snapshot())).isEqualTo(report(Analyzer.analyze(whole)));
        assertThat(snapshots).isPositive();
        // The settled prefix trails the rows fed by the requests still waiting for their reply only.
        assertThat(behind).isLessThan(whole.size());
    }

    /** The report command's way: the lifecycles stream on their own thread while the capture loads. */
    @ParameterizedTest
    @CsvSource({
        "a-v9fs-gccsplit-srccachenone.pcap.gz",
        "c-diod-userspace.pcap.gz",
        "b-fuse-glusterfs.fusedump.gz",
        "b-fuse-bindfs.strace.txt.gz",
    })
    void analysisWhileLoadingEqualsTheAnalysisOfTheLoadedCapture(String sample) throws Exception {
        Session s;
        Analysis streamed;
        int[] prefixes = new int[1];
        try (AnalysisWhileLoading analysis = new AnalysisWhileLoading()) {
            // A prefix at every progress report: as many as the loader makes.
            s = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE, p -> {
                prefixes[0]++;
                analysis.accept(p);
            }, Duration.ZERO);
            streamed = analysis.finish(s);
        }
        assertThat(prefixes[0]).isGreaterThan(1);
        String lifecycles = describe(Lifecycles.of(s), s.size());
        String report = report(Analyzer.analyze(s));
        assertThat(describe(streamed.lifecycles(), s.size())).isEqualTo(lifecycles);
        assertThat(report(streamed)).isEqualTo(report);
        // The loader cuts at its progress reports only; prefixes cut anywhere, faster than the stream takes them.
        Random random = new Random(sample.hashCode());
        try (AnalysisWhileLoading analysis = new AnalysisWhileLoading()) {
            for (int k = 1; k < s.size(); k += 1 + random.nextInt(200)) {
                analysis.accept(s.prefix(k));
                if (random.nextInt(16) == 0) {
                    Thread.sleep(1);
                }
            }
            streamed = analysis.finish(s);
        }
        assertThat(describe(streamed.lifecycles(), s.size())).isEqualTo(lifecycles);
        assertThat(report(streamed)).isEqualTo(report);
    }

    private static String report(Analysis a) {
        return ReportJson.toString(ReportBuilder.build(a, ReportBuilder.Options.DEFAULT));
    }

    /** Everything the lifecycles say about a session of {@code size} rows, as text. */
    static String describe(Lifecycles l, int size) {
        StringBuilder b = new StringBuilder();
        for (FidLifetime f : l.fids()) {
            b.append(f.index()).append(' ').append(f.conn()).append(' ').append(f.fid()).append(' ').append(f.origin())
                    .append(' ').append(f.createdAt()).append(' ').append(f.source()).append(' ').append(f.openedAt())
                    .append(' ').append(f.openFlags()).append(' ').append(f.orclose()).append(' ').append(f.xattrCreateAt())
                    .append(' ').append(f.endedAt()).append(' ').append(f.end()).append(' ').append(f.qidKnown())
                    .append(' ').append(f.qidPath()).append(' ').append(f.qidVersion()).append(' ').append(f.pathHistory())
                    .append('\n');
        }
        for (NodeLifetime n : l.nodes()) {
            b.append(n.index()).append(' ').append(n.conn()).append(' ').append(n.nodeid()).append(' ').append(n.origin())
                    .append(' ').append(n.createdAt()).append(' ').append(n.forgottenAt()).append(' ').append(n.lookups())
                    .append(' ').append(n.counts()).append(' ').append(n.pathHistory()).append('\n');
        }
        for (HandleLifetime h : l.handles()) {
            b.append(h).append(' ').append(h.releasedAt()).append('\n');
        }
        for (int i = 0; i < size; i++) {
            FidLifetime f = l.fid(i);
            FidLifetime c = l.created(i);
            NodeLifetime n = l.node(i);
            HandleLifetime h = l.handle(i);
            b.append(i).append(' ').append(l.path(i)).append(' ').append(f == null ? -1 : f.index())
                    .append(' ').append(c == null ? -1 : c.index()).append(' ').append(l.entryQid(i))
                    .append(' ').append(n == null ? -1 : n.index()).append(' ').append(h == null ? -1 : h.index())
                    .append('\n');
        }
        for (int k = 0; k < l.ninePReplies(); k++) {
            b.append(l.ninePReply(k)).append(' ');
        }
        b.append('\n').append(l.dentries().all());
        return b.toString();
    }
}
