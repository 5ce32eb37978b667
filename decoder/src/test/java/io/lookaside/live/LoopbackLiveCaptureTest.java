package io.lookaside.live;

import static io.lookaside.live.LiveLab.assertSameMessages;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.live.LiveCounters;
import io.lookaside.capture.live.PcapLiveSource;
import io.lookaside.session.Session;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Real 9P traffic from diod and its clients on loopback, captured live on {@code lo}: the
 * session the capture builds as packets arrive equals, message by message and in its report,
 * what the written file gives when it is opened again.
 */
class LoopbackLiveCaptureTest extends LoopbackDiodTest {
    private static PcapLiveSource.Options lo(String name) {
        return PcapLiveSource.Options.of("lo", dir.resolve(name)).withPort(diod.port);
    }

    @Test
    void theLiveSessionEqualsTheWrittenFile() throws Exception {
        Session live;
        try (Capturing c = new Capturing(lo("browse.pcapng"), LiveSession.Limits.NONE)) {
            diod.browse();
            diod.load(1, 4);
            live = c.stop();
            LiveSession.Snapshot end = c.last();
            assertThat(end.ended()).isTrue();
            assertThat(end.endReason()).isEqualTo("stopped");
            assertThat(end.session()).isSameAs(live);
            assertThat(end.counters().dropped()).as("ps_drop").isEqualTo(0);
            assertThat(c.snapshots.stream().filter(s -> !s.ended()).mapToLong(LiveSession.Snapshot::messages))
                    .as("snapshots while it ran").isNotEmpty().isSorted();
        }
        assertThat(LiveLab.count(live, "Tversion")).isGreaterThanOrEqualTo(3);
        assertThat(LiveLab.count(live, "Rlerror")).as("the missing file").isGreaterThanOrEqualTo(1);
        assertThat(LiveLab.count(live, "Rgetattr")).as("diodload -g").isGreaterThan(100);
        assertThat(live.sourceKind()).isEqualTo("pcapng");

        Session file = LiveLab.load(dir.resolve("browse.pcapng"), diod.port);
        assertSameMessages(live, file);
        assertThat(LiveLab.report(live)).isEqualTo(LiveLab.report(file));
    }

    /** libpcap maps the packet socket's ring into this JVM: its size is the kernel buffer asked for. */
    @Test
    void theKernelBufferIsTheSizeAsked() throws Exception {
        Session live;
        try (Capturing c = new Capturing(lo("buffer.pcapng").withBuffer(16), LiveSession.Limits.NONE)) {
            assertThat(packetRings()).as("packet socket rings mapped now").contains(16L << 20).doesNotContain(64L << 20);
            diod.browse();
            live = c.stop();
        }
        assertSameMessages(live, LiveLab.load(dir.resolve("buffer.pcapng"), diod.port));
        assertThat(LiveLab.count(live, "Tversion")).isGreaterThanOrEqualTo(1);
    }

    /** The sizes of the socket mappings of this process ({@code /proc/self/maps} lines naming {@code socket:[INODE]}). */
    private static java.util.List<Long> packetRings() throws java.io.IOException {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps")).stream()
                .filter(l -> l.contains("socket:["))
                .map(l -> l.split(" ", 2)[0].split("-"))
                .map(r -> Long.parseUnsignedLong(r[1], 16) - Long.parseUnsignedLong(r[0], 16))
                .toList();
    }

    @Test
    void aPcapNameWritesNanosecondPcapThatReopensTheSame() throws Exception {
        Session live;
        try (Capturing c = new Capturing(lo("browse.pcap"), LiveSession.Limits.NONE)) {
            diod.browse();
            live = c.stop();
        }
        assertThat(live.sourceKind()).isEqualTo("pcap");
        assertThat(java.nio.file.Files.readAllBytes(dir.resolve("browse.pcap"))).startsWith(0x4d, 0x3c, 0xb2, 0xa1);
        assertSameMessages(live, LiveLab.load(dir.resolve("browse.pcap"), diod.port));
    }

    @Test
    void theCountLimitStopsTheCapture() throws Exception {
        try (Capturing c = new Capturing(lo("count.pcapng"), new LiveSession.Limits(null, 500))) {
            Thread loader = new Thread(() -> {
                try {
                    diod.load(3, 2);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            loader.start();
            Session live = c.await(30);
            loader.join(30_000);
            assertThat(c.last().endReason()).isEqualTo("500 messages captured");
            assertThat(live.size()).isGreaterThanOrEqualTo(500);
            assertSameMessages(live, LiveLab.load(dir.resolve("count.pcapng"), diod.port));
        }
    }

    @Test
    void theDurationLimitStopsAnIdleCapture() throws Exception {
        long t0 = System.nanoTime();
        try (Capturing c = new Capturing(lo("idle.pcapng"), new LiveSession.Limits(Duration.ofMillis(700), 0))) {
            Session live = c.await(10);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(took).isBetween(Duration.ofMillis(700), Duration.ofSeconds(3));
            assertThat(c.last().endReason()).isEqualTo("0.7 s elapsed");
            assertThat(c.snapshots).as("snapshots tick while idle").hasSizeGreaterThanOrEqualTo(3);
            LiveCounters counters = c.last().counters();
            assertThat(counters.dropped()).isEqualTo(0);
            assertSameMessages(live, LiveLab.load(dir.resolve("idle.pcapng"), diod.port));
        }
    }
}
