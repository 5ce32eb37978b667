package io.lookaside.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.capture.PcapFiles.Record;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcapFileReaderTest {
    private static final String VERSION = "a-v9fs-version-9p2000.u-vs-diod.pcap.gz";

    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** Time stamps and bytes of each record, for comparing readers record by record. */
    private static List<String> described(List<Record> records) {
        List<String> out = new ArrayList<>(records.size());
        for (Record r : records) {
            out.add(r.tsNanos() + ":" + r.data().length + ":" + Arrays.hashCode(r.data()));
        }
        return out;
    }

    private static List<Record> versionRecords() throws Exception {
        return PcapFiles.read(Samples.path(VERSION)).records();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            a-v9fs-busybox-cachenone.pcap.gz
            a-v9fs-busybox-cacheloose.pcap.gz
            a-v9fs-busybox-cacheloose-ganesha.pcap.gz
            a-v9fs-gccsplit-srccachenone.pcap.gz
            a-v9fs-gccsplit-srccacheloose.pcap.gz
            a-v9fs-version-9p2000.u-vs-diod.pcap.gz
            c-diod-userspace.pcap.gz
            d-diod-any-sll2.pcap.gz
            d-diod-any-sll-5640.pcapng.gz
            d-http-lo.pcap.gz
            """)
    void readHandsOverEveryRecordAsLibpcapDoesOnEverySample(String sample) throws Exception {
        Path p = file("sample", PcapFiles.content(Samples.path(sample)));

        LibpcapRecords.Read fast = LibpcapRecords.fast(p);
        List<Record> libpcap = LibpcapRecords.read(p);

        assertThat(fast.ended()).isTrue();
        assertThat(fast.records()).hasSameSizeAs(libpcap);
        assertThat(described(fast.records())).isEqualTo(described(libpcap));
        for (int i = 0; i < libpcap.size(); i += 997) {
            assertThat(fast.records().get(i).data()).isEqualTo(libpcap.get(i).data());
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            LITTLE_ENDIAN, true
            LITTLE_ENDIAN, false
            BIG_ENDIAN,    true
            BIG_ENDIAN,    false
            """)
    void readHandsOverEitherByteOrderAndResolutionAsLibpcapDoes(String order, boolean nano) throws Exception {
        ByteOrder o = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        List<Record> records = new ArrayList<>();
        for (Record r : versionRecords()) {
            records.add(new Record(r.tsNanos() + 123_456, r.data()));
        }
        Path p = file("x.pcap", PcapFiles.classic(1, records, o, nano, 262144, 4));

        LibpcapRecords.Read fast = LibpcapRecords.fast(p);

        assertThat(fast.ended()).isTrue();
        assertThat(described(fast.records())).isEqualTo(described(LibpcapRecords.read(p)));
    }

    @Test
    void readHandsOverSecondsBefore1970AndAfter2038AsLibpcapDoes() throws Exception {
        List<Record> records = new ArrayList<>(versionRecords());
        records.set(0, new Record(-5_000_000_001L, records.get(0).data()));
        records.set(1, new Record(3_000_000_000L * 1_000_000_000L + 7, records.get(1).data()));
        Path p = file("x.pcap", PcapFiles.classic(1, records, ByteOrder.LITTLE_ENDIAN, true, 262144, 4));

        LibpcapRecords.Read fast = LibpcapRecords.fast(p);

        assertThat(described(fast.records())).isEqualTo(described(LibpcapRecords.read(p)));
    }

    @Test
    void readStopsAtACutRecordAndLeavesItToLibpcap() throws Exception {
        byte[] pcap = PcapFiles.content(Samples.path("c-diod-userspace.pcap.gz"));
        List<Integer> offsets = PcapFiles.recordOffsets(pcap);
        Path p = file("cut.pcap", Arrays.copyOf(pcap, offsets.get(1000) + 16 + 20));

        LibpcapRecords.Read fast = LibpcapRecords.fast(p);

        assertThat(fast.ended()).isFalse();
        assertThat(fast.records()).hasSize(1000);
        assertThat(described(fast.records())).isEqualTo(described(LibpcapRecords.read(p)));
    }

    @Test
    void readStopsAtACutRecordHeader() throws Exception {
        byte[] pcap = PcapFiles.content(Samples.path(VERSION));
        List<Integer> offsets = PcapFiles.recordOffsets(pcap);

        LibpcapRecords.Read fast = LibpcapRecords.fast(file("cut.pcap", Arrays.copyOf(pcap, offsets.get(3) + 7)));

        assertThat(fast.ended()).isFalse();
        assertThat(fast.records()).hasSize(3);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            1000000, 2
            -1,      2
            """)
    void readLeavesATimeStampFractionOutsideASecondToLibpcap(int microseconds, int at) throws Exception {
        byte[] pcap = PcapFiles.classic(1, versionRecords(), ByteOrder.LITTLE_ENDIAN, false, 262144, 4);
        int offset = PcapFiles.recordOffsets(pcap).get(at);
        java.nio.ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN).putInt(offset + 4, microseconds);

        LibpcapRecords.Read fast = LibpcapRecords.fast(file("frac.pcap", pcap));

        assertThat(fast.ended()).isFalse();
        assertThat(fast.records()).hasSize(at);
    }

    @Test
    void readLeavesARecordLongerThanTheSnapshotLengthToLibpcap() throws Exception {
        List<Record> records = versionRecords();
        int longest = records.stream().mapToInt(r -> r.data().length).max().orElseThrow();
        int firstLongest = records.stream().map(r -> r.data().length).toList().indexOf(longest);
        Path p = file("snap.pcap", PcapFiles.classic(1, records, ByteOrder.LITTLE_ENDIAN, true, longest - 1, 4));

        LibpcapRecords.Read fast = LibpcapRecords.fast(p);

        assertThat(fast.ended()).isFalse();
        assertThat(fast.records()).hasSize(firstLongest);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            147, 4
            1,   3
            """)
    void openLeavesAnUnusualHeaderToLibpcap(int linkType, int versionMinor) throws Exception {
        Path p = file("odd.pcap", PcapFiles.classic(linkType, versionRecords(), ByteOrder.LITTLE_ENDIAN, true,
                262144, versionMinor));

        assertThat(LibpcapRecords.fast(p)).isNull();
    }

    @Test
    void openLeavesWhatIsNoCaptureToLibpcap() throws Exception {
        assertThat(LibpcapRecords.fast(file("text", "not a capture at all, just some words\n".getBytes()))).isNull();
        assertThat(LibpcapRecords.fast(file("empty", new byte[0]))).isNull();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            -1
            6
            9
            """)
    void readHandsOverPcapngInMicrosecondsOrNanosecondsAsLibpcapDoes(int tsresol) throws Exception {
        List<Record> records = new ArrayList<>();
        for (Record r : versionRecords()) {
            records.add(new Record(r.tsNanos() + 789_000, r.data()));
        }
        Path p = file("x.pcapng", PcapFiles.pcapng(1, records, tsresol));

        LibpcapRecords.Read fast = LibpcapRecords.fast(p);

        assertThat(fast.ended()).isTrue();
        assertThat(described(fast.records())).isEqualTo(described(LibpcapRecords.read(p)));
    }

    @Test
    void openLeavesPcapngInOtherUnitsToLibpcap() throws Exception {
        assertThat(LibpcapRecords.fast(file("ms.pcapng", PcapFiles.pcapng(1, versionRecords(), 3)))).isNull();
    }

    @Test
    void readSkipsBlocksThatCarryNoPacketAsLibpcapDoes() throws Exception {
        List<Record> records = versionRecords();
        byte[] base = PcapFiles.pcapng(1, records.subList(0, 2), 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        out.writeBytes(PcapFiles.block(4, new byte[8])); // a name resolution block, empty
        out.writeBytes(PcapFiles.idb(1, 262144, 9)); // a second interface like the first
        out.writeBytes(PcapFiles.block(5, new byte[12])); // interface statistics
        for (Record r : records.subList(2, records.size())) {
            out.writeBytes(PcapFiles.epb(r, 1));
        }
        Path p = file("blocks.pcapng", out.toByteArray());

        LibpcapRecords.Read fast = LibpcapRecords.fast(p);

        assertThat(fast.ended()).isTrue();
        assertThat(described(fast.records())).isEqualTo(described(LibpcapRecords.read(p)))
                .hasSize(records.size());
    }

    @Test
    void readLeavesASecondSectionOrAnotherKindOfInterfaceToLibpcap() throws Exception {
        List<Record> records = versionRecords();
        byte[] first = PcapFiles.pcapng(1, records.subList(0, 2), 9);
        ByteArrayOutputStream sections = new ByteArrayOutputStream();
        sections.writeBytes(first);
        sections.writeBytes(PcapFiles.pcapng(1, records.subList(2, records.size()), 9));
        ByteArrayOutputStream interfaces = new ByteArrayOutputStream();
        interfaces.writeBytes(first);
        interfaces.writeBytes(PcapFiles.idb(113, 262144, 9));

        LibpcapRecords.Read twoSections = LibpcapRecords.fast(file("sections.pcapng", sections.toByteArray()));
        LibpcapRecords.Read sll = LibpcapRecords.fast(file("interfaces.pcapng", interfaces.toByteArray()));

        assertThat(twoSections.ended()).isFalse();
        assertThat(twoSections.records()).hasSize(2);
        assertThat(sll.ended()).isFalse();
        assertThat(sll.records()).hasSize(2);
    }
}
