package io.lookaside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookaside decode} as users run it; {@link #run} serves the other CLI tests too. */
public class DecodeCommandTest {
    @TempDir
    Path dir;

    /** Runs the CLI with stdout and stderr captured. */
    public static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    public record Result(int code, String out, String err) {
    }

    @Test
    void decodeExitsTwoWithOneLineForMissingFile() {
        Result r = run("decode", dir.resolve("nope.pcap").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no such file").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void decodeExitsTwoForGarbageFile() throws IOException {
        Path f = dir.resolve("garbage.bin");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = 0x42; // not a gzip, pcap or pcapng magic
        Files.write(f, bytes);
        Result r = run("decode", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not a capture").doesNotContain("at io.lookaside");
    }

    @Test
    void decodeExitsTwoForDirectory() {
        Result r = run("decode", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is a directory");
    }

    @Test
    void decodeRejectsUnknownInputKind() throws IOException {
        Path f = dir.resolve("x");
        Files.writeString(f, "hello");
        Result r = run("decode", f.toString(), "--as", "wav");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--as wav");
    }

    /**
     * A .pcap.gz cut within its first 64 KiB of content (the bytes read to tell what an input is)
     * decodes up to the cut, as a truncated .pcap does: it was refused as "not a capture".
     */
    @Test
    void aGzipCaptureCutShortEarlyDecodesUpToTheCut() throws IOException {
        byte[] whole = Files.readAllBytes(io.lookaside.Samples.path("a-v9fs-busybox-cachenone.pcap.gz"));
        Path cut = dir.resolve("cut.pcap.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, 3000));
        Result r = run("decode", cut.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Tversion").contains("Rattach");
        assertThat(r.err()).contains("truncated").doesNotContain("not a capture");
    }

    @Test
    void decodeWritesEveryMessageOfARealCaptureAsJsonLines() {
        Result r = run("decode", io.lookaside.Samples.path("a-v9fs-busybox-cachenone.pcap.gz").toString(), "--format", "jsonl");

        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).hasSize(30288).allMatch(l -> l.startsWith("{\"frame\":"));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void decodeSaysSoWhenACaptureHoldsNoNineP() {
        Result r = run("decode", io.lookaside.Samples.path("d-http-lo.pcap.gz").toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no 9P or FUSE messages found");
        // Sidecar: HTTP/1.0 over 4 TCP connections to 127.0.0.1:8000.
        assertThat(r.err()).contains("TCP connections that are not 9P: port 8000 (4 connections, usually HTTP)");
    }

    /** Every FUSE JSON line has the common keys; requests their caller, replies their error. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"b-fuse-fuse-overlayfs.fusedump.gz",
        "b-fuse-fuse-overlayfs.strace.txt.gz", "b-fuse-fuse-overlayfs.tracefs.txt"})
    void decodeFuseJsonlHasTheCommonKeysOnEveryLine(String sample) throws IOException {
        Result r = run("decode", io.lookaside.Samples.path(sample).toString(), "--format", "jsonl");
        assertThat(r.code()).isZero();
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSizeGreaterThan(2000);
        for (String line : lines) {
            com.fasterxml.jackson.databind.JsonNode o = m.readTree(line);
            assertThat(o.get("proto").asText()).isEqualTo("fuse");
            assertThat(o.has("type") && o.has("dir") && o.has("unique") && o.has("len")).as(line).isTrue();
            switch (o.get("dir").asText()) {
                case "request" -> assertThat(o.has("opcode") && o.has("nodeid") && o.has("uid") && o.has("gid")
                        && o.has("pid")).as(line).isTrue();
                case "reply" -> assertThat(o.has("opcode") && o.has("error")).as(line).isTrue();
                default -> assertThat(o.get("type").asText()).startsWith("NOTIFY_");
            }
            if (o.has("opcode")) {
                assertThat(o.get("type").asText()).isEqualTo(o.get("opcode").asText());
            }
        }
    }

    @Test
    void decodeFuseTracefsSaysWhatTheSourceLacks() {
        Result r = run("decode", io.lookaside.Samples.path("b-fuse-bindfs.tracefs.txt").toString(), "--format", "jsonl");
        String first = r.out().lines().findFirst().orElseThrow();
        // The tracepoint line names the sending task: its pid is the requester's; nodeid, uid and gid are not captured.
        assertThat(first).contains("\"type\":\"INIT\"", "\"nodeid\":null", "\"headerOnly\":true",
                "\"missing\":[\"nodeid\",\"uid\",\"gid\",\"body\"]").doesNotContain("\"pid\":null");
        assertThat(r.err()).contains("tracepoints");
    }

    @Test
    void decodeFuseTextNamesOpcodesAndErrors() {
        Result r = run("decode", io.lookaside.Samples.path("b-fuse-glusterfs.fusedump.gz").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains(" fusedump INIT ", "errno=ENOENT", "name=", "rtt=");
    }

    @Test
    void decodeAsForcesTheKindAndCutInputSaysTruncated() throws IOException {
        byte[] dump = Files.readAllBytes(io.lookaside.Samples.path("b-fuse-bindfs.fusedump.gz"));
        Path cut = dir.resolve("cut");
        Files.write(cut, java.util.Arrays.copyOf(dump, dump.length / 2));
        Result r = run("decode", cut.toString(), "--as", "fusedump");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("truncated").doesNotContain("Exception");
        Result wrong = run("decode", io.lookaside.Samples.path("b-fuse-bindfs.tracefs.txt").toString(), "--as", "fusedump");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("not a fusedump");
    }
}
