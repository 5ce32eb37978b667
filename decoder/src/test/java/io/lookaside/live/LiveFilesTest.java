package io.lookaside.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.live.PcapLiveSource;
import io.lookaside.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a live capture leaves on disk: a ring of files named as dumpcap names them, a pcapng
 * that Wireshark's tools read with its nanosecond times and statistics, and, when a packet is
 * lost (what a drop does), a gap the decoder reports instead of silently misreading the stream.
 */
class LiveFilesTest extends LoopbackDiodTest {
    @Test
    void aRingKeepsTheNewestFilesEachAWholeCapture() throws Exception {
        Path ringDir = Files.createDirectories(dir.resolve("ring"));
        Path base = ringDir.resolve("storm.pcapng");
        Session live;
        List<Path> kept;
        try (Capturing c = new Capturing(PcapLiveSource.Options.of("lo", base).withPort(diod.port).withRing(3, 200_000),
                LiveSession.Limits.NONE)) {
            diod.load(1, 2);
            live = c.stop();
            kept = c.source.files();
        }
        assertThat(live.size()).as("messages").isGreaterThan(3000); // more than three files' worth
        try (Stream<Path> files = Files.list(ringDir)) {
            assertThat(files.sorted().toList()).hasSize(3).containsExactlyElementsOf(kept);
        }
        assertThat(kept).allSatisfy(f -> assertThat(f.getFileName().toString()).matches("storm_\\d{5}_\\d{14}\\.pcapng"));
        long last = 0;
        for (Path f : kept) {
            Session part = LiveLab.load(f, diod.port);
            assertThat(Files.size(f)).isLessThan(200_000 + 70_000);
            assertThat(part.size()).isGreaterThan(0);
            assertThat(part.tsNanos(0)).as("each file takes up where the one before ended").isGreaterThan(last);
            last = part.tsNanos(part.size() - 1);
        }
    }

    @Test
    void tsharkReadsTheFileWithNanosecondsAndStatistics() throws Exception {
        Path file = dir.resolve("tshark.pcapng");
        try (Capturing c = new Capturing(PcapLiveSource.Options.of("lo", file).withPort(diod.port), LiveSession.Limits.NONE)) {
            diod.browse();
            c.stop();
        }
        LiveLab.require(LiveLab.which("capinfos") != null, "capinfos is not installed (Debian: apt-get install tshark)");
        LiveLab.Result info = LiveLab.run(30, "capinfos", "-M", file.toString());
        assertThat(info.code()).as(info.out()).isEqualTo(0);
        assertThat(info.out()).contains("nanoseconds (9)").contains("Ethernet").contains("262144");
        LiveLab.Result isb = LiveLab.run(30, "tshark", "-r", file.toString(), "-q", "-z", "io,stat,0");
        assertThat(isb.code()).as(isb.out()).isEqualTo(0);
    }

    @Test
    void aLostPacketBecomesAGapDiagnostic() throws Exception {
        Path file = dir.resolve("whole.pcapng");
        Session live;
        try (Capturing c = new Capturing(PcapLiveSource.Options.of("lo", file).withPort(diod.port), LiveSession.Limits.NONE)) {
            diod.load(1, 1);
            live = c.stop();
        }
        assertThat(live.diagnostics()).noneMatch(d -> d.text().contains("missing"));
        // Lose one data-carrying packet from the middle, as a kernel drop would.
        LiveLab.require(LiveLab.which("tshark") != null, "tshark is not installed");
        int middle = live.size() / 2;
        long lost = live.frame(middle);
        Path cut = dir.resolve("dropped.pcapng");
        LiveLab.Result r = LiveLab.run(60, "tshark", "-r", file.toString(), "-Y", "frame.number != " + lost, "-w", cut.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(0);
        Session s = LiveLab.load(cut, diod.port);
        assertThat(s.diagnostics()).map(Diagnostic::text).anySatisfy(t -> assertThat(t).contains("bytes missing"));
        assertThat(s.size()).isLessThan(live.size());
    }
}
