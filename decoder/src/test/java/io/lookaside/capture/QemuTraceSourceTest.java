package io.lookaside.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookaside.ninep.NinePTypes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QEMU's v9fs trace log as a 9P input: a real log of the live test's guest, and hand-made lines. */
class QemuTraceSourceTest {
    private static final Path LOG = Path.of("src/test/resources/qemu-trace/v9fs-live-wl.log");

    @TempDir
    Path tmp;

    @Test
    void detectedByContent() throws Exception {
        assertThat(InputKind.detect(LOG)).isEqualTo(InputKind.QEMU_TRACE);
        assertThat(InputKind.fromKey("qemu-trace")).isEqualTo(InputKind.QEMU_TRACE);
    }

    @Test
    void everyEventOfTheRealLogIsOneMessage() throws Exception {
        RecordingSink s = read(LOG);
        long lines = Files.readAllLines(LOG).size();
        long synthesized = s.messages.stream().filter(m -> m.frame() > 0
                && s.messages.stream().filter(o -> o.frame() == m.frame()).count() == 2 && !m.fromClient()).count();
        assertThat(s.messages).hasSize((int) (lines + synthesized));
        assertThat(s.connections).containsExactly("virtio-9p (QEMU trace)");
        RecordingSink.Message version = s.messages.get(0);
        assertThat(version.type()).isEqualTo(NinePTypes.TVERSION);
        assertThat(version.tag()).isEqualTo(0xFFFF);
        assertThat(version.flags()).isZero();
        // Tversion: size type tag msize[4] version[s] = 7 + 4 + 2 + 8
        assertThat(version.bytes()).hasSize(21);
        assertThat(version.u32(0)).isEqualTo(21);
        assertThat(version.u32(7)).isEqualTo(131072);
        assertThat(version.tsNanos()).isEqualTo(1796685583_402175000L);
        assertThat(s.said("no walk names")).isTrue();
    }

    @Test
    void bodiesOnlyWhereTheEventNamesEveryField() throws Exception {
        RecordingSink s = lines(
                "7@1.000001:v9fs_getattr tag 3 id 24 fid 9 request_mask 2047",
                "7@1.000002:v9fs_getattr_return tag 3 id 24 getattr={result_mask 2047 mode 16877 uid 0 gid 0}",
                "7@1.000003:v9fs_read tag 4 id 116 fid 9 off 0 max_count 4096",
                "7@1.000004:v9fs_read_return tag 4 id 116 count 6 err 17",
                "7@1.000005:v9fs_walk tag 5 id 110 fid 1 newfid 2 nwnames 1",
                "7@1.000006:v9fs_rerror tag 5 id 110 err 2",
                "7@1.000007:v9fs_readlink_return tag 6 id 22 name target with spaces");
        RecordingSink.Message tgetattr = s.messages.get(0);
        assertThat(tgetattr.flags()).isZero();
        assertThat(tgetattr.bytes()).hasSize(7 + 4 + 8);
        assertThat(tgetattr.u32(7)).isEqualTo(9);
        assertThat(s.messages.get(1).flags()).isEqualTo(MessageSink.HEADER_ONLY | MessageSink.SYNTHETIC_HEADER);
        assertThat(s.messages.get(1).type()).isEqualTo(NinePTypes.RGETATTR);
        RecordingSink.Message rread = s.messages.get(3);
        assertThat(rread.flags()).as("the size is known, the data is not").isEqualTo(MessageSink.HEADER_ONLY);
        assertThat(rread.u32(0)).isEqualTo(17);
        assertThat(s.messages.get(4).flags()).isEqualTo(MessageSink.HEADER_ONLY | MessageSink.SYNTHETIC_HEADER);
        RecordingSink.Message rlerror = s.messages.get(5);
        assertThat(rlerror.type()).isEqualTo(NinePTypes.RLERROR);
        assertThat(rlerror.u32(7)).isEqualTo(2);
        RecordingSink.Message rreadlink = s.messages.get(6);
        int n = ByteBuffer.wrap(rreadlink.bytes()).order(ByteOrder.LITTLE_ENDIAN).getShort(7);
        assertThat(new String(rreadlink.bytes(), 9, n, StandardCharsets.ISO_8859_1)).isEqualTo("target with spaces");
    }

    @Test
    void anUntracedReplyIsAddedWhenItsTagComesBack() throws Exception {
        RecordingSink s = lines(
                "7@1.000001:v9fs_clunk tag 0 id 120 fid 3",
                "7@1.000009:v9fs_getattr tag 0 id 24 fid 1 request_mask 1");
        assertThat(s.messages).hasSize(3);
        RecordingSink.Message rclunk = s.messages.get(1);
        assertThat(rclunk.type()).isEqualTo(NinePTypes.RCLUNK);
        assertThat(rclunk.tsNanos()).isEqualTo(s.messages.get(0).tsNanos());
        assertThat(rclunk.flags()).isEqualTo(MessageSink.HEADER_ONLY | MessageSink.SYNTHETIC_HEADER);
        assertThat(s.said("added header-only")).isTrue();
    }

    @Test
    void badLinesAreCountedNotFatal() throws Exception {
        RecordingSink s = lines(
                "7@1.000001:v9fs_getattr tag 99999 id 24 fid 1 request_mask 1",
                "7@1.000002:v9fs_getattr tag 1 id 24 fid x",
                "7@99999999999.000003:v9fs_clunk tag 1 id 120 fid 1",
                "7@1.000004:v9fs_clunk tag 2 id 120 fid 1");
        assertThat(s.messages).hasSize(1);
        assertThat(s.said("3 v9fs trace lines could not be read")).isTrue();
    }

    @Test
    void withoutTimestampsTheUserIsToldHow() throws Exception {
        RecordingSink s = lines("v9fs_clunk tag 2 id 120 fid 1");
        assertThat(s.messages).hasSize(1);
        assertThat(s.said("-msg timestamp=on")).isTrue();
    }

    @Test
    void aFileWithoutEventsIsRefused() throws Exception {
        Path f = Files.writeString(tmp.resolve("x.log"), "nothing here\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(CaptureException.class).hasMessageContaining("no v9fs_*");
    }

    private RecordingSink lines(String... lines) throws Exception {
        return read(Files.writeString(tmp.resolve("t.log"), String.join("\n", lines) + "\n"));
    }

    private static RecordingSink read(Path p) throws Exception {
        RecordingSink s = new RecordingSink();
        new QemuTraceSource(p).read(s, LoadMonitor.NONE);
        return s;
    }
}
