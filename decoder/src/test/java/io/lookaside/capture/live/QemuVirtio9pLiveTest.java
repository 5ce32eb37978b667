package io.lookaside.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.QemuTraceSource;
import io.lookaside.capture.RecordingSink;
import io.lookaside.ninep.NinePTypes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * QEMU with a virtio-9p export (trans=virtio: no network anywhere) and its v9fs_* trace
 * followed live while the guest mounts the export, runs a small workload and powers off.
 */
class QemuVirtio9pLiveTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void followsTheV9fsTraceWhileTheGuestWorks() throws Exception {
        LiveGuest.prepare();
        Path export = Files.createDirectories(tmp.resolve("export/dir"));
        Files.writeString(tmp.resolve("export/hello.txt"), "hello from the host\n");
        Files.writeString(export.resolve("f"), "x\n");
        Files.createSymbolicLink(tmp.resolve("export/link"), Path.of("hello.txt"));
        Path log = tmp.resolve("qemu-v9fs.log"); // QEMU creates it after the capture has started
        Path written = tmp.resolve("captured.qemu-trace.log");

        LiveTests.Running live = new LiveTests.Running(new QemuTraceLiveSource(log, written, false));
        String console = LiveGuest.boot(LiveGuest.qemu("live.trans=virtio",
                "-fsdev", "local,id=fs0,path=" + tmp.resolve("export") + ",security_model=none",
                "-device", "virtio-9p-pci,fsdev=fs0,mount_tag=lab", "-nic", "none",
                "-trace", "v9fs_*", "-D", log.toString(), "-msg", "timestamp=on"), tmp.resolve("console.txt"), 240);
        assertThat(console).contains("LIVE-WL-DONE");
        live.awaitMessages(100, 10);
        RecordingSink seen = live.stop();

        assertThat(Files.readString(tmp.resolve("export/guest-wrote.txt"))).isEqualTo("written by the guest\n");
        assertThat(seen.connections).containsExactly("virtio-9p (QEMU trace)");
        Set<Integer> types = new TreeSet<>();
        Set<Integer> errors = new TreeSet<>();
        for (RecordingSink.Message m : seen.messages) {
            types.add(m.type());
            if (m.type() == NinePTypes.RLERROR) {
                errors.add(ByteBuffer.wrap(m.bytes()).order(ByteOrder.LITTLE_ENDIAN).getInt(7));
            }
        }
        assertThat(types).contains(NinePTypes.TVERSION, NinePTypes.RVERSION, NinePTypes.TATTACH, NinePTypes.TWALK,
                NinePTypes.TGETATTR, NinePTypes.TREADDIR, NinePTypes.TREADLINK, NinePTypes.RREADLINK,
                NinePTypes.TLCREATE, NinePTypes.TWRITE, NinePTypes.RWRITE, NinePTypes.TCLUNK);
        assertThat(errors).as("stat of missing names: ENOENT").contains(2);
        assertThat(seen.messages.get(0).tsNanos()).as("QEMU's wall-clock times")
                .isGreaterThan(1_600_000_000L * 1_000_000_000L);
        LiveTests.assertSameMessages(seen, LiveTests.offline(new QemuTraceSource(written)));
        assertThat(Files.readAllLines(written)).isEqualTo(Files.readAllLines(log));
    }
}
