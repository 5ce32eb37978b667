package io.lookaside.capture.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.QemuTraceSource;
import io.lookaside.capture.RecordingSink;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following a QEMU trace log as it is written, without QEMU: the real log of the live test's
 * guest is written in pieces (cut mid-line, after the follower has started, then truncated and
 * written again), and what the live source delivers must be what the offline reader makes of
 * the copy, and of the original.
 */
class QemuTraceLiveSourceTest {
    private static final Path LOG = Path.of("src/test/resources/qemu-trace/v9fs-live-wl.log");

    @TempDir
    Path tmp;

    @Test
    @Timeout(60)
    void aLogThatAppearsLateAndGrowsInPiecesIsReadWhole() throws Exception {
        byte[] all = Files.readAllBytes(LOG);
        Path log = tmp.resolve("qemu.log");
        Path written = tmp.resolve("copy.log");
        LiveTests.Running live = new LiveTests.Running(new QemuTraceLiveSource(log, written, false));
        Thread.sleep(150); // the follower waits for a file that is not there yet
        try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE_NEW)) {
            for (int at = 0; at < all.length; at += 997) { // pieces that end inside lines
                out.write(all, at, Math.min(997, all.length - at));
                out.flush();
                Thread.sleep(5);
            }
        }
        live.awaitMessages(150, 10);
        RecordingSink seen = live.stop();

        RecordingSink original = LiveTests.offline(new QemuTraceSource(LOG));
        LiveTests.assertSameMessages(seen, original);
        LiveTests.assertSameMessages(seen, LiveTests.offline(new QemuTraceSource(written)));
        assertThat(Files.readAllBytes(written)).isEqualTo(all);
        assertThat(live.ticks).isPositive();
        assertThat(live.source.counters().records()).isEqualTo(Files.readAllLines(LOG).size());
    }

    @Test
    @Timeout(60)
    void aTruncatedLogIsReadAgainFromItsStart() throws Exception {
        List<String> lines = Files.readAllLines(LOG);
        Path log = tmp.resolve("qemu.log");
        Files.write(log, lines.subList(0, 40));
        LiveTests.Running live = new LiveTests.Running(new QemuTraceLiveSource(log, tmp.resolve("copy.log"), false));
        live.awaitMessages(40, 10);
        Files.write(log, lines.subList(0, 10), StandardOpenOption.TRUNCATE_EXISTING); // QEMU started again
        Thread.sleep(300);
        RecordingSink seen = live.stop();
        assertThat(seen.said("truncated or replaced 1 times")).isTrue();
        assertThat(live.source.counters().records()).isEqualTo(50);
    }

    @Test
    void refusesWhatCannotBeFollowed() throws Exception {
        assertThatThrownBy(() -> new QemuTraceLiveSource(tmp.resolve("no/such/dir/q.log"), tmp.resolve("w"), false).start())
                .isInstanceOf(CaptureException.class).hasMessageContaining("directory does not exist");
        Path log = Files.writeString(tmp.resolve("q.log"), "");
        assertThatThrownBy(() -> new QemuTraceLiveSource(log, log, false).start())
                .isInstanceOf(CaptureException.class).hasMessageContaining("is the followed log itself");
    }

    @Test
    @Timeout(60)
    void aLogThatNeverAppearsIsSaid() throws Exception {
        LiveTests.Running live = new LiveTests.Running(new QemuTraceLiveSource(tmp.resolve("never.log"),
                tmp.resolve("copy.log"), false));
        Thread.sleep(200);
        RecordingSink seen = live.stop();
        assertThat(seen.messages).isEmpty();
        assertThat(seen.said("never appeared")).isTrue();
        assertThat(Files.readString(tmp.resolve("copy.log"), StandardCharsets.ISO_8859_1)).isEmpty();
    }
}
