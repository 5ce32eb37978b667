package io.lookaside.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lookaside.Samples;
import io.lookaside.capture.PcapFiles.Record;
import io.lookaside.tcp.TrackerLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcapSourceTest {
    private static final String DIOD = "c-diod-userspace.pcap.gz";

    @TempDir
    Path dir;

    static RecordingSink read(Path p) throws CaptureException {
        return read(p, CaptureOptions.DEFAULT);
    }

    static RecordingSink read(Path p, CaptureOptions options) throws CaptureException {
        RecordingSink sink = new RecordingSink();
        new PcapSource(p, options).read(sink, LoadMonitor.NONE);
        return sink;
    }

    /** The messages of a sample as "frame:type:tag", sorted by frame as tshark lists them. */
    private static List<String> frameTypeTag(RecordingSink sink) {
        return sink.messages.stream().sorted(Comparator.comparingLong(RecordingSink.Message::frame))
                .map(m -> m.frame() + ":" + m.type() + ":" + m.tag()).toList();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            a-v9fs-busybox-cachenone.pcap.gz,          30288,  1
            a-v9fs-busybox-cacheloose.pcap.gz,         10414,  1
            a-v9fs-gccsplit-srccachenone.pcap.gz,     107728,  1
            a-v9fs-gccsplit-srccacheloose.pcap.gz,     20360,  1
            a-v9fs-busybox-cacheloose-ganesha.pcap.gz, 10222,  1
            a-v9fs-version-9p2000.u-vs-diod.pcap.gz,       2,  1
            c-diod-userspace.pcap.gz,                  20646, 14
            d-diod-any-sll2.pcap.gz,                      57,  2
            d-diod-any-sll-5640.pcapng.gz,               100,  2
            """)
    void readDeliversEveryMessageAndConnectionTheSidecarCounts(String sample, int messages, int connections)
            throws CaptureException {
        RecordingSink sink = read(Samples.path(sample));

        assertThat(sink.messages).hasSize(messages);
        assertThat(sink.connections).hasSize(connections);
        assertThat(sink.protocols).containsOnly(Protocol.NINEP);
        assertThat(sink.truncated).isFalse();
    }

    @Test
    void readStopsAtARecordLongerThanLibpcapAllowsWithoutAllocatingIt() throws Exception {
        // file header: snaplen 2^31 - 1; one record claiming 5 MB, of which 100 bytes follow
        ByteBuffer b = ByteBuffer.allocate(24 + 16 + 100).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xA1B23C4D).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(0x7FFF_FFFF).putInt(1);
        b.putInt(1).putInt(0).putInt(5_000_000).putInt(5_000_000);
        Path p = dir.resolve("long-record.pcap");
        Files.write(p, b.array());
        RecordingSink[] s = new RecordingSink[1];

        long allocated = io.lookaside.Allocation.of(() -> s[0] = read(p));

        assertThat(s[0].said("record 1 cannot be read (invalid packet capture length 5000000, bigger than maximum of 262144)"))
                .isTrue();
        assertThat(s[0].truncated).isTrue();
        assertThat(allocated).as("bytes allocated for a record claiming 5 MB").isLessThan(4L << 20);
    }

    @Test
    void readCountsARecordWhoseTimestampCannotBeReadAndKeepsFrameNumbers() throws Exception {
        byte[] pcap = io.lookaside.SampleSlices.pcap(Samples.path(DIOD), 0, 30);
        int second = io.lookaside.SampleSlices.pcapRecords(pcap).get(1)[0];
        // the nanoseconds field of record 2: above 999 999 999, which java.sql.Timestamp refuses
        ByteBuffer.wrap(pcap).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(second + 4, 1_500_000_000);
        Path good = dir.resolve("good.pcap");
        Path bad = dir.resolve("bad.pcap");
        Files.write(good, io.lookaside.SampleSlices.pcap(Samples.path(DIOD), 0, 30));
        Files.write(bad, pcap);

        RecordingSink expected = read(good);
        RecordingSink s = read(bad);

        assertThat(s.said("1 records were skipped because their header cannot be read (first: frame 2, nanos > 999999999"))
                .isTrue();
        assertThat(s.keys()).as("record 2 is a bare SYN-ACK: every message keeps its frame").isEqualTo(expected.keys());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            c-diod-userspace.pcap.gz,
            a-v9fs-busybox-cachenone.pcap.gz,
            a-v9fs-busybox-cacheloose-ganesha.pcap.gz,
            a-v9fs-version-9p2000.u-vs-diod.pcap.gz,
            d-diod-any-sll2.pcap.gz,
            d-diod-any-sll-5640.pcapng.gz, 'tcp.port==5640,9p'
            """)
    void readFindsTheMessagesTsharkFindsFrameByFrame(String sample, String decodeAs) throws Exception {
        assumeTrue(Tshark.available(), "tshark is not installed");
        Path p = Samples.path(sample);
        List<String> expected = decodeAs == null ? Tshark.pdus(p) : Tshark.pdus(p, decodeAs);

        assertThat(frameTypeTag(read(p))).isEqualTo(expected);
    }

    /** Everything a sink received, message bytes included, as comparable lines. */
    private static List<String> everything(RecordingSink sink) {
        List<String> out = new ArrayList<>();
        out.addAll(sink.connections);
        for (RecordingSink.Message m : sink.messages) {
            out.add(m.conn() + ":" + m.fromClient() + ":" + m.frame() + ":" + m.tsNanos() + ":" + m.flags() + ":"
                    + java.util.HexFormat.of().formatHex(m.bytes()));
        }
        for (Diagnostic d : sink.diagnostics) {
            out.add(d.severity() + ":" + d.frame() + ":" + d.conn() + ":" + d.text());
        }
        out.add("truncated=" + sink.truncated);
        return out;
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
    void readDeliversWhatLibpcapAloneDeliversOnEverySample(String sample) throws CaptureException {
        Path p = Samples.path(sample);
        RecordingSink libpcap = new RecordingSink();
        PcapSource.libpcapOnly(p, CaptureOptions.DEFAULT).read(libpcap, LoadMonitor.NONE);

        assertThat(everything(read(p))).isEqualTo(everything(libpcap));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            record-cut
            header-cut
            garbage
            snaplen
            """)
    void readDeliversWhatLibpcapAloneDeliversWhenLibpcapTakesOver(String damage) throws Exception {
        byte[] pcap = PcapFiles.content(Samples.path(DIOD));
        List<Integer> offsets = PcapFiles.recordOffsets(pcap);
        byte[] damaged = switch (damage) {
            case "record-cut" -> Arrays.copyOf(pcap, offsets.get(7000) + 16 + 20);
            case "header-cut" -> Arrays.copyOf(pcap, offsets.get(7000) + 9);
            case "garbage" -> {
                byte[] g = pcap.clone();
                Arrays.fill(g, offsets.get(7000), offsets.get(7000) + 16, (byte) 0x7F);
                yield g;
            }
            default -> {
                byte[] g = pcap.clone();
                ByteBuffer.wrap(g).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(16, 200); // header snaplen
                yield g;
            }
        };
        Path p = dir.resolve(damage + ".pcap");
        Files.write(p, damaged);
        RecordingSink libpcap = new RecordingSink();
        PcapSource.libpcapOnly(p, CaptureOptions.DEFAULT).read(libpcap, LoadMonitor.NONE);

        RecordingSink sink = read(p);

        assertThat(everything(sink)).isEqualTo(everything(libpcap));
        assertThat(sink.messages.size()).isGreaterThan(100);
    }

    @Test
    void readNamesEachConnectionClientFirst() throws CaptureException {
        RecordingSink diod = read(Samples.path(DIOD));
        RecordingSink v6 = read(Samples.path("d-diod-any-sll2.pcap.gz"));

        assertThat(diod.connections).allMatch(id -> id.matches("127\\.0\\.0\\.1:\\d+>127\\.0\\.0\\.1:564"));
        assertThat(diod.connections).doesNotHaveDuplicates();
        assertThat(v6.connections).anyMatch(id -> id.matches("\\[::1]:\\d+>\\[::1]:564"));
        assertThat(diod.messages).allMatch(m -> m.fromClient() == (m.type() % 2 == 0));
    }

    @Test
    void readNumbersConnectionsInOrderOfTheirFirstMessage() throws CaptureException {
        RecordingSink sink = read(Samples.path(DIOD));
        List<Integer> firstSeen = sink.messages.stream().map(RecordingSink.Message::conn).distinct().toList();

        assertThat(firstSeen).isEqualTo(IntStream.range(0, 14).boxed().toList());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            ethernet-qinq
            sll
            sll2
            null-le
            null-be
            loop
            raw
            ipv4
            ipv6-ethernet
            ipv6-raw
            vsock
            """)
    void readDecodesTheSameMessagesWhateverTheLinkLayer(String kind) throws Exception {
        Path sample = Samples.path(DIOD);
        RecordingSink original = read(sample);
        Path rewritten = dir.resolve(kind + ".pcap");
        PcapFiles.write(rewritten, Reencapsulate.linkType(kind),
                Reencapsulate.rewrite(kind, PcapFiles.read(sample).records()), false);

        RecordingSink sink = read(rewritten);

        assertThat(sink.keys()).isEqualTo(original.keys());
        assertThat(sink.messages).extracting(RecordingSink.Message::tsNanos)
                .isEqualTo(original.messages.stream().map(RecordingSink.Message::tsNanos).toList());
        assertThat(sink.messages.get(100).bytes()).isEqualTo(original.messages.get(100).bytes());
        assertThat(sink.connections).hasSize(14);
        String idPattern = switch (kind) {
            case "ipv6-ethernet", "ipv6-raw" -> "\\[2001:db8::7f00:1]:\\d+>\\[2001:db8::7f00:1]:564";
            case "vsock" -> "3:\\d+>2:564";
            default -> "127\\.0\\.0\\.1:\\d+>127\\.0\\.0\\.1:564";
        };
        assertThat(sink.connections).allMatch(id -> id.matches(idPattern));
    }

    @Test
    void readKeepsTimestampsToTheNanosecond() throws Exception {
        List<Record> records = new ArrayList<>();
        for (Record r : PcapFiles.read(Samples.path("a-v9fs-version-9p2000.u-vs-diod.pcap.gz")).records()) {
            records.add(new Record(r.tsNanos() + 123, r.data()));
        }
        Path p = dir.resolve("nanos.pcap");
        PcapFiles.write(p, 1, records, false);

        RecordingSink sink = read(p);

        assertThat(sink.messages).extracting(RecordingSink.Message::tsNanos)
                .containsExactly(records.get(3).tsNanos(), records.get(5).tsNanos());
        assertThat(sink.messages).extracting(RecordingSink.Message::frame).containsExactly(4L, 6L);
    }

    @Test
    void readFindsNoNinePInRealHttpTraffic() throws CaptureException {
        RecordingSink sink = read(Samples.path("d-http-lo.pcap.gz"));

        assertThat(sink.messages).isEmpty();
        assertThat(sink.connections).isEmpty();
        // Sidecar: HTTP/1.0 over 4 TCP connections to port 8000; said once, as a note.
        assertThat(sink.diagnostics).extracting(d -> d.text())
                .singleElement().asString().startsWith("TCP connections that are not 9P: port 8000 (4 connections, usually HTTP)");
    }

    @Test
    void readRecognisesNinePOnAnotherPortByItsVersionExchange() throws CaptureException {
        RecordingSink sink = read(Samples.path("d-diod-any-sll-5640.pcapng.gz"));

        assertThat(sink.connections).allMatch(id -> id.endsWith(">127.0.0.1:5640"));
        assertThat(sink.texts()).filteredOn(t -> t.contains("9P recognised on port 5640 by its version exchange"))
                .hasSize(2);
    }

    @Test
    void readTreatsAForcedPortAsNineP() throws CaptureException {
        RecordingSink sink = read(Samples.path("d-diod-any-sll-5640.pcapng.gz"), new CaptureOptions(5640, null));

        assertThat(sink.messages).hasSize(100);
        assertThat(sink.texts()).noneMatch(t -> t.contains("recognised"));
    }

    @Test
    void readReportsARealCaptureDropAsAGapAndDecodesOnAfterIt() throws CaptureException {
        // tcpdump -i any dropped the IPv6 connection's Tversion (see d-diod-any-sll2.txt):
        // frame 31 acknowledges 21 bytes that the capture never saw; Tauth follows in frame 33.
        RecordingSink sink = read(Samples.path("d-diod-any-sll2.pcap.gz"));

        assertThat(sink.diagnostics).filteredOn(d -> d.severity() == Diagnostic.Severity.WARNING)
                .extracting(Diagnostic::frame, Diagnostic::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(33L,
                        "conn 1 [::1]:41458>[::1]:564: client to server: 21 bytes missing between frames 29 and 33 "
                                + "(not in the capture, though the peer acknowledged them); resynchronising"));
        assertThat(sink.messages).filteredOn(m -> m.frame() == 33).extracting(RecordingSink.Message::type)
                .containsExactly(102);
    }

    @Test
    void readResynchronisesAfterA4GiBSizeField() throws Exception {
        Path sample = Samples.path(DIOD);
        RecordingSink original = read(sample);
        RecordingSink.Message victim = original.messages.get(500);
        List<Record> records = new ArrayList<>(PcapFiles.read(sample).records());
        byte[] frame = records.get((int) victim.frame() - 1).data().clone();
        int payload = payloadOffset(frame);
        assertThat(Arrays.copyOfRange(frame, payload, payload + victim.bytes().length)).isEqualTo(victim.bytes());
        frame[payload] = frame[payload + 1] = frame[payload + 2] = frame[payload + 3] = (byte) 0xFF;
        records.set((int) victim.frame() - 1, new Record(records.get((int) victim.frame() - 1).tsNanos(), frame));
        Path p = dir.resolve("4gib.pcap");
        PcapFiles.write(p, 1, records, false);

        RecordingSink sink = read(p);

        List<String> expected = new ArrayList<>(original.keys());
        expected.remove(victim.key());
        assertThat(sink.keys()).isEqualTo(expected);
        assertThat(sink.texts()).anyMatch(t -> t.contains("9P size field 4294967295 is outside 7.."));
        assertThat(sink.texts()).anyMatch(t -> t.contains("resynchronised on a 9P message boundary after skipping "
                + (victim.bytes().length) + " bytes"));
    }

    private static int payloadOffset(byte[] ethernetFrame) {
        int ihl = (ethernetFrame[14] & 0x0F) * 4;
        return 14 + ihl + ((ethernetFrame[14 + ihl + 12] >> 4) & 0x0F) * 4;
    }

    @Test
    void readStopsAtARecordCutInTheMiddleAndSaysTheInputIsTruncated() throws Exception {
        Path sample = Samples.path(DIOD);
        byte[] pcap = PcapFiles.content(sample);
        List<Integer> offsets = PcapFiles.recordOffsets(pcap);
        int cutRecord = 10_000; // 0-based: frames 1..10000 stay whole
        Path p = dir.resolve("cut.pcap");
        Files.write(p, Arrays.copyOf(pcap, offsets.get(cutRecord) + 16 + 20));

        RecordingSink sink = read(p);

        List<String> expected = read(sample).messages.stream().filter(m -> m.frame() <= cutRecord)
                .map(RecordingSink.Message::key).toList();
        assertThat(sink.keys()).isEqualTo(expected);
        assertThat(sink.truncated).isTrue();
        assertThat(sink.texts()).anyMatch(t -> t.contains("record " + (cutRecord + 1) + " cannot be read")
                && t.contains("decoded the " + cutRecord + " records before it"));
    }

    @Test
    void readDecodesACutGzipStreamUpToTheCut() throws Exception {
        byte[] gz = Files.readAllBytes(Samples.path(DIOD));
        Path p = dir.resolve("cut.pcap.gz");
        Files.write(p, Arrays.copyOf(gz, gz.length / 2));

        RecordingSink sink = read(p);

        assertThat(sink.messages.size()).isBetween(100, 20646 - 100);
        assertThat(sink.truncated).isTrue();
        assertThat(sink.texts()).anyMatch(t -> t.contains("the gzip stream is cut short"));
    }

    @Test
    void readDeletesTheDecompressedCopyAfterwards() throws Exception {
        Path temp = Files.createDirectory(dir.resolve("tmp"));
        RecordingSink sink = new RecordingSink();

        new PcapSource(Samples.path("a-v9fs-version-9p2000.u-vs-diod.pcap.gz"), CaptureOptions.DEFAULT,
                PcapSource.MAX_DECOMPRESSED, TrackerLimits.DEFAULT, temp).read(sink, LoadMonitor.NONE);

        assertThat(sink.messages).hasSize(2);
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void readDeletesTheDecompressedCopyWhenTheContentIsNoCapture() throws Exception {
        Path temp = Files.createDirectory(dir.resolve("tmp"));
        Path gz = dir.resolve("text.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("not a capture at all\n".repeat(100).getBytes());
        }
        PcapSource source = new PcapSource(gz, CaptureOptions.DEFAULT, PcapSource.MAX_DECOMPRESSED,
                TrackerLimits.DEFAULT, temp);

        assertThatThrownBy(() -> source.read(new RecordingSink(), LoadMonitor.NONE))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("not a pcap or pcapng file libpcap can read");
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void readStopsDecompressingAtTheLimitAndSaysSo() throws Exception {
        RecordingSink sink = new RecordingSink();

        new PcapSource(Samples.path(DIOD), CaptureOptions.DEFAULT, 1_000_000, TrackerLimits.DEFAULT,
                dir).read(sink, LoadMonitor.NONE);

        assertThat(sink.messages.size()).isBetween(100, 20646 - 100);
        assertThat(sink.truncated).isTrue();
        assertThat(sink.diagnostics).filteredOn(d -> d.severity() == Diagnostic.Severity.ERROR)
                .extracting(Diagnostic::text).singleElement().asString()
                .contains("decompresses to more than 1000000 bytes");
        assertThat(sink.texts()).noneMatch(t -> t.contains("cannot be read"));
    }

    @Test
    void readRejectsAFileLibpcapCannotReadWithOneSentence() throws Exception {
        Path p = dir.resolve("garbage.pcap");
        byte[] bytes = new byte[4096];
        new java.util.Random(3).nextBytes(bytes);
        Files.write(p, bytes);

        assertThatThrownBy(() -> read(p)).isInstanceOf(CaptureException.class)
                .hasMessageStartingWith(p + ": not a pcap or pcapng file libpcap can read (")
                .hasMessageNotContaining("\n");
    }

    @Test
    void readStopsAtGarbageAfterAValidHeader() throws Exception {
        Path p = dir.resolve("header-then-garbage.pcap");
        byte[] header = Arrays.copyOf(PcapFiles.content(Samples.path("a-v9fs-version-9p2000.u-vs-diod.pcap.gz")), 24);
        byte[] garbage = new byte[100];
        Arrays.fill(garbage, (byte) 0x7F);
        Files.write(p, ByteBuffer.allocate(124).put(header).put(garbage).array());

        RecordingSink sink = read(p);

        assertThat(sink.messages).isEmpty();
        assertThat(sink.truncated).isTrue();
        assertThat(sink.texts()).singleElement().asString().contains("record 1 cannot be read");
    }

    @Test
    void readRejectsAnUnsupportedLinkType() throws Exception {
        Path p = dir.resolve("user0.pcap");
        PcapFiles.write(p, 147, List.of(new Record(1_000_000_000L, new byte[]{1, 2, 3})), false);

        assertThatThrownBy(() -> read(p)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("link type 147").hasMessageContaining("Lookaside reads Ethernet");
    }

    @Test
    void readReportsProgressUpToTheTotalAndStopsWhenCancelled() throws CaptureException {
        List<long[]> seen = new ArrayList<>();
        LoadMonitor watch = new LoadMonitor() {
            @Override
            public void progress(long done, long total) {
                seen.add(new long[]{done, total});
            }
        };
        new PcapSource(Samples.path(DIOD), CaptureOptions.DEFAULT).read(new RecordingSink(), watch);
        RecordingSink cancelled = new RecordingSink();
        new PcapSource(Samples.path(DIOD), CaptureOptions.DEFAULT).read(cancelled, new LoadMonitor() {
            @Override
            public boolean cancelled() {
                return true;
            }
        });

        long total = seen.get(0)[1];
        assertThat(seen).allMatch(s -> s[1] == total && s[0] >= 0 && s[0] <= total);
        assertThat(seen).extracting(s -> s[0]).isSorted();
        assertThat(seen.get(seen.size() - 1)[0]).isEqualTo(total);
        assertThat(cancelled.messages.size()).isLessThan(20646);
    }

    @Test
    void readDecodesACaptureThatStartsMidStream() throws Exception {
        Path sample = Samples.path(DIOD);
        List<Record> records = PcapFiles.read(sample).records();
        int dropped = 5000;
        Path p = dir.resolve("late.pcap");
        PcapFiles.write(p, 1, records.subList(dropped, records.size()), false);

        RecordingSink sink = read(p);

        List<String> expected = read(sample).messages.stream().filter(m -> m.frame() > dropped)
                .map(m -> (m.frame() - dropped) + ":" + m.type() + ":" + m.tag() + ":" + (m.fromClient() ? "c" : "s"))
                .toList();
        assertThat(sink.keys()).isEqualTo(expected);
        assertThat(sink.messages).allMatch(m -> m.fromClient() == (m.type() % 2 == 0));
    }

    @Test
    void readDecodesWhatASnapshotLengthLeftWholeAndSaysWhatItCut() throws Exception {
        Path sample = Samples.path(DIOD);
        RecordingSink original = read(sample);
        List<Record> records = PcapFiles.read(sample).records();
        int snaplen = 256;
        List<Record> cut = records.stream().map(r -> new Record(r.tsNanos(),
                Arrays.copyOf(r.data(), Math.min(snaplen, r.data().length)), r.data().length)).toList();
        Path p = dir.resolve("snaplen.pcap");
        PcapFiles.write(p, 1, cut, false);

        RecordingSink sink = read(p);

        List<String> expected = original.messages.stream()
                .filter(m -> payloadOffset(records.get((int) m.frame() - 1).data()) + m.bytes().length <= snaplen)
                .map(RecordingSink.Message::key).toList();
        assertThat(expected.size()).isBetween(20_000, 20_646 - 10);
        assertThat(sink.keys()).isEqualTo(expected);
        assertThat(sink.texts()).anyMatch(t -> t.contains("cut off by the capture's snapshot length"));
        assertThat(sink.texts()).anyMatch(t -> t.matches(".*\\d+ more gaps \\(\\d+ bytes\\) were not listed one by one"));
    }

    @Test
    void readSkipsIpFragmentsAndSaysHowMany() throws Exception {
        Path sample = Samples.path("a-v9fs-version-9p2000.u-vs-diod.pcap.gz");
        List<Record> records = new ArrayList<>(PcapFiles.read(sample).records());
        byte[] fragment = records.get(3).data().clone();
        fragment[14 + 6] |= 0x20; // IPv4 "more fragments": the Tversion is now a first fragment
        records.set(3, new Record(records.get(3).tsNanos(), fragment));
        Path p = dir.resolve("fragment.pcap");
        PcapFiles.write(p, 1, records, false);

        RecordingSink sink = read(p);

        assertThat(sink.messages).extracting(RecordingSink.Message::type).containsExactly(7);
        assertThat(sink.texts()).contains("1 IP fragments were skipped (first: frame 4); TCP over fragmented IP "
                + "is not reassembled, so its streams show gaps");
        assertThat(sink.texts()).anyMatch(t -> t.contains("client to server: 21 bytes missing between frames 1 and 8"));
    }
}
