package io.lookaside.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.RecordingSink;
import io.lookaside.capture.StraceSource;
import io.lookaside.capture.TracefsSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real FUSE daemon (bindfs) watched live: by pid through strace, and through the kernel's
 * fuse tracepoints; each capture reopens with the messages the live run delivered.
 */
class FuseLiveSourcesTest {
    private static final int LOOKUP = 1;
    private static final int READLINK = 5;
    private static final int WRITE = 16;
    private static final int ENOENT = -2;

    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void attachesToBindfsByPidAndDetachesWithoutDisturbingIt() throws Exception {
        LiveTests.requireProgram("strace");
        try (BindfsDaemon fs = new BindfsDaemon()) {
            Path written = tmp.resolve("bindfs.strace.txt");
            LiveTests.Running live = new LiveTests.Running(new StraceLiveSource(fs.pid(), written, false));
            fs.workload("strace");
            live.awaitMessages(20, 10);
            RecordingSink seen = live.stop();
            fs.assertStillServes();

            assertThat(live.source.endReason()).isNull();
            assertThat(live.ticks).isPositive();
            assertThat(seen.connections).hasSize(1).first().asString().contains("/dev/fuse");
            assertThat(requestOpcodes(seen)).contains(LOOKUP, READLINK, WRITE);
            assertThat(errors(seen)).contains(ENOENT);
            assertThat(live.source.counters().records()).isPositive();
            LiveTests.assertSameMessages(seen, LiveTests.offline(new StraceSource(written)));
        }
    }

    @Test
    @Timeout(120)
    void followsTheFuseTracepointsInAnInstanceOfItsOwn() throws Exception {
        LiveTests.requireRoot();
        LiveTests.require(Files.isDirectory(TracefsLiveSource.TRACEFS.resolve("events/fuse"))
                || !Files.isDirectory(TracefsLiveSource.TRACEFS.resolve("events")), "fuse tracepoints in this kernel");
        try (BindfsDaemon fs = new BindfsDaemon()) {
            Path written = tmp.resolve("fuse.tracefs.txt");
            TracefsLiveSource source = new TracefsLiveSource(written, false);
            LiveTests.Running live = new LiveTests.Running(source);
            Path instance = Files.list(TracefsLiveSource.TRACEFS.resolve("instances"))
                    .filter(p -> p.getFileName().toString().startsWith("lookaside-" + ProcessHandle.current().pid()))
                    .findFirst().orElseThrow();
            fs.workload("tracefs");
            live.awaitMessages(20, 10);
            RecordingSink seen = live.stop();

            assertThat(instance).as("the instance is removed at stop").doesNotExist();
            assertThat(source.counters().dropped()).isZero();
            assertThat(requestOpcodes(seen)).contains(LOOKUP, READLINK, WRITE);
            assertThat(errors(seen)).contains(ENOENT);
            assertThat(seen.said("realtime=")).as("no \"no realtime marker\" note: our marker set the clock").isFalse();
            assertThat(Files.readAllLines(written).get(0)).contains("lookaside-sync realtime=");
            LiveTests.assertSameMessages(seen, LiveTests.offline(new TracefsSource(written)));
            fs.assertStillServes();
        }
    }

    /** Opcodes of the FUSE requests: fuse_in_header.opcode at offset 4. */
    private static java.util.Set<Integer> requestOpcodes(RecordingSink s) {
        java.util.Set<Integer> ops = new java.util.TreeSet<>();
        for (RecordingSink.Message m : s.messages) {
            if (m.fromClient() && m.bytes().length >= 8) {
                ops.add(m.u32(4));
            }
        }
        return ops;
    }

    /** fuse_out_header.error of the replies. */
    private static java.util.Set<Integer> errors(RecordingSink s) {
        java.util.Set<Integer> errs = new java.util.TreeSet<>();
        for (RecordingSink.Message m : s.messages) {
            if (!m.fromClient() && m.bytes().length >= 16) {
                errs.add(ByteBuffer.wrap(m.bytes()).order(ByteOrder.LITTLE_ENDIAN).getInt(4));
            }
        }
        return errs;
    }
}
