package io.lookaside.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookaside.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracefsSourceTest {
    @TempDir
    Path dir;

    private RecordingSink read(String text) throws IOException, CaptureException {
        Path p = dir.resolve("trace.txt");
        Files.writeString(p, text);
        RecordingSink sink = new RecordingSink();
        new TracefsSource(p).read(sink, LoadMonitor.NONE);
        return sink;
    }

    private static String send(long conn, long req) {
        return "ls-30941 [001] ...1. 3409.632882: fuse_request_send: connection " + conn + " req " + req
                + " opcode 22 (FUSE_GETXATTR) len 65\n";
    }

    @Test
    void readSkipsALineOverTheBoundAndKeepsLineNumbers() throws Exception {
        RecordingSink s = read(send(39, 2) + "x".repeat(TracefsSource.MAX_LINE + 1) + "\n" + send(39, 4));

        assertThat(s.messages).extracting(RecordingSink.Message::frame).containsExactly(1L, 3L);
        assertThat(s.said("1 lines longer than 64 KiB were skipped (first: line 2)")).isTrue();
    }

    @Test
    void readCountsALineWhoseTimestampDoesNotFitAsUnreadable() throws Exception {
        RecordingSink s = read(send(39, 2).replace("3409.632882", "34099999999999999999999.632882")
                + "bash-30874 [001] ...1. 3409.700000: tracing_mark_write: lab-sync realtime=99999999999999999999999.0\n"
                + send(39, 4));

        assertThat(s.messages).extracting(RecordingSink.Message::frame).containsExactly(3L);
        assertThat(s.said("1 fuse_request lines could not be read")).isTrue();
        assertThat(s.said("no \"realtime=\" trace marker")).isTrue();
    }

    @Test
    void readFollowsUpToTheBoundOfConnections() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c <= TracefsSource.MAX_CONNECTIONS; c++) {
            text.append(send(c, 2));
        }

        RecordingSink s = read(text.toString());

        assertThat(s.connections).hasSize(TracefsSource.MAX_CONNECTIONS);
        assertThat(s.messages).hasSize(TracefsSource.MAX_CONNECTIONS);
        assertThat(s.said("1 events of further connections were skipped: more than 4096 FUSE connections")).isTrue();
    }

    @Test
    void readSynthesizesHeadersShiftedToWallClock() throws Exception {
        RecordingSink s = read("""
                      ls-30941   [001] ...1.  3409.632882: fuse_request_send: connection 39 req 6 opcode 22 (FUSE_GETXATTR) len 65
                  bindfs-30935   [000] .....  3409.633155: fuse_request_end: connection 39 req 6 len 16 error -61
                    bash-30874   [001] ...1.  3409.700000: tracing_mark_write: lab-sync realtime=1795248742.000000000
                """);
        assertThat(s.connections).containsExactly("fuse conn 39");
        assertThat(s.messages).hasSize(2);
        RecordingSink.Message send = s.messages.get(0);
        assertThat(send.fromClient()).isTrue();
        assertThat(send.bytes()).hasSize(40);
        assertThat(send.u32(0)).isEqualTo(65);
        assertThat(send.u32(4)).isEqualTo(22);
        assertThat(send.u32(8)).isEqualTo(6);
        assertThat(send.flags()).isEqualTo(MessageSink.HEADER_ONLY | MessageSink.SYNTHETIC_HEADER);
        assertThat(send.tsNanos()).as("marker later in the file still applies").isEqualTo(1795248741_932882000L);
        RecordingSink.Message end = s.messages.get(1);
        assertThat(end.bytes()).hasSize(16);
        assertThat(end.u32(4)).isEqualTo(-61);
        assertThat(end.flags()).isEqualTo(MessageSink.HEADER_ONLY);
        assertThat(end.tsNanos() - send.tsNanos()).isEqualTo(273_000);
    }

    @Test
    void readTraceCmdReportWithTgidAndTwoConnections() throws Exception {
        RecordingSink s = read("""
                cpus=2
                          bindfs-30935 (  30935) [000]  3409.527052: fuse_request_send:    connection 39 req 2 opcode 26 (FUSE_INIT) len 104
                          bindfs-30935 (  30935) [000]  3409.527948: fuse_request_end:     connection 39 req 2 len 40 error 0
                    virtiofsd-4 [001]  3409.600000: fuse:fuse_request_send: connection 40 req 8 opcode 1 (FUSE_LOOKUP) len 45
                """);
        assertThat(s.connections).containsExactly("fuse conn 39", "fuse conn 40");
        assertThat(s.messages).extracting(RecordingSink.Message::conn).containsExactly(0, 0, 1);
        assertThat(s.said("no \"realtime=\" trace marker")).isTrue();
        assertThat(s.messages.get(0).tsNanos()).isEqualTo(3409_527052000L);
    }

    @Test
    void readWithoutFuseEventsIsNotATrace() {
        assertThatThrownBy(() -> read("# tracer: nop\n#\n")).isInstanceOf(CaptureException.class)
                .hasMessageContaining("no fuse_request_send");
    }

    @Test
    void readCountsUnreadableFuseLines() throws Exception {
        RecordingSink s = read("""
                ls-1 [001] ...1.  1.000001: fuse_request_send: connection 39 req 6 opcode 22 (FUSE_GETXATTR) len 65
                ls-1 [001] ...1.  1.000002: fuse_request_send: connection 39 garbage
                """);
        assertThat(s.messages).hasSize(1);
        assertThat(s.said("1 fuse_request lines could not be read")).isTrue();
    }

    @Test
    void looksLikeKnowsTracepointLines() throws Exception {
        assertThat(TracefsSource.looksLike(Files.readString(Samples.path("b-fuse-bindfs.tracefs.txt")).substring(0, 4000)))
                .isTrue();
        assertThat(TracefsSource.looksLike("1795248742.845291 read(3, \"\", 10) = 0\n")).isFalse();
    }
}
