package io.lookaside.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.CaptureSource;
import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.FusedumpSource;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.capture.MessageSink;
import io.lookaside.capture.PcapSource;
import io.lookaside.capture.Protocol;
import io.lookaside.capture.StraceSource;
import io.lookaside.capture.TracefsSource;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.wire.ProtocolMessage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The session's storage: columns, bytes spilled to a temporary file, payloads left out. */
class SessionTest {
    @TempDir
    Path dir;

    /** A sink that hands everything to a builder and keeps a copy of every message's bytes. */
    private static final class Tee implements MessageSink {
        final SessionBuilder builder;
        final List<byte[]> originals = new ArrayList<>();

        Tee(SessionBuilder builder) {
            this.builder = builder;
        }

        @Override
        public void connection(int conn, Protocol protocol, String id) {
            builder.connection(conn, protocol, id);
        }

        @Override
        public void message(int conn, boolean fromClient, long frame, long tsNanos, ByteBuffer bytes, int flags) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(bytes.position(), copy);
            originals.add(copy);
            builder.message(conn, fromClient, frame, tsNanos, bytes, flags);
        }

        @Override
        public void diagnostic(Diagnostic diagnostic) {
            builder.diagnostic(diagnostic);
        }
    }

    private static CaptureSource source(String sample) {
        Path p = Samples.path(sample);
        if (sample.contains(".fusedump")) {
            return new FusedumpSource(p);
        }
        if (sample.contains(".strace")) {
            return new StraceSource(p);
        }
        if (sample.contains(".tracefs")) {
            return new TracefsSource(p);
        }
        return new PcapSource(p, CaptureOptions.DEFAULT);
    }

    private Tee load(String sample, Path storeDir) throws Exception {
        Tee tee = new Tee(new SessionBuilder(sample, storeDir));
        source(sample).read(tee, LoadMonitor.NONE);
        return tee;
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            a-v9fs-busybox-cachenone.pcap.gz
            a-v9fs-gccsplit-srccachenone.pcap.gz
            a-v9fs-busybox-cacheloose-ganesha.pcap.gz
            a-v9fs-version-9p2000.u-vs-diod.pcap.gz
            c-diod-userspace.pcap.gz
            d-diod-any-sll-5640.pcapng.gz
            b-fuse-bindfs.fusedump.gz
            b-fuse-fuse-overlayfs.fusedump.gz
            b-fuse-glusterfs.fusedump.gz
            b-fuse-bindfs.strace.txt.gz
            b-fuse-bindfs.tracefs.txt
            """)
    void messageDecodesAsTheCapturedBytesDoWithPayloadsLeftOut(String sample) throws Exception {
        Tee tee = load(sample, dir);
        Session s = tee.builder.build();

        assertThat(s.size()).isEqualTo(tee.originals.size()).isPositive();
        int elided = 0;
        for (int i = 0; i < s.size(); i++) {
            byte[] original = tee.originals.get(i);
            ProtocolMessage whole = s.conversation(i).decode(s, i, ByteBuffer.wrap(original).asReadOnlyBuffer());
            assertThat(s.message(i)).as("message %d", i).isEqualTo(whole);
            assertThat(s.length(i)).isEqualTo(original.length);
            if (s.keptLength(i) < s.length(i)) {
                elided++;
            }
        }
        assertThat(s.mappedStoreBytes()).isPositive();
        if (sample.startsWith("a-v9fs-busybox") || sample.contains("fusedump")) {
            assertThat(elided).as("messages whose payload was left out").isPositive();
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            a-v9fs-busybox-cachenone.pcap.gz
            b-fuse-bindfs.fusedump.gz
            """)
    void bytesKeepsTheHeaderAndReadsZerosForAPayloadLeftOut(String sample) throws Exception {
        Tee tee = load(sample, dir);
        Session s = tee.builder.build();
        int i = 0;
        while (s.keptLength(i) == s.length(i) || allZero(tee.originals.get(i), s.keptLength(i))) {
            i++;
        }

        ByteBuffer b = s.bytes(i);

        byte[] original = tee.originals.get(i);
        assertThat(b.remaining()).isEqualTo(original.length).isEqualTo(s.length(i));
        byte[] got = new byte[b.remaining()];
        b.get(b.position(), got);
        int kept = s.keptLength(i);
        assertThat(java.util.Arrays.copyOf(got, kept)).isEqualTo(java.util.Arrays.copyOf(original, kept));
        assertThat(java.util.Arrays.copyOfRange(got, kept, got.length)).containsOnly((byte) 0);
    }

    private static boolean allZero(byte[] b, int from) {
        for (int k = from; k < b.length; k++) {
            if (b[k] != 0) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            RREAD,  5000, 11
            RREAD,     9,  9
            TWRITE, 5000, 23
            TWALK,  5000, 5000
            """)
    void keptLeavesOutOnlyTheDataOfReadsAndWrites(String type, int length, int kept) {
        int code = switch (type) {
            case "RREAD" -> NinePTypes.RREAD;
            case "TWRITE" -> NinePTypes.TWRITE;
            default -> NinePTypes.TWALK;
        };
        NinePConversation c = new NinePConversation(0, "x");

        assertThat(c.kept(code, (code & 1) == 0 ? 0 : 1, length)).isEqualTo(kept);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            a-v9fs-gccsplit-srccachenone.pcap.gz, 64
            a-v9fs-busybox-cachenone.pcap.gz,     64
            b-fuse-glusterfs.fusedump.gz,         64
            """)
    void retainedHeapBytesStaysWithinTheBudgetPerMessage(String sample, int budget) throws Exception {
        Session spilled = load(sample, dir).builder.build();
        Session onHeap = load(sample, null).builder.build();

        assertThat(spilled.retainedHeapBytes()).isEqualTo((long) spilled.size() * Columns.ROW_BYTES);
        assertThat((double) spilled.retainedHeapBytes() / spilled.size()).isLessThanOrEqualTo(budget);
        assertThat(onHeap.retainedHeapBytes()).isGreaterThan(spilled.retainedHeapBytes());
        assertThat(onHeap.mappedStoreBytes()).isZero();
        assertThat(onHeap.message(onHeap.size() - 1)).isEqualTo(spilled.message(spilled.size() - 1));
    }
}
