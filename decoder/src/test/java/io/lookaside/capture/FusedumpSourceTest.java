package io.lookaside.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookaside.Allocation;
import io.lookaside.Samples;
import io.lookaside.wire.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FusedumpSourceTest {
    @TempDir
    Path dir;

    /** INIT request (104 bytes) and its 80-byte reply, little- or big-endian. */
    private static byte[] initRequest(Wire w) {
        return w.u32(104).u32(26).u64(2).u64(0).u32(0).u32(0).u32(0).u32(0).u32(7).u32(45).zeros(56).bytes();
    }

    private static byte[] initReply(Wire w) {
        return w.u32(80).u32(0).u64(2).u32(7).u32(31).zeros(56).bytes();
    }

    /** A v2 record: dir, nitems 3, timestamp, signature, message. */
    private static Wire v2(Wire w, char dir, long sec, long nsec, byte[] msg) {
        return w.u8(dir).u32(3).u32(16).u64(sec).u32(nsec).u32(9).raw("STRA".getBytes()).u8(0xCE).raw(msg);
    }

    private RecordingSink read(byte[] file) throws IOException, CaptureException {
        Path p = dir.resolve("x.fusedump");
        Files.write(p, file);
        RecordingSink sink = new RecordingSink();
        new FusedumpSource(p).read(sink, LoadMonitor.NONE);
        return sink;
    }

    @Test
    void readV2GivesMessagesWithTimestampsAndDirections() throws Exception {
        Wire w = Wire.le();
        v2(w, 'R', 100, 5, initRequest(Wire.le()));
        v2(w, 'W', 101, 7, initReply(Wire.le()));
        RecordingSink s = read(w.bytes());
        assertThat(s.connections).containsExactly("fusedump");
        assertThat(s.messages).hasSize(2);
        assertThat(s.messages.get(0).fromClient()).isTrue();
        assertThat(s.messages.get(0).tsNanos()).isEqualTo(100_000_000_005L);
        assertThat(s.messages.get(0).bytes()).isEqualTo(initRequest(Wire.le()));
        assertThat(s.messages.get(1).fromClient()).isFalse();
        assertThat(s.messages.get(1).frame()).isEqualTo(2);
        assertThat(s.said("STRA\\xce")).isTrue();
        assertThat(s.truncated).isFalse();
    }

    @Test
    void readAllocatesForTheBytesPresentNotForTheLengthField() throws Exception {
        Wire w = Wire.le();
        v2(w, 'R', 100, 5, initRequest(Wire.le()));
        v2(w, 'W', 101, 7, Wire.le().u32(FusedumpSource.MAX_MESSAGE).u32(0).u64(2).zeros(100).bytes());
        RecordingSink[] s = new RecordingSink[1];

        long allocated = Allocation.of(() -> s[0] = read(w.bytes()));

        assertThat(allocated).as("bytes allocated for a record whose len says 64 MiB").isLessThan(4L << 20);
        assertThat(s[0].messages).hasSize(1);
        assertThat(s[0].said("ends inside record 2")).isTrue();
        assertThat(s[0].truncated).isTrue();
    }

    @Test
    void readV2BigEndianFramesInTheHostsOrder() throws Exception {
        Wire w = Wire.be();
        v2(w, 'R', 100, 5, initRequest(Wire.be()));
        RecordingSink s = read(w.bytes());
        assertThat(s.messages).hasSize(1);
        assertThat(s.messages.get(0).tsNanos()).isEqualTo(100_000_000_005L);
        assertThat(s.messages.get(0).bytes()).isEqualTo(initRequest(Wire.be()));
    }

    @Test
    void readV1GivesMessagesWithoutTimestamps() throws Exception {
        byte[] file = Wire.le().u8('R').raw(initRequest(Wire.le())).u8('W').raw(initReply(Wire.le())).bytes();
        RecordingSink s = read(file);
        assertThat(s.messages).extracting(RecordingSink.Message::tsNanos).containsExactly(0L, 0L);
        assertThat(s.messages).extracting(RecordingSink.Message::fromClient).containsExactly(true, false);
        assertThat(s.said("v1")).isTrue();
    }

    @Test
    void readCutRecordKeepsWhatCameBeforeAndSaysTruncated() throws Exception {
        Wire w = Wire.le();
        v2(w, 'R', 100, 5, initRequest(Wire.le()));
        v2(w, 'W', 101, 7, initReply(Wire.le()));
        byte[] all = w.bytes();
        RecordingSink s = read(Arrays.copyOf(all, all.length - 30));
        assertThat(s.messages).hasSize(1);
        assertThat(s.truncated).isTrue();
        assertThat(s.said("ends inside record 2")).isTrue();
    }

    @Test
    void readCorruptRecordStopsWithAWarning() throws Exception {
        Wire w = Wire.le();
        v2(w, 'R', 100, 5, initRequest(Wire.le()));
        w.u8('X').zeros(40);
        RecordingSink s = read(w.bytes());
        assertThat(s.messages).hasSize(1);
        assertThat(s.said("neither 'R' nor 'W'")).isTrue();
    }

    @Test
    void readMessageLengthBelowAHeaderIsCorruption() throws Exception {
        Wire w = Wire.le();
        v2(w, 'R', 100, 5, initRequest(Wire.le()));
        w.u8('W').u32(3).u32(16).u64(1).u32(0).u32(9).zeros(5).u32(8).zeros(4);
        RecordingSink s = read(w.bytes());
        assertThat(s.messages).hasSize(1);
        assertThat(s.said("message length 8")).isTrue();
        assertThatThrownBy(() -> read(Wire.le().u8('R').u32(3).u32(16).u64(1).u32(0).u32(9).zeros(5).u32(8).bytes()))
                .as("the first record already fails: not a fusedump").isInstanceOf(CaptureException.class);
    }

    @Test
    void readRejectsEmptyAndUnframeableFiles() {
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(CaptureException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("R\u00ff\u00ff\u00ff\u00ffhello".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .isInstanceOf(CaptureException.class).hasMessageContaining("not a fusedump");
    }

    @Test
    void readCutGzipSampleEndsCleanly() throws Exception {
        byte[] gz = Files.readAllBytes(Samples.path("b-fuse-glusterfs.fusedump.gz"));
        RecordingSink s = read(Arrays.copyOf(gz, gz.length / 2));
        assertThat(s.messages.size()).isBetween(100, 5349);
        assertThat(s.truncated).isTrue();
    }

    @Test
    void looksLikeFramesTheSamplesAndNothingElse() throws Exception {
        assertThat(FusedumpSource.looksLike(InputFiles.head(Samples.path("b-fuse-glusterfs.fusedump.gz"), 65536))).isTrue();
        assertThat(FusedumpSource.looksLike(Wire.le().u8('R').raw(initRequest(Wire.le())).bytes())).isTrue();
        assertThat(FusedumpSource.looksLike("Read me first\n".getBytes())).isFalse();
        assertThat(FusedumpSource.looksLike(new byte[0])).isFalse();
    }
}
