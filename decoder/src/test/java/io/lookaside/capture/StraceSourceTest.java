package io.lookaside.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookaside.Samples;
import io.lookaside.wire.Wire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** strace logs in the forms strace 6 writes them (checked against its output for pipes and writev). */
class StraceSourceTest {
    @TempDir
    Path dir;

    private static final byte[] LOOKUP = Wire.le().u32(48).u32(1).u64(4).u64(1).u32(0).u32(0).u32(77).u32(0)
            .raw("hello.c".getBytes()).u8(0).bytes();
    private static final byte[] REPLY_HEADER = Wire.le().u32(16).u32(-2).u64(4).bytes();
    private static final byte[] INIT_REPLY = Wire.le().u32(40).u32(0).u64(2).u32(7).u32(19).u32(0).u32(0).u32(0)
            .u32(0).bytes();

    /** -xx: every byte as \xHH. */
    static String xx(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("\\x%02x", x & 0xFF));
        }
        return s.toString();
    }

    /** -e read=all / write=all: " | 00000  hex…  ascii |" lines of 16 bytes. */
    static String dump(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int off = 0; off < b.length; off += 16) {
            StringBuilder hex = new StringBuilder();
            StringBuilder ascii = new StringBuilder();
            for (int k = 0; k < 16 && off + k < b.length; k++) {
                int c = b[off + k] & 0xFF;
                hex.append(String.format("%02x ", c));
                if (k == 7) {
                    hex.append(' ');
                }
                ascii.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
            }
            s.append(String.format(" | %05x  %-49s %-16s |%n", off, hex, ascii));
        }
        return s.toString();
    }

    private RecordingSink read(String log) throws IOException, CaptureException {
        return read(log, StraceSource.Limits.DEFAULT);
    }

    private RecordingSink read(String log, StraceSource.Limits limits) throws IOException, CaptureException {
        Path p = dir.resolve("daemon.strace");
        Files.writeString(p, log, StandardCharsets.ISO_8859_1);
        RecordingSink sink = new RecordingSink();
        new StraceSource(p, limits).read(sink, LoadMonitor.NONE);
        return sink;
    }

    private static StraceSource.Limits limits(int maxLine, long maxUnfinishedChars, int maxPipes, int maxDumpBuffers,
            int maxConnections) {
        return new StraceSource.Limits(maxLine, 1 << 20, maxUnfinishedChars, maxPipes, maxDumpBuffers, maxConnections);
    }

    private static final String FUSE_FD = "4<" + xx("/dev/fuse".getBytes(StandardCharsets.US_ASCII)) + ">";

    private static String lookupRead(String fd) {
        return "1000.000100 read(" + fd + ", \"" + xx(LOOKUP) + "\", 1052672) = 48\n";
    }

    @Test
    void readSkipsALineOverTheBoundAndKeepsLineNumbers() throws Exception {
        String log = lookupRead(FUSE_FD) + "1000.000200 write(9, \"" + "x".repeat(1000) + "\", 1000) = 1000\n"
                + lookupRead(FUSE_FD);

        RecordingSink s = read(log, limits(400, 1 << 20, 16, 16, 16));

        assertThat(s.messages).extracting(RecordingSink.Message::frame).containsExactly(1L, 3L);
        assertThat(s.said("1 lines longer than 400 characters were skipped (first: line 2)")).isTrue();
    }

    @Test
    void readKeepsUnfinishedCallsUpToTheBound() throws Exception {
        String head = "read(" + FUSE_FD + ", ";
        String log = "[pid 11] 1000.000100 " + head + " <unfinished ...>\n"
                + "[pid 12] 1000.000110 " + head + " <unfinished ...>\n"
                + "[pid 11] 1000.000200 <... read resumed>\"" + xx(LOOKUP) + "\", 1052672) = 48\n"
                + "[pid 12] 1000.000300 <... read resumed>\"" + xx(LOOKUP) + "\", 1052672) = 48\n";

        RecordingSink s = read(log, limits(1 << 20, head.length() + 2, 16, 16, 16));

        assertThat(s.messages).extracting(RecordingSink.Message::frame).containsExactly(3L);
        assertThat(s.said("1 <unfinished ...> calls were not kept")).isTrue();
    }

    @Test
    void readKeepsVmsplicedHeadersOfUpToTheBoundOfPipes() throws Exception {
        String fuse = "6<" + xx("/dev/fuse".getBytes(StandardCharsets.US_ASCII)) + ">";
        String log = "1000.000100 vmsplice(8<pipe:[1]>, [{iov_base=\"" + xx(REPLY_HEADER) + "\", iov_len=16}], 1, 0) = 16\n"
                + "1000.000200 vmsplice(8<pipe:[2]>, [{iov_base=\"" + xx(REPLY_HEADER) + "\", iov_len=16}], 1, 0) = 16\n"
                + "1000.000300 splice(7<pipe:[2]>, NULL, " + fuse + ", NULL, 4112, 0) = 4112\n"
                + "1000.000400 splice(7<pipe:[1]>, NULL, " + fuse + ", NULL, 4112, 0) = 4112\n";

        RecordingSink s = read(log, limits(1 << 20, 1 << 20, 1, 16, 16));

        assertThat(s.messages).extracting(RecordingSink.Message::frame).containsExactly(4L);
        assertThat(s.messages.get(0).bytes()).isEqualTo(REPLY_HEADER);
        assertThat(s.said("whose reply header was not seen")).isTrue();
        assertThat(s.said("1 vmsplice headers were not kept (more than 1 pipes")).isTrue();
    }

    @Test
    void readIgnoresDumpBuffersPastTheBound() throws Exception {
        String log = "1000.000400 writev(3, [{iov_base=\"" + xx(Arrays.copyOf(REPLY_HEADER, 4)) + "\"..., iov_len=16}], 1) = 16\n"
                + " * 8 bytes in buffer 0\n" + dump(Arrays.copyOf(REPLY_HEADER, 8))
                + " * 8 bytes in buffer 1\n" + dump(Arrays.copyOfRange(REPLY_HEADER, 8, 16));

        RecordingSink whole = read(log, limits(1 << 20, 1 << 20, 16, 2, 16));
        RecordingSink bounded = read(log, limits(1 << 20, 1 << 20, 16, 1, 16));

        assertThat(whole.messages).extracting(RecordingSink.Message::bytes).containsExactly(REPLY_HEADER);
        assertThat(bounded.messages).as("the dump is incomplete and the string cut: nothing to deliver").isEmpty();
    }

    @Test
    void readIgnoresADumpBufferPastTheBoundOfBytes() throws Exception {
        String log = "1000.000100 read(3, \"" + xx(Arrays.copyOf(LOOKUP, 44)) + "\"..., 1052672) = 48\n" + dump(LOOKUP);
        StraceSource.Limits roomy = new StraceSource.Limits(1 << 20, 48, 1 << 20, 16, 16, 16);
        StraceSource.Limits tight = new StraceSource.Limits(1 << 20, 32, 1 << 20, 16, 16, 16);

        RecordingSink whole = read(log, roomy);
        RecordingSink bounded = read(log, tight);

        assertThat(whole.messages).extracting(RecordingSink.Message::bytes).containsExactly(LOOKUP);
        assertThat(bounded.messages).as("the dump is cut: the header of the cut string only")
                .extracting(RecordingSink.Message::flags).containsExactly(MessageSink.HEADER_ONLY);
    }

    @Test
    void readTakesADumpLineWithAnOffsetOfMoreThanEightDigitsAsBroken() throws Exception {
        String log = "1000.000100 read(3, \"" + xx(Arrays.copyOf(LOOKUP, 44)) + "\"..., 1052672) = 48\n"
                + dump(LOOKUP).replaceFirst(" \\| 00010 ", " | 100000000000000000010 ");

        RecordingSink s = read(log);

        assertThat(s.messages).extracting(RecordingSink.Message::flags).containsExactly(MessageSink.HEADER_ONLY);
    }

    @Test
    void readNamesAConnectionAfterAtMost256CharactersOfItsPath() throws Exception {
        String path = "/dev/fuse" + "/x".repeat(3000);

        RecordingSink s = read(lookupRead("4<" + xx(path.getBytes(StandardCharsets.US_ASCII)) + ">"));

        assertThat(s.connections).containsExactly("fd 4 (" + path.substring(0, 256) + "…)");
    }

    @Test
    void readFollowsUpToTheBoundOfFuseFds() throws Exception {
        String other = "5<" + xx("/dev/fuse".getBytes(StandardCharsets.US_ASCII)) + ">";
        String log = lookupRead(FUSE_FD) + lookupRead(other) + lookupRead(FUSE_FD);

        RecordingSink s = read(log, limits(1 << 20, 1 << 20, 16, 16, 1));

        assertThat(s.connections).containsExactly("fd 4 (/dev/fuse)");
        assertThat(s.messages).extracting(RecordingSink.Message::frame).containsExactly(1L, 3L);
        assertThat(s.said("1 messages on further /dev/fuse fds were skipped: more than 1 fds")).isTrue();
    }

    @Test
    void readWithFdAnnotationsTakesOnlyDevFuse() throws Exception {
        String fuse = "4<" + xx("/dev/fuse".getBytes()) + ">";
        String log = "30935 1000.000100 read(3<" + xx("/etc/passwd".getBytes()) + ">, \"" + xx(LOOKUP) + "\", 4096) = 48 <0.000010>\n"
                + "30935 1000.000200 read(" + fuse + ", \"" + xx(LOOKUP) + "\", 1052672) = 48 <0.000050>\n"
                + "30935 1000.000400 writev(" + fuse + ", [{iov_base=\"" + xx(REPLY_HEADER) + "\", iov_len=16}], 1) = 16 <0.000020>\n"
                + "30935 1000.000500 read(" + fuse + ", 0x7f2adf77b010, 1052672) = -1 ENODEV (No such device) <0.000157>\n"
                + "30935 1000.000600 +++ exited with 0 +++\n";
        RecordingSink s = read(log);
        assertThat(s.connections).containsExactly("pid 30935 fd 4 (/dev/fuse)");
        assertThat(s.messages).hasSize(2);
        RecordingSink.Message req = s.messages.get(0);
        assertThat(req.bytes()).isEqualTo(LOOKUP);
        assertThat(req.fromClient()).isTrue();
        assertThat(req.tsNanos()).as("entry + duration: when the daemon got it").isEqualTo(1000_000_250_000L);
        assertThat(req.frame()).isEqualTo(2);
        assertThat(s.messages.get(1).bytes()).isEqualTo(REPLY_HEADER);
        assertThat(s.messages.get(1).tsNanos()).isEqualTo(1000_000_400_000L);
        assertThat(s.said("1 failed")).isTrue();
        assertThat(s.said("1 reads and writes on other files")).isTrue();
    }

    @Test
    void readDumpsRebuildCutStringsAndJoinsResumedCallsAcrossPids() throws Exception {
        byte[] other = "hello world, this is a log line".getBytes();
        String log = "[pid    11] 1000.000100 read(3,  <unfinished ...>\n"
                + "[pid    12] 1000.000150 read(5, \"" + xx(Arrays.copyOf(other, 8)) + "\"..., 100) = 31\n"
                + dump(other)
                + "[pid    11] 1000.000300 <... read resumed>\"" + xx(Arrays.copyOf(LOOKUP, 32)) + "\"..., 1052672) = 48\n"
                + dump(LOOKUP)
                + "[pid    11] 1000.000400 writev(3, [{iov_base=\"" + xx(Arrays.copyOf(REPLY_HEADER, 4)) + "\"..., iov_len=16}], 1) = 16\n"
                + " * 16 bytes in buffer 0\n"
                + dump(REPLY_HEADER);
        RecordingSink s = read(log);
        assertThat(s.connections).containsExactly("pid 11 fd 3");
        assertThat(s.messages).hasSize(2);
        assertThat(s.messages.get(0).bytes()).isEqualTo(LOOKUP);
        assertThat(s.messages.get(0).tsNanos()).as("resumed: the return time").isEqualTo(1000_000_300_000L);
        assertThat(s.messages.get(1).bytes()).isEqualTo(REPLY_HEADER);
        assertThat(s.messages).allMatch(m -> m.flags() == 0);
    }

    @Test
    void readCutStringWithoutDumpKeepsTheHeaderOnly() throws Exception {
        String log = "1000.000100 read(3, \"" + xx(Arrays.copyOf(LOOKUP, 44)) + "\"..., 1052672) = 48\n";
        RecordingSink s = read(log);
        assertThat(s.messages).hasSize(1);
        assertThat(s.messages.get(0).bytes()).isEqualTo(Arrays.copyOf(LOOKUP, 40));
        assertThat(s.messages.get(0).flags()).isEqualTo(MessageSink.HEADER_ONLY);
        assertThat(s.said("-s limit")).isTrue();
    }

    @Test
    void readPlainEscapesAndWriteWithoutAnnotation() throws Exception {
        // default strace escaping: printable bytes as they are, others as \octal or \n
        String log = "1000.000100 write(7, \"\\20\\0\\0\\0\\376\\377\\377\\377\\4\\0\\0\\0\\0\\0\\0\\0\", 16) = 16\n";
        RecordingSink s = read(log);
        assertThat(s.messages).hasSize(1);
        assertThat(s.messages.get(0).bytes()).isEqualTo(REPLY_HEADER);
    }

    @Test
    void readSplicedReplyIsHeaderOnlyWithADiagnostic() throws Exception {
        String pipe = "<" + xx("pipe:[164105]".getBytes()) + ">";
        String fuse = "6<" + xx("/dev/fuse".getBytes()) + ">";
        byte[] read = Wire.le().u32(80).u32(15).u64(0x658).u64(5).u32(0).u32(0).u32(9).u32(0).u64(1).u64(0)
                .u32(131072).u32(0).u64(0).u32(0).u32(0).bytes();
        byte[] header = Wire.le().u32(131088).u32(0).u64(0x658).bytes();
        String log = "31373 1000.000100 read(" + fuse + ", \"" + xx(read) + "\", 1052672) = 80 <0.000010>\n"
                + "31373 1000.000200 vmsplice(8" + pipe + ", [{iov_base=\"" + xx(header) + "\", iov_len=16}], 1, SPLICE_F_NONBLOCK) = 16 <0.000010>\n"
                + "31373 1000.000300 splice(9</srv/blob>, [0], 8" + pipe + ", NULL, 131072, SPLICE_F_NONBLOCK) = 131072 <0.000024>\n"
                + "31373 1000.000400 splice(7" + pipe + ", NULL, " + fuse + ", NULL, 131088, 0) = 131088 <0.000052>\n";
        RecordingSink s = read(log);
        assertThat(s.messages).hasSize(2);
        RecordingSink.Message reply = s.messages.get(1);
        assertThat(reply.bytes()).isEqualTo(header);
        assertThat(reply.flags()).isEqualTo(MessageSink.HEADER_ONLY);
        assertThat(reply.frame()).isEqualTo(4);
        assertThat(s.said("written with splice")).isTrue();
    }

    @Test
    void readInitReplyAndLogWithoutFuseGiveTheirOwnResults() throws Exception {
        RecordingSink s = read("1000.1 writev(3, [{iov_base=\"" + xx(INIT_REPLY) + "\", iov_len=40}], 1) = 40\n");
        assertThat(s.messages).hasSize(1);
        assertThat(s.connections).as("strace -p without -f prints no pid").containsExactly("fd 3");
        assertThatThrownBy(() -> read("")).isInstanceOf(CaptureException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("just some text\n")).isInstanceOf(CaptureException.class);
    }

    @Test
    void readCutGzipSampleEndsCleanly() throws Exception {
        byte[] gz = Files.readAllBytes(Samples.path("b-fuse-bindfs.strace.txt.gz"));
        Path p = dir.resolve("cut.gz");
        Files.write(p, Arrays.copyOf(gz, gz.length / 3));
        RecordingSink sink = new RecordingSink();
        new StraceSource(p).read(sink, LoadMonitor.NONE);
        assertThat(sink.truncated).isTrue();
        assertThat(sink.messages.size()).isBetween(100, 5508);
    }

    @Test
    void looksLikeKnowsStraceLines() throws Exception {
        assertThat(StraceSource.looksLike(new String(InputFiles.head(Samples.path("b-fuse-bindfs.strace.txt.gz"), 65536),
                StandardCharsets.ISO_8859_1))).isTrue();
        assertThat(StraceSource.looksLike("[pid  8637] 1795250874.730688 +++ exited with 0 +++\n")).isTrue();
        assertThat(StraceSource.looksLike("12:00:01.123456 read(3, \"\", 10) = 0\n")).isTrue();
        assertThat(StraceSource.looksLike("Dear reader,\nthis is a letter (not a log).\n")).isFalse();
    }
}
