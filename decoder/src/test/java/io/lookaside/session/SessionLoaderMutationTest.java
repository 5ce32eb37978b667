package io.lookaside.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.lookaside.SampleSlices;
import io.lookaside.Samples;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.InputKind;
import io.lookaside.analysis.Analyzer;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.report.Report;
import io.lookaside.report.ReportBuilder;
import io.lookaside.report.ReportCsv;
import io.lookaside.report.ReportHtml;
import io.lookaside.report.ReportJson;
import io.lookaside.whatif.Models;
import io.lookaside.whatif.Outcome;
import io.lookaside.whatif.Savings;
import io.lookaside.whatif.WhatIfModel;
import io.lookaside.whatif.Windows;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Whole real captures, damaged: slices of the samples (9P pcaps and a pcapng, FUSE fusedumps,
 * strace logs and tracefs text) with bytes flipped, cut, duplicated, deleted and swapped, with
 * records duplicated, dropped and reordered, with length fields overwritten by extreme values,
 * sometimes gzip-compressed (and then sometimes cut), are loaded as a user's file is. Each must
 * load to a session that passes {@link SessionChecks} or be refused with a one-line message,
 * within a time bound, allocating and retaining no more than bounds proportional to its size;
 * a session then goes through lifecycles and every what-if model, and one in four through the
 * whole report (analysis and the JSON, CSV and HTML writers), without failing.
 *
 * <p>Seeded and reproducible: the seed and the number of variants are printed;
 * {@code -Dmutation.seed=S -Dmutation.variants=N} replays a run (a failure names the variant,
 * and {@code -Dmutation.only=I} replays that one alone), {@code -Dmutation.seed=random} draws a
 * new seed. A failing variant is written to {@code target/mutation-failures/}.
 */
class SessionLoaderMutationTest {
    private static final long DEFAULT_SEED = 0x10CA_51DEL;
    private static final int DEFAULT_VARIANTS = 20_000;
    /** Per variant; the slices load in milliseconds, so only a hang or a blow-up comes near. */
    private static final long TIME_BOUND_NANOS = 5_000_000_000L;
    private static final Duration HANG = Duration.ofSeconds(60);
    /** The whole report (analysis, every window of every model, three formats) runs on one variant in this many. */
    private static final int REPORT_EVERY = 4;
    private static final int[] EXTREMES = {0, 1, 7, 15, 16, 39, 40, 0x7FFF_FFFF, 0xFFFF_FFFF, 0x8000_0000, 0x0400_0000,
        0x0400_0001, 65535, 65536, 1 << 24};

    /** A base capture, how its records are delimited, and how it is loaded. */
    private record Base(String name, byte[] bytes, List<int[]> records, InputKind kind, int port) {
    }

    /**
     * One damaged capture and what was done to it: {@code bytes} the content, {@code file} what is
     * written (the content, or its gzip, perhaps cut).
     */
    private record Variant(int index, Base base, byte[] bytes, byte[] file, boolean forced, String what) {
        @Override
        public String toString() {
            return "variant " + index + " of " + base.name() + " (" + what + (forced ? ", --as " + base.kind().key() : "") + ")";
        }
    }

    @Test
    void loadGivesASessionOrARefusalForEveryDamagedCapture() throws Exception {
        String seedProperty = System.getProperty("mutation.seed", "");
        long seed = seedProperty.isEmpty() ? DEFAULT_SEED
                : seedProperty.equals("random") ? System.nanoTime() : Long.decode(seedProperty);
        int variants = Integer.getInteger("mutation.variants", DEFAULT_VARIANTS);
        int only = Integer.getInteger("mutation.only", -1);
        List<Base> bases = bases();
        System.out.printf("SessionLoaderMutationTest: seed %d (0x%x), %d variants of %d slices%n", seed, seed,
                variants, bases.size());

        long start = System.nanoTime();
        int sessions = 0;
        int refusals = 0;
        long messages = 0;
        long slowest = 0;
        for (int i = only >= 0 ? only : 0; i < (only >= 0 ? only + 1 : variants); i++) {
            Variant v = mutate(i, seed, bases);
            String replay = v + ", seed " + seed + "; replay with -Dmutation.seed=" + seed + " -Dmutation.only=" + i;
            HostileLoad.Outcome[] outcome = new HostileLoad.Outcome[1];
            // preemptive: a variant that hangs fails here, named, instead of hanging the build
            assertThatCode(() -> outcome[0] = assertTimeoutPreemptively(HANG, () -> check(v), replay))
                    .as(replay).doesNotThrowAnyException();
            if (outcome[0].session() != null) {
                sessions++;
                messages += outcome[0].session().size();
            } else {
                refusals++;
            }
            slowest = Math.max(slowest, outcome[0].nanos());
        }
        System.out.printf("SessionLoaderMutationTest: %d sessions (%d messages), %d refusals in %.1f s; slowest %.1f ms%n",
                sessions, messages, refusals, (System.nanoTime() - start) / 1e9, slowest / 1e6);
        assertThat(sessions).as("most damaged captures still give a session").isGreaterThan(refusals);
    }

    /** Loads the variant from target/mutation-failures/, where it stays if a check fails. */
    private static HostileLoad.Outcome check(Variant v) throws IOException {
        CaptureOptions options = new CaptureOptions(v.base().port(), v.forced() ? v.base().kind() : null);
        Path dir = Path.of("target", "mutation-failures");
        Files.createDirectories(dir);
        Path file = dir.resolve(v.base().name() + "-" + v.index());
        Files.write(file, v.file());

        HostileLoad.Outcome outcome = HostileLoad.load(file, options);
        if (outcome.allocatedBytes() > allocationBound(v.bytes().length)) {
            // the first variant down a new path also loads classes: the bound holds for the repeat
            outcome = HostileLoad.load(file, options);
        }

        assertThat(outcome.nanos()).as("nanoseconds to load").isLessThan(TIME_BOUND_NANOS);
        assertThat(outcome.allocatedBytes()).as("bytes allocated to load %d bytes", v.bytes().length)
                .isLessThanOrEqualTo(allocationBound(v.bytes().length));
        Session s = outcome.session();
        if (s != null) {
            SessionChecks.check(s, !s.sourceKind().startsWith("pcap"));
            assertThat(s.retainedStoreBytes()).as("bytes the session retains")
                    .isLessThanOrEqualTo((1L << 20) + 2L * v.bytes().length);
            downstream(s);
            if (v.index() % REPORT_EVERY == 0) {
                report(s);
            }
        }
        Files.delete(file);
        return outcome;
    }

    /**
     * What the workbench and the reports run over every session: lifecycles, then every model
     * that applies, with and without a window, and the savings of its outcome.
     */
    private static void downstream(Session s) {
        Lifecycles lifecycles = Lifecycles.of(s);
        for (WhatIfModel m : Models.ALL) {
            assertThat(m.remarks(s)).isNotNull();
            if (!m.applicable(s)) {
                continue;
            }
            for (long window : new long[] {0, Windows.AS_ANSWERED, Windows.INFINITE}) {
                Outcome o = m.simulate(s, lifecycles, window);
                assertThat(o.eliminated().length()).as(m.id()).isLessThanOrEqualTo(s.size());
                assertThat(Savings.of(s, o).savedRoundTrips()).as(m.id()).isNotNegative();
            }
        }
    }

    /** What {@code lookaside report} does: analysis, then the report in every format. */
    private static void report(Session s) throws IOException {
        Report r = ReportBuilder.build(Analyzer.analyze(s), ReportBuilder.Options.DEFAULT);
        ReportJson.write(r, OutputStream.nullOutputStream());
        ReportCsv.write(r, OutputStream.nullOutputStream());
        ReportHtml.write(r, OutputStream.nullOutputStream());
    }

    /**
     * Fixed buffers (stream buffers, the session's first 1 MiB store chunk, its columns, libpcap's
     * record copies) plus a constant per input byte for what the input may legitimately make.
     */
    private static long allocationBound(int n) {
        return (8L << 20) + 64L * n;
    }

    private static List<Base> bases() throws IOException {
        List<Base> bases = new ArrayList<>();
        Function<byte[], List<int[]>> pcap = SampleSlices::pcapRecords;
        bases.add(base("a-v9fs-busybox-cachenone-first", SampleSlices.pcap(Samples.path("a-v9fs-busybox-cachenone.pcap.gz"), 0, 60), pcap, InputKind.PCAP, 0));
        bases.add(base("a-v9fs-busybox-cachenone-midstream", SampleSlices.pcap(Samples.path("a-v9fs-busybox-cachenone.pcap.gz"), 400, 460), pcap, InputKind.PCAP, 0));
        bases.add(base("a-v9fs-busybox-cacheloose-ganesha-first", SampleSlices.pcap(Samples.path("a-v9fs-busybox-cacheloose-ganesha.pcap.gz"), 0, 60), pcap, InputKind.PCAP, 0));
        bases.add(base("a-v9fs-version-9p2000.u-vs-diod", SampleSlices.pcap(Samples.path("a-v9fs-version-9p2000.u-vs-diod.pcap.gz"), 0, 60), pcap, InputKind.PCAP, 0));
        bases.add(base("c-diod-userspace-first", SampleSlices.pcap(Samples.path("c-diod-userspace.pcap.gz"), 0, 60), pcap, InputKind.PCAP, 0));
        bases.add(base("d-diod-any-sll2-first", SampleSlices.pcap(Samples.path("d-diod-any-sll2.pcap.gz"), 0, 60), pcap, InputKind.PCAP, 0));
        bases.add(base("d-diod-any-sll-5640-first", SampleSlices.pcapng(Samples.path("d-diod-any-sll-5640.pcapng.gz"), 60), SampleSlices::pcapngBlocks, InputKind.PCAPNG, 5640));
        for (String f : new String[] {"b-fuse-bindfs", "b-fuse-fuse-overlayfs", "b-fuse-glusterfs"}) {
            bases.add(base(f + ".fusedump-first", SampleSlices.fusedump(Samples.path(f + ".fusedump.gz"), 60), SampleSlices::fusedumpRecords, InputKind.FUSEDUMP, 0));
        }
        for (String f : new String[] {"b-fuse-bindfs", "b-fuse-fuse-overlayfs"}) {
            bases.add(base(f + ".strace-first", SampleSlices.lines(Samples.path(f + ".strace.txt.gz"), 80, 4096), SampleSlices::lineRecords, InputKind.STRACE, 0));
            bases.add(base(f + ".tracefs-first", SampleSlices.lines(Samples.path(f + ".tracefs.txt"), 80, 4096), SampleSlices::lineRecords, InputKind.TRACEFS, 0));
        }
        return bases;
    }

    private static Base base(String name, byte[] bytes, Function<byte[], List<int[]>> records, InputKind kind, int port) {
        return new Base(name, bytes, records.apply(bytes), kind, port);
    }

    /** Variant {@code i}: its own random stream from (seed, i), so any one replays alone. */
    private static Variant mutate(int i, long seed, List<Base> bases) throws IOException {
        Random r = new Random(seed * 0x9E37_79B9_7F4A_7C15L + i);
        Base base = bases.get(r.nextInt(bases.size()));
        byte[] b = base.bytes();
        List<String> what = new ArrayList<>();
        if (r.nextInt(3) == 0 && base.records().size() > 1) {
            b = mutateRecords(b, base.records(), r, what);
        }
        for (int k = 1 + r.nextInt(4); k > 0 && b.length > 0; k--) {
            b = mutateBytes(b, r, what);
        }
        byte[] file = b;
        if (r.nextInt(8) == 0) {
            file = gzip(b);
            what.add("gzip-compressed");
            if (r.nextInt(3) == 0) {
                file = Arrays.copyOf(file, r.nextInt(file.length + 1));
                what.add("the gzip stream cut at " + file.length);
            }
        }
        return new Variant(i, base, b, file, r.nextBoolean(), String.join(", ", what));
    }

    private static byte[] gzip(byte[] b) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] mutateRecords(byte[] b, List<int[]> records, Random r, List<String> what) {
        List<byte[]> parts = new ArrayList<>();
        int head = records.get(0)[0];
        for (int[] rec : records) {
            parts.add(Arrays.copyOfRange(b, rec[0], rec[1]));
        }
        int a = r.nextInt(parts.size());
        int c = r.nextInt(parts.size());
        switch (r.nextInt(4)) {
            case 0 -> {
                parts.add(c, parts.get(a));
                what.add("record " + a + " duplicated before " + c);
            }
            case 1 -> {
                parts.remove(a);
                what.add("record " + a + " dropped");
            }
            case 2 -> {
                byte[] t = parts.get(a);
                parts.set(a, parts.get(c));
                parts.set(c, t);
                what.add("records " + a + " and " + c + " swapped");
            }
            default -> {
                byte[] t = parts.get(a);
                parts.set(a, Arrays.copyOf(t, r.nextInt(t.length + 1)));
                what.add("record " + a + " cut");
            }
        }
        ByteBuffer out = ByteBuffer.allocate(head + parts.stream().mapToInt(p -> p.length).sum());
        out.put(b, 0, head);
        parts.forEach(out::put);
        return out.array();
    }

    private static byte[] mutateBytes(byte[] b, Random r, List<String> what) {
        int at = r.nextInt(b.length);
        int len = 1 + r.nextInt(Math.min(64, b.length - at));
        return switch (r.nextInt(7)) {
            case 0 -> {
                byte[] m = b.clone();
                for (int k = 1 + r.nextInt(8); k > 0; k--) {
                    m[r.nextInt(m.length)] = (byte) r.nextInt(256);
                }
                what.add("bytes flipped");
                yield m;
            }
            case 1 -> {
                what.add("cut at " + at);
                yield Arrays.copyOf(b, at);
            }
            case 2 -> {
                int to = r.nextInt(b.length + 1);
                what.add(len + " bytes at " + at + " duplicated at " + to);
                yield splice(b, to, Arrays.copyOfRange(b, at, at + len), 0);
            }
            case 3 -> {
                what.add(len + " bytes deleted at " + at);
                yield splice(b, at, new byte[0], len);
            }
            case 4 -> {
                int other = r.nextInt(b.length - len + 1);
                byte[] m = b.clone();
                System.arraycopy(b, other, m, at, Math.min(len, m.length - at));
                System.arraycopy(b, at, m, other, Math.min(len, m.length - other));
                what.add(len + " bytes at " + at + " and " + other + " swapped");
                yield m;
            }
            case 5 -> {
                byte[] m = b.clone();
                int v = EXTREMES[r.nextInt(EXTREMES.length)];
                int p = Math.max(0, Math.min(m.length - 4, at & ~3));
                if (m.length >= 4) {
                    ByteBuffer.wrap(m).order(r.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN).putInt(p, v);
                }
                what.add("u32 at " + p + " set to " + Integer.toUnsignedString(v));
                yield m;
            }
            default -> {
                byte[] m = b.clone();
                m[at] ^= (byte) (1 << r.nextInt(8));
                what.add("bit flipped at " + at);
                yield m;
            }
        };
    }

    /** {@code b} with {@code remove} bytes at {@code at} replaced by {@code insert}. */
    private static byte[] splice(byte[] b, int at, byte[] insert, int remove) {
        int cut = Math.min(remove, b.length - at);
        byte[] m = new byte[b.length - cut + insert.length];
        System.arraycopy(b, 0, m, 0, at);
        System.arraycopy(insert, 0, m, at, insert.length);
        System.arraycopy(b, at + cut, m, at + insert.length, b.length - at - cut);
        return m;
    }
}
