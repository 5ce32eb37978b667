package io.lookaside;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.capture.PcapFiles;
import io.lookaside.fuse.ByteSwap;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.net.Packet;
import io.lookaside.net.PacketParser;
import io.lookaside.ninep.Dialect;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import io.lookaside.wire.Wire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the fuzz targets' seed corpora from the real samples: small slices (the first records,
 * lines or messages of each sample, and a few mid-stream ones) in the targets' input layouts,
 * into the Jazzer inputs directories under src/test/resources. Run once when the samples or
 * the layouts change (docs/hostile-input.md); the output is the same for the same samples:
 * <pre>
 * mvn -o -q -pl decoder test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp decoder/target/test-classes:decoder/target/classes:$(cat decoder/cp.txt) \
 *     io.lookaside.FuzzSeeds decoder/src/test/resources samples
 * </pre>
 * Files named {@code finding-*} in the same directories are not seeds: they are inputs the
 * fuzzers found, kept as regression tests.
 */
public final class FuzzSeeds {
    private static final String[] NINEP_PCAPS = {
        "a-v9fs-busybox-cacheloose-ganesha.pcap.gz", "a-v9fs-busybox-cacheloose.pcap.gz",
        "a-v9fs-busybox-cachenone.pcap.gz", "a-v9fs-gccsplit-srccacheloose.pcap.gz",
        "a-v9fs-version-9p2000.u-vs-diod.pcap.gz", "c-diod-userspace.pcap.gz", "d-diod-any-sll2.pcap.gz"};
    private static final String[] FUSEDUMPS = {
        "b-fuse-bindfs.fusedump.gz", "b-fuse-fuse-overlayfs.fusedump.gz", "b-fuse-glusterfs.fusedump.gz"};
    private static final String[] STRACES = {"b-fuse-bindfs.strace.txt.gz", "b-fuse-fuse-overlayfs.strace.txt.gz"};
    private static final String[] TRACEFS = {"b-fuse-bindfs.tracefs.txt", "b-fuse-fuse-overlayfs.tracefs.txt"};
    /** Seeds stay small: the fuzzer mutates them byte by byte. */
    private static final int MAX_MESSAGE = 8 << 10;
    private static final int MAX_FILE = SampleSlices.MAX_BYTES;

    private final Path resources;
    private final Path samples;

    private FuzzSeeds(Path resources, Path samples) {
        this.resources = resources;
        this.samples = samples;
    }

    public static void main(String[] args) throws Exception {
        FuzzSeeds s = new FuzzSeeds(Path.of(args[0]), Path.of(args[1]));
        s.ninePMessages();
        s.fuseMessages();
        s.tcpSegments();
        s.pcapFiles();
        s.fusedumpFiles();
        s.straceFiles();
        s.tracefsFiles();
    }

    private Path dir(String pkg, String testClass, String method) throws IOException {
        Path d = resources.resolve("io/lookaside/" + pkg + "/" + testClass + "Inputs/" + method);
        Files.createDirectories(d);
        return d;
    }

    private static void write(Path dir, String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        Files.write(dir.resolve(name), out.toByteArray());
    }

    private static String shortName(String sample) {
        return sample.replaceAll("\\.(pcap|pcapng|fusedump|strace|tracefs)?(\\.txt)?(\\.gz)?$", "");
    }

    private Session load(String sample) throws CaptureException {
        return SessionLoader.load(samples.resolve(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
    }

    private static byte[] bytes(Session s, int i) {
        ByteBuffer b = s.bytes(i);
        byte[] out = new byte[b.remaining()];
        b.get(b.position(), out);
        return out;
    }

    /** One message of each type per 9P sample: dialect[1] message. */
    private void ninePMessages() throws Exception {
        Path d = dir("ninep", "NinePDecoderFuzzTest", "decodeGivesARecord");
        for (String sample : NINEP_PCAPS) {
            Session s = load(sample);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < s.size(); i++) {
                byte[] m = bytes(s, i);
                if (m.length <= MAX_MESSAGE && seen.add(s.typeName(i))) {
                    int dialect = Dialect.fromVersion(s.dialect(i)).ordinal();
                    write(d, shortName(sample) + "-" + s.typeName(i), new byte[] {(byte) dialect}, m);
                }
            }
        }
    }

    /** One message of each opcode and direction per FUSE sample, little- and big-endian. */
    private void fuseMessages() throws Exception {
        Path d = dir("fuse", "FuseDecoderFuzzTest", "decodeGivesARecord");
        int[] minors = {-1, 0, 4, 5, 8, 9, 12, 18, 23, 28, 31, 34, 36, 38, 40, 45};
        for (String sample : FUSEDUMPS) {
            Session s = load(sample);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < s.size(); i++) {
                byte[] m = bytes(s, i);
                Direction dir = s.direction(i);
                if (m.length > MAX_MESSAGE || !seen.add(dir + s.typeName(i))) {
                    continue;
                }
                String version = s.dialect(i);
                int minor = version.equals("unknown") ? -1 : Integer.parseInt(version.substring(version.indexOf('.') + 1));
                int ctx = 0;
                for (int k = 0; k < minors.length; k++) {
                    if (minors[k] <= minor) {
                        ctx = k;
                    }
                }
                int kind = switch (dir) {
                    case REQUEST -> 0;
                    case REPLY -> 1;
                    case NOTIFY -> 3;
                };
                int opcode = s.typeCode(i) & 0xFFFF;
                byte[] be = switch (dir) {
                    case REQUEST -> ByteSwap.request(m);
                    case REPLY -> ByteSwap.reply(m, FuseOpcode.of(s.typeCode(i)));
                    case NOTIFY -> ByteSwap.notify(m);
                };
                String name = shortName(sample) + "-" + dir.key() + "-" + s.typeName(i);
                write(d, name, new byte[] {(byte) kind, (byte) ctx}, Wire.be().u16(opcode).u32(0).bytes(), m);
                write(d, name + "-be", new byte[] {(byte) kind, (byte) (ctx | 0x80)}, Wire.be().u16(opcode).u32(0).bytes(), be);
            }
        }
    }

    /** The first segments of real 9P connections: setup[1] then head[1] length[2] payload. */
    private void tcpSegments() throws Exception {
        Path d = dir("tcp", "FlowTrackerFuzzTest", "segmentsGiveWholeMessages");
        for (String sample : new String[] {"a-v9fs-busybox-cachenone.pcap.gz", "c-diod-userspace.pcap.gz",
                "a-v9fs-version-9p2000.u-vs-diod.pcap.gz"}) {
            PcapFiles.Capture c = PcapFiles.read(samples.resolve(sample));
            write(d, shortName(sample) + "-first", new byte[] {0}, segments(c, 0, 40, false));
            write(d, shortName(sample) + "-detected", new byte[] {2}, segments(c, 0, 40, false));
            write(d, shortName(sample) + "-tight", new byte[] {8}, segments(c, 0, 60, false));
            write(d, shortName(sample) + "-midstream", new byte[] {0}, segments(c, 200, 240, false));
            write(d, shortName(sample) + "-vsock", new byte[] {3}, new byte[] {(byte) (1 << 2 | 1)},
                    Wire.be().u16(0).bytes(), segments(c, 0, 40, true));
        }
    }

    private static byte[] segments(PcapFiles.Capture c, int from, int to, boolean vsock) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Packet p = new Packet();
        int total = 0;
        for (int i = from; i < Math.min(to, c.records().size()) && total < MAX_FILE; i++) {
            byte[] f = c.records().get(i).data();
            if (PacketParser.parse(f, f.length, c.linkType(), p) != PacketParser.TCP) {
                continue;
            }
            boolean fromClient = p.dstPort() == 564;
            int flags = vsock ? 5 : p.tcpFlags() & 0x1F;
            if (vsock && p.payloadLength() == 0) {
                continue;
            }
            out.write((fromClient ? 1 : 0) | flags << 2);
            out.writeBytes(Wire.be().u16(p.payloadLength()).bytes());
            out.write(f, p.payloadOffset(), p.payloadLength());
            total += p.payloadLength();
        }
        return out.toByteArray();
    }

    /** Classic pcap slices (first records, and a mid-stream run), one gzip-compressed; a pcapng slice. */
    private void pcapFiles() throws Exception {
        Path d = dir("capture", "PcapSourceFuzzTest", "loadGivesASessionOrARefusal");
        for (String sample : NINEP_PCAPS) {
            write(d, shortName(sample) + "-first", new byte[] {0}, SampleSlices.pcap(samples.resolve(sample), 0, 30));
        }
        Path busybox = samples.resolve("a-v9fs-busybox-cachenone.pcap.gz");
        write(d, "a-v9fs-busybox-cachenone-midstream", new byte[] {0}, SampleSlices.pcap(busybox, 300, 330));
        write(d, "a-v9fs-busybox-cachenone-first-gzip", new byte[] {1}, SampleSlices.pcap(busybox, 0, 30));
        write(d, "d-http-lo-first", new byte[] {0}, SampleSlices.pcap(samples.resolve("d-http-lo.pcap.gz"), 0, 20));
        write(d, "d-diod-any-sll-5640-first", new byte[] {4},
                SampleSlices.pcapng(samples.resolve("d-diod-any-sll-5640.pcapng.gz"), 30));
    }

    /** The first records of each fusedump; one gzip-compressed, one rewritten as v1, one big-endian. */
    private void fusedumpFiles() throws Exception {
        Path d = dir("capture", "FusedumpSourceFuzzTest", "loadGivesASessionOrARefusal");
        for (String sample : FUSEDUMPS) {
            write(d, shortName(sample) + "-first", new byte[] {0}, SampleSlices.fusedump(samples.resolve(sample), 40));
        }
        write(d, "b-fuse-bindfs-first-gzip", new byte[] {1}, SampleSlices.fusedump(samples.resolve(FUSEDUMPS[0]), 40));
        Session s = load(FUSEDUMPS[0]);
        ByteArrayOutputStream v1 = new ByteArrayOutputStream();
        ByteArrayOutputStream be = new ByteArrayOutputStream();
        for (int i = 0; i < Math.min(30, s.size()); i++) {
            byte[] m = bytes(s, i);
            Direction dir = s.direction(i);
            byte tag = (byte) (dir == Direction.REQUEST ? 'R' : 'W');
            v1.write(tag);
            v1.writeBytes(m);
            byte[] swapped = switch (dir) {
                case REQUEST -> ByteSwap.request(m);
                case REPLY -> ByteSwap.reply(m, FuseOpcode.of(s.typeCode(i)));
                case NOTIFY -> ByteSwap.notify(m);
            };
            be.write(tag);
            be.writeBytes(Wire.be().u32(2).u32(16).u64(s.tsNanos(i) / 1_000_000_000L).u32(s.tsNanos(i) % 1_000_000_000L)
                    .raw(swapped).bytes());
        }
        write(d, "b-fuse-bindfs-v1", new byte[] {0}, v1.toByteArray());
        write(d, "b-fuse-bindfs-big-endian", new byte[] {0}, be.toByteArray());
    }

    /** The first short lines of each strace log; one gzip-compressed; hand-made logs of real messages for the rarer paths. */
    private void straceFiles() throws Exception {
        Path d = dir("capture", "StraceSourceFuzzTest", "loadGivesASessionOrARefusal");
        for (String sample : STRACES) {
            write(d, shortName(sample) + "-first", new byte[] {0}, SampleSlices.lines(samples.resolve(sample), 60, 4096));
        }
        write(d, "b-fuse-bindfs-first-gzip", new byte[] {1}, SampleSlices.lines(samples.resolve(STRACES[0]), 40, 4096));
        Session s = load(FUSEDUMPS[0]);
        byte[] request = bytes(s, 0);
        byte[] reply = bytes(s, 1);
        String fuse = "4<" + xx("/dev/fuse".getBytes(StandardCharsets.US_ASCII)) + ">";
        String pipe = "<" + xx("pipe:[164105]".getBytes(StandardCharsets.US_ASCII)) + ">";
        String split = "[pid    11] 1000.000100 read(" + fuse + ",  <unfinished ...>\n"
                + "[pid    12] 1000.000150 read(5, \"abcdefgh\"..., 100) = 31\n"
                + "[pid    11] 1000.000300 <... read resumed>\"" + xx(java.util.Arrays.copyOf(request, 32)) + "\"..., 1052672) = "
                + request.length + " <0.000200>\n"
                + dump(request)
                + "[pid    11] 1000.000400 writev(" + fuse + ", [{iov_base=\"" + xx(java.util.Arrays.copyOf(reply, 8))
                + "\"..., iov_len=16}, {iov_base=\"\"..., iov_len=" + (reply.length - 16) + "}], 2) = " + reply.length + "\n"
                + dump(reply)
                + "[pid    11] 1000.000500 +++ exited with 0 +++\n";
        write(d, "split-calls-and-dumps", new byte[] {0}, split.getBytes(StandardCharsets.ISO_8859_1));
        String splice = "31373 12:00:01.000100 read(6" + fuse.substring(1) + ", \"" + xx(request) + "\", 1052672) = "
                + request.length + " <0.000010>\n"
                + "31373 12:00:01.000200 vmsplice(8" + pipe + ", [{iov_base=\"" + xx(java.util.Arrays.copyOf(reply, 16))
                + "\", iov_len=16}], 1, SPLICE_F_NONBLOCK) = 16 <0.000010>\n"
                + "31373 12:00:01.000300 splice(7" + pipe + ", NULL, 6" + fuse.substring(1) + ", NULL, " + reply.length
                + ", 0) = " + reply.length + " <0.000052>\n";
        write(d, "splice", new byte[] {0}, splice.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String xx(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("\\x%02x", x & 0xFF));
        }
        return s.toString();
    }

    /** strace -e read=all / write=all: a " * N bytes in buffer 0" line, then " | OFFSET  hex  ascii |" lines. */
    private static String dump(byte[] b) {
        StringBuilder s = new StringBuilder(" * " + b.length + " bytes in buffer 0\n");
        for (int off = 0; off < b.length; off += 16) {
            StringBuilder hex = new StringBuilder();
            StringBuilder ascii = new StringBuilder();
            for (int k = off; k < Math.min(b.length, off + 16); k++) {
                hex.append(String.format("%02x ", b[k] & 0xFF));
                ascii.append(b[k] >= 0x20 && b[k] < 0x7F ? (char) b[k] : '.');
            }
            s.append(String.format(" | %05x  %-49s %-16s |%n", off, hex, ascii));
        }
        return s.toString();
    }

    private void tracefsFiles() throws Exception {
        Path d = dir("capture", "TracefsSourceFuzzTest", "loadGivesASessionOrARefusal");
        for (String sample : TRACEFS) {
            write(d, shortName(sample) + "-first", new byte[] {0}, SampleSlices.lines(samples.resolve(sample), 60, 4096));
        }
        write(d, "b-fuse-bindfs-first-gzip", new byte[] {1}, SampleSlices.lines(samples.resolve(TRACEFS[0]), 40, 4096));
    }
}
